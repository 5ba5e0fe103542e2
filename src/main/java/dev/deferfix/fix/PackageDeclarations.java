package dev.deferfix.fix;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a file's package declares at top level, as far as the goroutine join
 * proof needs it: which names it declares (a package may redeclare the
 * builtins close and make), and which top-level functions (no receiver) close
 * one of their channel parameters as their completion signal
 * ({@code func f(c Conn, ch chan<- error) { defer close(ch); ... }}). The
 * package is the file itself plus the other .go files of its directory with
 * the same package clause; a non-test file sees only non-test files, a
 * _test.go file sees both (package x and package x_test stay apart by their
 * names). Other files are read only when asked, once per directory for the
 * life of this object (one run), and only this summary of them is kept. They
 * are lexed, not parsed ({@link TopLevelNames}), unless one may start a
 * function with {@code defer close(...)}: a package like net has 196 files,
 * and parsing them all took most of a one-file run on net/server_test.go.
 */
final class PackageDeclarations {
    /** Answer for a name without a provable signal. */
    static final int NONE = -1;

    private final PerDirectory<List<FileSummary>> summaries = new PerDirectory<>() {
        @Override
        List<FileSummary> make(Path directory) {
            return read(directory);
        }
    };
    /** Per directory, which files may declare each function name ({@link FunctionHeaders}). */
    private final PerDirectory<Map<String, List<Path>>> functionHeaders = new PerDirectory<>() {
        @Override
        Map<String, List<Path>> make(Path directory) {
            return functionHeadersIn(directory);
        }
    };

    /**
     * The index of the parameter that the top-level function {@code name}
     * closes first thing, as seen from {@code file}; NONE when it has no such
     * signal, is not a top-level function of the package, some declaration of
     * it (under other build tags) differs, or a file of the package cannot be read.
     */
    int closedParameter(ParsedFile file, String name) {
        List<Integer> found = new ArrayList<>(FileSummary.closersIn(file.root()).getOrDefault(name, List.of()));
        if (found.isEmpty()) {
            List<FileSummary> others = otherFiles(file);
            if (others == null) {
                return NONE;
            }
            for (FileSummary other : others) {
                List<Integer> closers = other.closersOf(name);
                if (closers == null) {
                    return NONE;
                }
                found.addAll(closers);
            }
        }
        return !found.isEmpty() && found.stream().distinct().count() == 1 ? found.get(0) : NONE;
    }

    /**
     * Whether another file of the package declares a top-level function (no
     * receiver) named {@code name}; false when the package cannot be known
     * (standard input) or a file of it cannot be read.
     */
    boolean declaresFunctionElsewhere(ParsedFile file, String name) {
        return declaredElsewhere(file, name, Declared.FUNCTION);
    }

    /**
     * Whether another file of the package declares {@code name} at top level
     * (a new import of that name would clash); false when the package cannot be known or read.
     */
    boolean declaresNameElsewhere(ParsedFile file, String name) {
        return declaredElsewhere(file, name, Declared.ANYTHING);
    }

    /**
     * Whether another file of the package declares {@code name} as an
     * interface type; false when the package cannot be known or read.
     */
    boolean declaresInterfaceElsewhere(ParsedFile file, String name) {
        return declaredElsewhere(file, name, Declared.INTERFACE);
    }

    private enum Declared { FUNCTION, INTERFACE, ANYTHING }

    /** Whether another file declares {@code name} as {@code what}. */
    private boolean declaredElsewhere(ParsedFile file, String name, Declared what) {
        List<FileSummary> others = otherFiles(file);
        if (others == null) {
            return false;
        }
        for (FileSummary other : others) {
            boolean declared = switch (what) {
                case FUNCTION -> other.top.functions().contains(name);
                case INTERFACE -> other.top.interfaces().contains(name);
                case ANYTHING -> other.top.names().contains(name);
            };
            if (declared) {
                return true;
            }
        }
        return false;
    }

    /**
     * The other files of the package that declare a top-level function (no
     * receiver) named {@code name}, parsed; null when the package cannot be
     * known (standard input), and a file that cannot be read or parsed is
     * left out. Only files whose bytes show such a function header are
     * parsed ({@link FunctionHeaders}): a package like net has 196 files,
     * and lexing them all to find one helper cost more than the whole scan
     * of the package.
     */
    List<ParsedFile> filesDeclaringFunction(ParsedFile file, String name) {
        Path path = onDisk(file);
        if (path == null) {
            return null;
        }
        List<ParsedFile> declaring = new ArrayList<>();
        for (Path other : functionHeaders.of(path.getParent()).getOrDefault(name, List.of())) {
            ParsedFile parsed = visibleFile(path, other) ? parse(other) : null;
            if (parsed != null && packageName(parsed.root()).equals(packageName(file.root()))
                    && SameFileCallee.topLevelFunction(parsed.root(), name) != null) {
                declaring.add(parsed);
            }
        }
        return declaring;
    }

    /** For each function name the directory's .go files may declare, those files. */
    private static Map<String, List<Path>> functionHeadersIn(Path directory) {
        Map<String, List<Path>> index = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().endsWith(".go") && Files.isRegularFile(entry)) {
                    for (String name : FunctionHeaders.namesIn(Files.readAllBytes(entry))) {
                        List<Path> files = index.get(name);
                        if (files == null) {
                            files = new ArrayList<>();
                            index.put(name, files);
                        }
                        files.add(entry);
                    }
                }
            }
        } catch (IOException unreadable) {
            // what was read stands: the rest of the package is unknown, as an unreadable file is
        }
        return index;
    }

    private static ParsedFile parse(Path file) {
        try {
            return GoParsing.parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException | SyntaxError unreadable) {
            return null;
        }
    }

    /**
     * What names the files another file of the package sees: its directory,
     * package name and whether it is a test file; null when the package cannot be known.
     */
    String packageKey(ParsedFile file) {
        Path path = onDisk(file);
        return path == null ? null : path.getParent() + " " + packageName(file.root()) + " "
                + path.getFileName().toString().endsWith("_test.go");
    }

    /** A .go file beside {@code path} that its package may include: no test file for a non-test file. */
    private static boolean visibleFile(Path path, Path entry) {
        String name = entry.getFileName().toString();
        return name.endsWith(".go") && !entry.getFileName().equals(path.getFileName())
                && (path.getFileName().toString().endsWith("_test.go") || !name.endsWith("_test.go"))
                && Files.isRegularFile(entry);
    }

    /** Whether the package declares {@code name} at top level (or might: a file of it cannot be read). */
    boolean declares(ParsedFile file, String name) {
        return declares(file, name, true);
    }

    /** Whether the package is known to declare {@code name} at top level: false for what cannot be read. */
    boolean knownToDeclare(ParsedFile file, String name) {
        return declares(file, name, false);
    }

    private boolean declares(ParsedFile file, String name, boolean whenUnknown) {
        if (TopLevelNames.of(file.tokens(), file.source()).names().contains(name)) {
            return true;
        }
        List<FileSummary> others = otherFiles(file);
        if (others == null) {
            return whenUnknown;
        }
        for (FileSummary other : others) {
            if (other.top.names().contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The other files of the file's package; null when the directory has a
     * file that cannot be read, or the file is not on disk where its path
     * says (standard input without a real file name): then its package is unknown.
     */
    private List<FileSummary> otherFiles(ParsedFile file) {
        Path path = onDisk(file);
        if (path == null) {
            return null;
        }
        String fileName = path.getFileName().toString();
        boolean testFile = fileName.endsWith("_test.go");
        String packageName = packageName(file.root());
        List<FileSummary> visible = new ArrayList<>();
        for (FileSummary other : summaries.of(path.getParent())) {
            if (other == FileSummary.UNREADABLE) {
                return null;
            }
            if (other.top.packageName().equals(packageName) && (testFile || !other.testFile())
                    && !other.fileName().equals(fileName)) {
                visible.add(other);
            }
        }
        return visible;
    }

    /** Where the file lies on disk, absolute; null when it is not on disk where its path says. */
    private static Path onDisk(ParsedFile file) {
        Path path;
        try {
            path = file.source().location().toAbsolutePath().normalize();
        } catch (InvalidPathException notAPath) {
            return null;
        }
        return Files.isRegularFile(path) ? path : null;
    }

    private static List<FileSummary> read(Path directory) {
        List<FileSummary> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().endsWith(".go") && Files.isRegularFile(entry)) {
                    files.add(FileSummary.read(entry));
                }
            }
        } catch (IOException | SyntaxError unreadable) {
            return List.of(FileSummary.UNREADABLE);
        }
        return files;
    }

    /** The package clause's name; "" without one. */
    static String packageName(SyntaxNode root) {
        SyntaxNode clause = root.firstChild(NodeKind.PACKAGE_CLAUSE);
        return clause == null ? "" : clause.firstChild(TokenKind.IDENTIFIER).text();
    }

    /**
     * One file: its package clause and top-level names, lexed; and, parsed when first
     * asked, which parameter each of its functions closes first thing. Only a file with
     * the tokens {@code defer close (} can have such a function, and only a go statement
     * calling a function of that name asks.
     */
    private static final class FileSummary {
        static final FileSummary UNREADABLE = new FileSummary(null,
                new TopLevelNames("", List.of(), Set.of(), Set.of(), false));

        private final Path path;
        final TopLevelNames top;
        /** Per function name, the closed parameter of each declaration; null until parsed. */
        private Map<String, List<Integer>> closers;

        private FileSummary(Path path, TopLevelNames top) {
            this.path = path;
            this.top = top;
        }

        String fileName() {
            return path == null ? "" : path.getFileName().toString();
        }

        boolean testFile() {
            return fileName().endsWith("_test.go");
        }

        static FileSummary read(Path file) throws IOException, SyntaxError {
            SourceText source = SourceText.decode(file.toString(), Files.readAllBytes(file));
            return new FileSummary(file, TopLevelNames.of(GoParsing.tokenize(source), source));
        }

        /** The closed parameter (or NONE) of each declaration of {@code name} here; null if the file no longer parses. */
        synchronized List<Integer> closersOf(String name) {
            if (!top.functions().contains(name)) {
                return List.of();
            }
            if (!top.mayCloseFirst()) {
                return List.of(NONE); // one declaration: a function name is declared once per file
            }
            if (closers == null) {
                try {
                    closers = closersIn(GoParsing.parse(path.toString(), Files.readAllBytes(path)).root());
                } catch (IOException | SyntaxError unreadable) {
                    return null;
                }
            }
            return closers.getOrDefault(name, List.of());
        }

        /** Per function name, the closed parameter (or NONE) of each of its declarations in the tree. */
        static Map<String, List<Integer>> closersIn(SyntaxNode root) {
            Map<String, List<Integer>> closers = new HashMap<>();
            for (SyntaxNode function : functions(root)) {
                closers.computeIfAbsent(function.firstChild(TokenKind.IDENTIFIER).text(), n -> new ArrayList<>())
                        .add(closedParameter(function));
            }
            return closers;
        }

        /** Functions without a receiver. */
        private static List<SyntaxNode> functions(SyntaxNode root) {
            List<SyntaxNode> functions = new ArrayList<>();
            for (SyntaxNode top : root.children(NodeKind.TOP_LEVEL_DECL)) {
                SyntaxNode function = top.firstChild(NodeKind.FUNC_DECL);
                if (function != null && function.firstChild(NodeKind.RECEIVER) == null) {
                    functions.add(function);
                }
            }
            return functions;
        }

        private static int closedParameter(SyntaxNode function) {
            if (!CompletionSignal.startsWithDefer(function)) {
                return NONE; // most functions: skip building their scopes
            }
            CompletionSignal signal = CompletionSignal.of(function, LocalScopes.of(function));
            return signal == null || signal.kind() != CompletionSignal.Kind.CLOSE ? NONE
                    : signal.parameterIndex(function);
        }
    }
}
