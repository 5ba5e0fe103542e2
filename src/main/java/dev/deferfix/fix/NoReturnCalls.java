package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.List;
import java.util.Set;

/**
 * Calls that never return to the statement after them: the builtin panic;
 * os.Exit, runtime.Goexit and log.Fatal/Panic of the standard packages; and
 * t.Fatal and kin (which call runtime.Goexit) on a parameter declared as
 * {@code *testing.T}, {@code *testing.B}, {@code *testing.F} or
 * {@code testing.TB}. Names must mean what they say: panic not redeclared in
 * the package or in scope, the package imported under its own name.
 */
final class NoReturnCalls {
    private static final Set<String> STANDARD = Set.of("os.Exit", "runtime.Goexit", "log.Fatal", "log.Fatalf",
            "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln");
    private static final Set<String> TEST_STOPS = Set.of("Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow");
    private static final Set<String> TEST_TYPES = Set.of("*testing.T", "*testing.B", "*testing.F", "testing.TB");
    /** The last name of every call that may unwind: a cheap filter before resolving scopes. */
    private static final Set<String> UNWINDING_NAMES = Set.of("panic", "Goexit", "Panic", "Panicf", "Panicln",
            "Fatal", "Fatalf", "Fatalln", "FailNow", "Skip", "Skipf", "SkipNow");

    private NoReturnCalls() {
    }

    /** Whether the statement list's last statement is such a call (so control never falls out of it). */
    static boolean endsWithOne(SyntaxNode statementList, LocalScopes scopes, ParsedFile file,
                               PackageDeclarations declarations) {
        List<SyntaxNode> statements = statementList == null ? List.of() : GoTrees.statements(statementList);
        SyntaxNode last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        if (last == null || !last.is(NodeKind.SIMPLE_STMT) || last.children().size() != 1
                || last.child(0).children().size() != 1) {
            return false;
        }
        CallShape call = CallShape.of(last.child(0).child(0));
        return call != null && neverReturns(call, scopes, file, declarations);
    }

    /**
     * The first call under {@code root} from offset {@code from} on (not inside
     * function literals) that may unwind the goroutine's stack and so run its
     * deferred calls: panic, and by name alone any Goexit, Panic*, Fatal*,
     * FailNow or Skip* (t.Fatal, tb.Fatal, a logger's Fatal: the receiver's
     * type is unknown, and counting one too many only costs the rewrite);
     * not os.Exit or log.Fatal*, which end the program without running them. Null if none.
     */
    static SyntaxNode firstUnwinding(SyntaxNode root, int from, SyntaxNode function, ParsedFile file,
                                     PackageDeclarations declarations) {
        LocalScopes scopes = null;
        for (SyntaxNode node : GoTrees.sameFunction(root)) {
            if (node.start() < from || !node.is(NodeKind.PRIMARY_EXPR)) {
                continue;
            }
            CallShape call = CallShape.of(node);
            if (call == null || !UNWINDING_NAMES.contains(lastName(call.callee()))) {
                continue; // most calls: no scopes needed
            }
            scopes = scopes == null ? LocalScopes.of(function) : scopes;
            if (mayUnwind(call, scopes, file, declarations)) {
                return node;
            }
        }
        return null;
    }

    private static boolean mayUnwind(CallShape call, LocalScopes scopes, ParsedFile file,
                                     PackageDeclarations declarations) {
        SyntaxNode name = call.name();
        if (name != null) {
            return name.text().equals("panic") && scopes.resolve(name) == null
                    && !declarations.knownToDeclare(file, "panic");
        }
        SyntaxNode receiver = call.receiver(); // (os.Exit is no candidate: Exit is not among the names)
        boolean logFatal = receiver != null && scopes.resolve(receiver) == null
                && call.callee().startsWith("log.Fatal") && StandardImports.importsAsItself(file.root(), "log");
        return !logFatal;
    }

    /** Whether the call surely never returns. */
    private static boolean neverReturns(CallShape call, LocalScopes scopes, ParsedFile file,
                                        PackageDeclarations declarations) {
        SyntaxNode name = call.name();
        if (name != null) {
            return name.text().equals("panic") && scopes.resolve(name) == null
                    && !declarations.declares(file, "panic");
        }
        SyntaxNode receiver = call.receiver();
        if (receiver == null) {
            return false;
        }
        Declaration variable = scopes.resolve(receiver);
        if (variable == null) {
            String pkg = receiver.text();
            return STANDARD.contains(call.callee()) && StandardImports.importsAsItself(file.root(), pkg);
        }
        String method = call.callee().substring(receiver.text().length() + 1);
        return TEST_STOPS.contains(method) && isTestingParameter(variable)
                && StandardImports.importsAsItself(file.root(), "testing");
    }

    /** "Fatal" of "t.Fatal", "panic" of "panic". */
    private static String lastName(String callee) {
        return callee.substring(callee.lastIndexOf('.') + 1);
    }

    /** {@code t *testing.T} and the like, the name and its own type in one parameter declaration. */
    private static boolean isTestingParameter(Declaration variable) {
        SyntaxNode decl = variable.statement();
        SyntaxNode type = decl.firstChild(NodeKind.TYPE);
        return decl.is(NodeKind.PARAMETER_DECL) && decl.child(0) == variable.token() && type != null
                && !decl.hasChild(TokenKind.ELLIPSIS) && TEST_TYPES.contains(WhiteSpace.removed(type.text()));
    }
}
