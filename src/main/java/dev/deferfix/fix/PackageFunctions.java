package dev.deferfix.fix;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Top-level functions (no receiver) of a file's package that close one of
 * their channel parameters as their completion signal: {@code func f(c Conn,
 * ch chan<- error) { defer close(ch); ... }}. The function may sit in the same
 * file or in another .go file of the same directory with the same package
 * clause; a non-test file sees only non-test files, a _test.go file sees both
 * (package x and package x_test stay apart by their names). Other files are
 * parsed only when asked, once per directory for the life of this object (one
 * run); they keep only what this answer needs.
 */
final class PackageFunctions {
    /** Answer for a name without a provable signal. */
    static final int NONE = -1;

    private final Map<Path, List<FileFunctions>> byDirectory = new ConcurrentHashMap<>();

    /**
     * The index of the parameter that {@code name} closes first thing, as seen
     * from {@code file}; NONE when it has no such signal, is not a top-level
     * function of the package, or some declaration of it (under other build
     * tags) differs, or a file of the directory cannot be read.
     */
    int closedParameter(ParsedFile file, String name) {
        List<Integer> found = FileFunctions.of(file.root()).closers().getOrDefault(name, List.of());
        if (found.isEmpty()) {
            found = inOtherFiles(file, name);
        }
        return !found.isEmpty() && found.stream().distinct().count() == 1 ? found.get(0) : NONE;
    }

    private List<Integer> inOtherFiles(ParsedFile file, String name) {
        Path path = Path.of(file.path()).toAbsolutePath().normalize();
        Path directory = path.getParent();
        String fileName = path.getFileName().toString();
        boolean testFile = fileName.endsWith("_test.go");
        String packageName = packageName(file.root());
        List<Integer> found = new ArrayList<>();
        for (FileFunctions other : byDirectory.computeIfAbsent(directory, PackageFunctions::read)) {
            if (other == FileFunctions.UNREADABLE) {
                return List.of();
            }
            boolean visible = other.packageName().equals(packageName) && (testFile || !other.testFile());
            if (visible && !other.fileName().equals(fileName)) {
                found.addAll(other.closers().getOrDefault(name, List.of()));
            }
        }
        return found;
    }

    private static List<FileFunctions> read(Path directory) {
        List<FileFunctions> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().endsWith(".go")).toList()) {
                if (!Files.isRegularFile(entry)) {
                    continue;
                }
                ParsedFile parsed = GoParsing.parse(entry.toString(), Files.readAllBytes(entry));
                FileFunctions functions = FileFunctions.of(parsed.root());
                files.add(new FileFunctions(entry.getFileName().toString(), functions.packageName(),
                        functions.closers()));
            }
        } catch (IOException | SyntaxError unreadable) {
            return List.of(FileFunctions.UNREADABLE);
        }
        return files;
    }

    static String packageName(SyntaxNode root) {
        SyntaxNode clause = root.firstChild(NodeKind.PACKAGE_CLAUSE);
        return clause == null ? "" : clause.firstChild(TokenKind.IDENTIFIER).text();
    }

    /** One file's package clause and, per top-level function name, the closed parameter of each declaration. */
    private record FileFunctions(String fileName, String packageName, Map<String, List<Integer>> closers) {
        static final FileFunctions UNREADABLE = new FileFunctions("", "", Map.of());

        boolean testFile() {
            return fileName.endsWith("_test.go");
        }

        static FileFunctions of(SyntaxNode root) {
            Map<String, List<Integer>> closers = new HashMap<>();
            for (SyntaxNode top : root.children(NodeKind.TOP_LEVEL_DECL)) {
                SyntaxNode function = top.firstChild(NodeKind.FUNC_DECL);
                if (function != null && function.firstChild(NodeKind.RECEIVER) == null) {
                    closers.computeIfAbsent(function.firstChild(TokenKind.IDENTIFIER).text(), n -> new ArrayList<>())
                            .add(closedParameter(function));
                }
            }
            return new FileFunctions("", PackageFunctions.packageName(root), closers);
        }

        private static int closedParameter(SyntaxNode function) {
            CompletionSignal signal = CompletionSignal.of(function, LocalScopes.of(function));
            if (signal == null || signal.kind() != CompletionSignal.Kind.CLOSE) {
                return NONE;
            }
            return signal.parameterIndex(function);
        }
    }
}
