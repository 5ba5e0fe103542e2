package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls that may keep a value handed to them as an argument after they
 * return, somewhere other than their result, which {@link CallResults} follows:
 * <ul>
 * <li>a method of an object declared outside the loop body (a local, a
 *     parameter, a header variable or a package-level variable) given the
 *     value itself ({@code l.PushBack(r)}, {@code m.Store(k, r)},
 *     {@code g.add(r)}): the object lives on after the iteration and may be
 *     read after the loop. A field read ({@code r.id}) or a call's result
 *     ({@code r.Name()}) is another value, and so is a call's result that may
 *     hold it; a context made by {@code context.WithX} passed first is
 *     passed for the call's duration. Methods that only read or fill
 *     their arguments during the call are known by name
 *     ({@link KnownCalls#methodKeepsNoArgument});</li>
 * <li>a call that registers a function to call later, given the value or a
 *     selector rooted at it, which without types may be a method value
 *     ({@code time.AfterFunc(d, r.Ping)}, {@code t.Cleanup(f.Close)}). By
 *     their documentation these keep the function: {@code time.AfterFunc}
 *     and {@code context.AfterFunc} call it in their own goroutine later,
 *     {@code http.HandleFunc} and {@code http.Handle} (and the methods of the same
 *     names on an object from outside the body, such as a
 *     {@code *http.ServeMux}) serve requests with it, {@code runtime.SetFinalizer}
 *     calls its second argument when the first is collected, and
 *     {@code Cleanup} on a parameter declared {@code *testing.T}, {@code B},
 *     {@code F} or {@code testing.TB} calls it when the test ends.
 *     {@code signal.Notify} is not one: it keeps a channel, not a function.</li>
 * </ul>
 * A package's name must mean the standard package: imported under its own
 * name and not shadowed by a local variable.
 */
final class KeepingCalls {
    /** Standard functions that keep a function argument to call later, with its position. */
    private static final Map<String, Integer> REGISTERING_FUNCTIONS = Map.of("time.AfterFunc", 1,
            "context.AfterFunc", 1, "http.HandleFunc", 1, "http.Handle", 1, "runtime.SetFinalizer", 1);
    /** The import path of each package that REGISTERING_FUNCTIONS names. */
    private static final Map<String, String> PATHS = Map.of("time", "time", "context", "context", "http",
            "net/http", "runtime", "runtime");
    /** Methods that keep their second argument to serve requests with it. */
    private static final Set<String> HANDLER_METHODS = Set.of("HandleFunc", "Handle");

    private KeepingCalls() {
    }

    /**
     * Why the call that {@code use} (a tracked variable, whole or with
     * selectors) is an argument of may keep it: " is passed to ..."; null when
     * it is no such argument or the call is not known to keep it.
     */
    static String keptBy(SyntaxNode use, Declaration variable, LocalScopes scopes, FlowRegion region) {
        SyntaxNode body = region.body();
        ParsedFile file = region.file();
        SyntaxNode operand = use.parent();
        SyntaxNode primary = operand.parent();
        if (primary == null || !primary.is(NodeKind.PRIMARY_EXPR) || primary.child(0) != operand) {
            return null;
        }
        int selectors = SelectorChain.after(use).size();
        SyntaxNode argument = argumentHolding(primary);
        if (primary.children().size() != 1 + selectors || argument == null) {
            return null; // indexed, called or asserted: another value
        }
        SyntaxNode arguments = argument.parent();
        SyntaxNode call = arguments.parent().parent();
        int position = arguments.children(NodeKind.EXPRESSION).indexOf(argument);
        String callee = WhiteSpace.removed(call.source().text().substring(call.start(), arguments.parent().start()));
        if (registersFunction(call, arguments, position, scopes, body, file)) {
            return " is passed as " + WhiteSpace.removed(primary.text()) + " to " + callee
                    + ", which may call it after " + region.ending() + " ends";
        }
        boolean passedContext = position == 0 && madeByContext(variable, file);
        String receiver = selectors == 0 && !passedContext ? outsideReceiver(call, arguments, scopes, body, file)
                : null;
        return receiver == null ? null : " is passed to " + callee + ", a method of " + receiver
                + " (declared outside " + region.place() + "), which may keep it";
    }

    /**
     * Whether the variable is declared by {@code ctx, cancel := context.WithX(...)}:
     * the context package's documentation asks to pass a Context as the first
     * argument of each call that needs it and to store it in no struct, so
     * such a call uses it for its own duration.
     */
    private static boolean madeByContext(Declaration variable, ParsedFile file) {
        List<SyntaxNode> lists = variable.statement().children(NodeKind.EXPRESSION_LIST);
        if (!variable.statement().is(NodeKind.SIMPLE_STMT) || lists.size() != 2
                || lists.get(1).children(NodeKind.EXPRESSION).size() != 1) {
            return false;
        }
        String callee = GoTrees.calleeText(lists.get(1).child(0));
        return callee != null && callee.startsWith("context.With")
                && StandardImports.importsAsItself(file.root(), "context");
    }

    /** The argument expression that is just {@code primary}, or its address; else null. */
    private static SyntaxNode argumentHolding(SyntaxNode primary) {
        SyntaxNode value = primary;
        while (value.parent().is(NodeKind.UNARY_EXPR) && EscapeAnalysis.carriesThroughUnary(value.parent())
                || value.parent().is(NodeKind.EXPRESSION) && value.parent().children().size() == 1) {
            value = value.parent();
        }
        return value.is(NodeKind.EXPRESSION) && value.parent().is(NodeKind.ARGUMENTS) ? value : null;
    }

    private static boolean registersFunction(SyntaxNode call, SyntaxNode arguments, int position,
                                             LocalScopes scopes, SyntaxNode body, ParsedFile file) {
        List<SyntaxNode> parts = call.children();
        int at = parts.indexOf(arguments.parent());
        SyntaxNode head = parts.get(0);
        if (at != 2 || !head.is(NodeKind.OPERAND) || !head.child(0).is(TokenKind.IDENTIFIER)
                || !isSelector(parts.get(1))) {
            return false;
        }
        SyntaxNode name = head.child(0);
        String method = parts.get(1).child(1).text();
        Declaration receiver = scopes.resolve(name);
        if (receiver == null) {
            Integer registered = REGISTERING_FUNCTIONS.get(name.text() + "." + method);
            String path = PATHS.get(name.text());
            return registered != null && registered == position && path != null
                    && StandardImports.importsAsItself(file.root(), path);
        }
        if (method.equals("Cleanup")) {
            return position == 0 && DeclaredTypes.isTest(receiver);
        }
        return HANDLER_METHODS.contains(method) && position == 1 && !receiver.isInside(body);
    }

    /**
     * The receiver, as written, of a method call whose receiver's root is
     * declared outside the loop body and that may keep its arguments; else null.
     */
    private static String outsideReceiver(SyntaxNode call, SyntaxNode arguments, LocalScopes scopes,
                                          SyntaxNode body, ParsedFile file) {
        List<SyntaxNode> parts = call.children();
        int at = parts.indexOf(arguments.parent());
        SyntaxNode head = parts.get(0);
        if (at < 2 || !head.is(NodeKind.OPERAND) || !head.child(0).is(TokenKind.IDENTIFIER)
                || !isSelector(parts.get(at - 1))) {
            return null;
        }
        for (int i = 1; i < at - 1; i++) {
            if (parts.get(i).firstChild(NodeKind.ARGUMENTS) != null) {
                return null; // a call's result: nothing is known of where it lives
            }
        }
        SyntaxNode root = head.child(0);
        Declaration declaration = scopes.resolve(root);
        if (declaration != null && declaration.isInside(body)) {
            return null;
        }
        if (declaration == null && at == 2 && ImportNames.of(file.root()).contains(root.text())) {
            return null; // pkg.F(r): a function
        }
        if (KnownCalls.methodKeepsNoArgument(parts.get(at - 1).child(1).text())) {
            return null;
        }
        return WhiteSpace.removed(call.source().text().substring(call.start(), parts.get(at - 1).start()));
    }

    private static boolean isSelector(SyntaxNode suffix) {
        return suffix.is(NodeKind.SUFFIX) && suffix.child(0).is(TokenKind.DOT) && suffix.children().size() == 2
                && suffix.child(1).is(TokenKind.IDENTIFIER);
    }
}
