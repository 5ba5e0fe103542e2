package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls known to run a function passed to them before they return, and to
 * keep it nowhere. The escape analysis counts a function literal that captures
 * the resource and is passed to any other call as leaving the iteration: the
 * call may keep it and run it later ({@code time.AfterFunc}, {@code http.HandleFunc},
 * {@code t.Cleanup}, a registry's {@code add}), when the resource is already
 * cleaned up. The list is short on purpose; each entry runs its argument
 * within the call by its documentation:
 * <ul>
 * <li>{@code sort.Slice}, {@code SliceStable}, {@code Search}, {@code Find}: during the sort or search;</li>
 * <li>{@code Map}, {@code FieldsFunc}, {@code IndexFunc}, {@code LastIndexFunc}, {@code TrimFunc},
 *     {@code TrimLeftFunc}, {@code TrimRightFunc} of {@code strings} and {@code bytes}: per rune of the input;</li>
 * <li>{@code filepath.Walk}, {@code filepath.WalkDir}, {@code fs.WalkDir}: per file, and the walk is over
 *     when they return;</li>
 * <li>{@code testing.AllocsPerRun}: the given number of times;</li>
 * <li>{@code once.Do(f)} on a variable or parameter declared {@code sync.Once} or {@code *sync.Once}: at most
 *     once, now (another type's Do may well keep f);</li>
 * <li>{@code t.Run(name, f)} on a parameter declared {@code *testing.T} or {@code *testing.B}, when the literal
 *     calls no {@code Parallel()}: Run waits for the subtest, unless it calls t.Parallel, which pauses it until
 *     the parent's function has returned; any Parallel call counts, whatever its receiver is named;</li>
 * <li>a top-level function of the file that only calls that parameter in place ({@link SameFileCallee}).</li>
 * </ul>
 * A package's name must mean the standard package: imported under its own
 * name and not shadowed by a local variable.
 */
final class SynchronousCalls {
    private static final Set<String> STANDARD = Set.of("sort.Slice", "sort.SliceStable", "sort.Search", "sort.Find",
            "strings.Map", "strings.FieldsFunc", "strings.IndexFunc", "strings.LastIndexFunc", "strings.TrimFunc",
            "strings.TrimLeftFunc", "strings.TrimRightFunc", "bytes.Map", "bytes.FieldsFunc", "bytes.IndexFunc",
            "bytes.LastIndexFunc", "bytes.TrimFunc", "bytes.TrimLeftFunc", "bytes.TrimRightFunc", "filepath.Walk",
            "filepath.WalkDir", "fs.WalkDir", "testing.AllocsPerRun");
    /** The import path of each package that STANDARD names. */
    private static final Map<String, String> PATHS = Map.of("sort", "sort", "strings", "strings", "bytes", "bytes",
            "filepath", "path/filepath", "fs", "io/fs", "testing", "testing");
    private static final Set<String> ONCE_TYPES = Set.of("sync.Once", "*sync.Once");
    /** Handles whose Run method runs a subtest or sub-benchmark. */
    private static final Set<String> SUBTEST_PARENTS = Set.of("*testing.T", "*testing.B");

    private final PackageDeclarations declarations;

    SynchronousCalls(PackageDeclarations declarations) {
        this.declarations = declarations;
    }

    /**
     * Whether the call whose {@code arguments} hold {@code argument} (one of
     * its expressions, a function value) runs it before returning and keeps it nowhere.
     */
    boolean runsBeforeReturning(SyntaxNode arguments, SyntaxNode argument, LocalScopes scopes, ParsedFile file) {
        SyntaxNode primary = arguments.parent().parent();
        List<SyntaxNode> parts = primary.children();
        int at = parts.indexOf(arguments.parent());
        SyntaxNode head = parts.get(0);
        if (!head.is(NodeKind.OPERAND) || !head.child(0).is(TokenKind.IDENTIFIER)) {
            return false;
        }
        SyntaxNode name = head.child(0);
        if (at == 1) {
            return scopes.resolve(name) == null && SameFileCallee.onlyCallsParameter(file, name.text(),
                    arguments.children(NodeKind.EXPRESSION).indexOf(argument), declarations);
        }
        SyntaxNode selector = parts.get(1);
        if (at != 2 || !selector.child(0).is(TokenKind.DOT) || !selector.child(1).is(TokenKind.IDENTIFIER)) {
            return false;
        }
        String selected = selector.child(1).text();
        Declaration receiver = scopes.resolve(name);
        if (receiver == null) {
            String path = PATHS.get(name.text());
            return STANDARD.contains(name.text() + "." + selected) && path != null
                    && StandardImports.importsAsItself(file.root(), path);
        }
        String type = DeclaredTypes.writtenType(receiver);
        if (type == null) {
            return false; // no written type (x := ...): nothing is known of its methods
        }
        if (selected.equals("Do")) {
            return ONCE_TYPES.contains(type) && StandardImports.importsAsItself(file.root(), "sync");
        }
        return selected.equals("Run") && SUBTEST_PARENTS.contains(type)
                && StandardImports.importsAsItself(file.root(), "testing") && runsAsItsOwnSubtest(argument);
    }

    /** A function literal written in place that calls no Parallel(); a function variable cannot be read. */
    private static boolean runsAsItsOwnSubtest(SyntaxNode argument) {
        SyntaxNode literal = argument;
        while (!literal.is(NodeKind.FUNC_LIT) && literal.children().size() == 1) {
            literal = literal.child(0);
        }
        if (!literal.is(NodeKind.FUNC_LIT)) {
            return false;
        }
        for (SyntaxNode call : literal.descendants(NodeKind.PRIMARY_EXPR)) {
            String callee = GoTrees.calleeText(call);
            if (callee != null && (callee.equals("Parallel") || callee.endsWith(".Parallel"))) {
                return false;
            }
        }
        return true;
    }
}
