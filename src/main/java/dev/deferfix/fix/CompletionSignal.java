package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;
import java.util.Set;

/**
 * How a goroutine's function tells that it has finished: its first statement
 * is {@code defer close(ch)} or {@code defer wg.Done()}, or its last statement
 * sends on a channel ({@code errc <- err}) and it defers nothing.
 * A call deferred first runs last, after every other deferred call, also when
 * the function panics (recovered or not) or calls runtime.Goexit, so once the
 * signal is seen the function's own work is over. A final send is seen only
 * when a receive takes its value, and nothing but the return follows it (a
 * panic before it ends the program, a Goexit means it never comes, so the
 * receive waits forever). That holds only when the function starts no
 * goroutine of its own and does nothing else with the variable: for close,
 * sends on the channel are allowed (a join drains them); anything else could
 * close, share or copy the signal.
 *
 * @param kind      which signal
 * @param variable  the channel or WaitGroup variable (a parameter or a captured local)
 */
record CompletionSignal(Kind kind, Declaration variable) {

    enum Kind { CLOSE, DONE, SEND }

    /** Whether the function's body starts with a defer statement: a cheap filter before {@link #of}. */
    static boolean startsWithDefer(SyntaxNode function) {
        SyntaxNode first = firstStatement(function);
        return first != null && first.is(NodeKind.DEFER_STMT);
    }

    private static SyntaxNode firstStatement(SyntaxNode function) {
        SyntaxNode body = function.firstChild(NodeKind.BLOCK);
        List<SyntaxNode> statements = body == null ? List.of() : GoTrees.statements(GoTrees.listOf(body));
        return statements.isEmpty() ? null : statements.get(0);
    }

    /**
     * The signal of a FUNC_DECL or FUNC_LIT whose names {@code scopes}
     * resolves, or null when it has none. The caller checks that close is the
     * builtin (the package does not redeclare it).
     */
    static CompletionSignal of(SyntaxNode function, LocalScopes scopes) {
        SyntaxNode body = function.firstChild(NodeKind.BLOCK);
        if (body == null || !body.descendants(NodeKind.GO_STMT).isEmpty()) {
            return null;
        }
        return startsWithDefer(function) ? deferredSignal(function, body, scopes) : finalSend(body, scopes);
    }

    /** {@code defer close(ch)} or {@code defer wg.Done()} first. */
    private static CompletionSignal deferredSignal(SyntaxNode function, SyntaxNode body, LocalScopes scopes) {
        CallShape call = CallShape.of(firstStatement(function).firstChild(NodeKind.EXPRESSION));
        if (call == null) {
            return null;
        }
        SyntaxNode signalled = signalledName(call, scopes);
        Declaration variable = signalled == null ? null : scopes.resolve(signalled);
        if (variable == null) {
            return null;
        }
        Kind kind = call.name() != null ? Kind.CLOSE : Kind.DONE;
        for (SyntaxNode use : scopes.usesOf(Set.of(variable), body)) {
            if (use != signalled && !(kind == Kind.CLOSE && isSendOn(use, function))) {
                return null;
            }
        }
        return new CompletionSignal(kind, variable);
    }

    /** {@code ch <- value} last, no defer (it would run after the send), and no other use of ch. */
    private static CompletionSignal finalSend(SyntaxNode body, LocalScopes scopes) {
        List<SyntaxNode> statements = GoTrees.statements(GoTrees.listOf(body));
        SyntaxNode last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        if (last == null || !last.is(NodeKind.SIMPLE_STMT) || !last.hasChild(TokenKind.ARROW)
                || !body.descendants(NodeKind.DEFER_STMT).isEmpty()) {
            return null;
        }
        SyntaxNode target = last.child(0);
        SyntaxNode channel = target.children().size() == 1 ? LocalScopes.plainIdentifier(target.child(0)) : null;
        Declaration variable = channel == null ? null : scopes.resolve(channel);
        if (variable == null) {
            return null;
        }
        for (SyntaxNode use : scopes.usesOf(Set.of(variable), body)) {
            if (use != channel) {
                return null;
            }
        }
        return new CompletionSignal(Kind.SEND, variable);
    }

    /**
     * The position of the signal variable among the parameters of
     * {@code function} (one PARAMETER_DECL per name), or -1 when it is
     * captured rather than a parameter, or the function is variadic.
     */
    int parameterIndex(SyntaxNode function) {
        SyntaxNode parameters = function.firstChild(NodeKind.SIGNATURE).firstChild(NodeKind.PARAMETERS);
        List<SyntaxNode> decls = parameters.children(NodeKind.PARAMETER_DECL);
        boolean variadic = decls.stream().anyMatch(d -> d.hasChild(TokenKind.ELLIPSIS));
        return variadic ? -1 : decls.indexOf(variable.statement());
    }

    /** x of close(x) (with the builtin close) or of x.Done(). */
    private static SyntaxNode signalledName(CallShape call, LocalScopes scopes) {
        SyntaxNode name = call.name();
        if (name != null && name.text().equals("close") && scopes.resolve(name) == null
                && call.arguments().size() == 1 && !call.spreads()) {
            return LocalScopes.plainIdentifier(call.arguments().get(0));
        }
        SyntaxNode receiver = call.receiver();
        boolean done = receiver != null && call.arguments().isEmpty()
                && call.primary().child(1).child(1).text().equals("Done");
        return done ? receiver : null;
    }

    /** {@code use <- value} as a statement of {@code function} itself (not of a literal inside it). */
    static boolean isSendOn(SyntaxNode use, SyntaxNode function) {
        SyntaxNode expression = use.parent().parent().parent().parent();
        SyntaxNode list = expression.parent();
        SyntaxNode statement = list.parent();
        return expression.is(NodeKind.EXPRESSION) && LocalScopes.plainIdentifier(expression) == use
                && list.is(NodeKind.EXPRESSION_LIST) && list.children().size() == 1
                && statement.is(NodeKind.SIMPLE_STMT) && statement.hasChild(TokenKind.ARROW)
                && GoTrees.enclosingFunction(statement) == function;
    }
}
