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
 * is {@code defer close(ch)} or {@code defer wg.Done()}. A call deferred first
 * runs last, after every other deferred call, also when the function panics
 * (recovered or not) or calls runtime.Goexit, so once the signal is seen the
 * function's own work is over. That holds only when the function starts no
 * goroutine of its own and does nothing else with the variable: sends on the
 * channel are allowed (a join drains them); anything else could close, share
 * or copy the signal.
 *
 * @param kind      which signal
 * @param variable  the channel or WaitGroup variable (a parameter or a captured local)
 */
record CompletionSignal(Kind kind, Declaration variable) {

    enum Kind { CLOSE, DONE }

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
        if (!startsWithDefer(function) || !body.descendants(NodeKind.GO_STMT).isEmpty()) {
            return null;
        }
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
