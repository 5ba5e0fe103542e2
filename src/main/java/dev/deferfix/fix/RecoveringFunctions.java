package dev.deferfix.fix;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which functions and methods of a file's package call recover() themselves
 * ({@link RecoverCalls}), by name: deferred, such a function stops a panic,
 * so it must stay deferred by the function it is in. Without types a method
 * counts by its name alone, whatever its receiver; every declaration counts
 * (the package's files may declare a name once per build tag). The package is
 * the file and the other .go files of its directory with the same package
 * clause, a non-test file seeing no _test.go file (as PackageDeclarations
 * sees it). Other files are read once per directory for the life of this
 * object (one run): only files whose bytes hold "recover" are lexed
 * ({@link RecoverCandidates}), and only one with a candidate of the name asked
 * about is parsed. Few are, so a deferred {@code f.Close()} in a loop costs
 * about one read of the directory.
 */
final class RecoveringFunctions {
    private final PackageDeclarations declarations;
    private final PerDirectory<List<Recovering>> recovering = new PerDirectory<>() {
        @Override
        List<Recovering> make(Path directory) {
            return read(directory);
        }
    };

    RecoveringFunctions(PackageDeclarations declarations) {
        this.declarations = declarations;
    }

    /**
     * Where a function ({@code method} false) or method named {@code name} that
     * calls recover is declared, as seen from {@code file}: "line N" in the
     * file itself, "F.go line N" in another file of the package; null when none is.
     */
    String declaration(ParsedFile file, String name, boolean method) {
        SyntaxNode here = recoveringIn(file.root(), name, method);
        if (here != null) {
            return "at line " + file.source().line(here.start());
        }
        if (declarations.packageKey(file) == null) {
            return null; // standard input: no package to read
        }
        Path path = file.source().location().toAbsolutePath().normalize();
        String fileName = path.getFileName().toString();
        boolean testFile = fileName.endsWith("_test.go");
        String packageName = PackageDeclarations.packageName(file.root());
        for (Recovering other : recovering.of(path.getParent())) {
            Integer line = other.packageName.equals(packageName) && !other.fileName.equals(fileName)
                    && (testFile || !other.fileName.endsWith("_test.go")) ? other.line(name, method) : null;
            if (line != null) {
                return "in " + other.fileName + " at line " + line;
            }
        }
        return null;
    }

    /** The first declaration named {@code name} in the tree that calls recover, or null. */
    private static SyntaxNode recoveringIn(SyntaxNode root, String name, boolean method) {
        for (SyntaxNode top : root.children(NodeKind.TOP_LEVEL_DECL)) {
            SyntaxNode function = top.firstChild(NodeKind.FUNC_DECL);
            SyntaxNode declared = function == null ? null : function.firstChild(TokenKind.IDENTIFIER);
            if (declared != null && declared.text().equals(name)
                    && (function.firstChild(NodeKind.RECEIVER) != null) == method
                    && RecoverCalls.direct(function) != null) {
                return function;
            }
        }
        return null;
    }

    /** A file that cannot be read or parsed is left out: such a package does not build. */
    private static List<Recovering> read(Path directory) {
        List<Recovering> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                Recovering file = entry.getFileName().toString().endsWith(".go") && Files.isRegularFile(entry)
                        ? Recovering.read(entry) : null;
                if (file != null) {
                    files.add(file);
                }
            }
        } catch (IOException unreadable) {
            return files;
        }
        return files;
    }

    /**
     * One other file whose functions or methods may call recover: lexed when
     * the directory is read, parsed only when asked about a candidate.
     */
    private static final class Recovering {
        private static final ByteSearch RECOVER = new ByteSearch("recover");
        private final Path path;
        final String fileName;
        final String packageName;
        private final RecoverCandidates candidates;
        /** The line of the first declaration of each name that calls recover, null until parsed. */
        private Map<String, Integer> functions;
        private Map<String, Integer> methods;

        private Recovering(Path path, String packageName, RecoverCandidates candidates) {
            this.path = path;
            this.fileName = path.getFileName().toString();
            this.packageName = packageName;
            this.candidates = candidates;
        }

        /** The file's summary, or null when no function of it may call recover or it cannot be read. */
        static Recovering read(Path path) {
            try {
                byte[] content = Files.readAllBytes(path);
                if (!mentionsRecover(content)) {
                    return null;
                }
                SourceText source = SourceText.decode(path.toString(), content);
                List<GoToken> tokens = GoParsing.tokenize(source);
                RecoverCandidates candidates = RecoverCandidates.of(tokens, source);
                return candidates.functions().isEmpty() && candidates.methods().isEmpty() ? null
                        : new Recovering(path, packageName(tokens, source), candidates);
            } catch (IOException | SyntaxError unreadable) {
                return null;
            }
        }

        /** The line of the file's first declaration named {@code name} that calls recover, or null. */
        synchronized Integer line(String name, boolean method) {
            if (!(method ? candidates.methods() : candidates.functions()).contains(name)) {
                return null;
            }
            if (functions == null) {
                functions = new HashMap<>();
                methods = new HashMap<>();
                try {
                    ParsedFile parsed = GoParsing.parse(path.toString(), Files.readAllBytes(path));
                    for (SyntaxNode top : parsed.root().children(NodeKind.TOP_LEVEL_DECL)) {
                        SyntaxNode function = top.firstChild(NodeKind.FUNC_DECL);
                        if (function != null && RecoverCalls.direct(function) != null) {
                            (function.firstChild(NodeKind.RECEIVER) == null ? functions : methods).putIfAbsent(
                                    function.firstChild(TokenKind.IDENTIFIER).text(),
                                    parsed.source().line(function.start()));
                        }
                    }
                } catch (IOException | SyntaxError unreadable) {
                    return null; // such a package does not build
                }
            }
            return (method ? methods : functions).get(name);
        }

        /** The package clause's name, from the tokens. */
        private static String packageName(List<GoToken> tokens, SourceText source) {
            boolean afterPackage = false;
            for (GoToken token : tokens) {
                if (token.isHidden()) {
                    continue;
                }
                if (afterPackage) {
                    return token.kind() == TokenKind.IDENTIFIER ? token.text(source) : "";
                }
                afterPackage = token.kind() == TokenKind.PACKAGE;
                if (!afterPackage) {
                    return "";
                }
            }
            return "";
        }

        /** Whether the bytes hold {@code recover (}, blanks allowed: a mention in prose is no call. */
        private static boolean mentionsRecover(byte[] content) {
            for (int at = RECOVER.in(content, 0); at >= 0; at = RECOVER.in(content, at + 1)) {
                int next = at + 7;
                while (next < content.length && (content[next] == ' ' || content[next] == '\t')) {
                    next++;
                }
                if (next < content.length && content[next] == '(') {
                    return true;
                }
            }
            return false;
        }
    }
}
