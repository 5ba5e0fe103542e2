package dev.deferfix.fix;

import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.fix.NameWrites.Write;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;

/**
 * The function literal behind a deferred call of a local variable
 * ({@code cleanup := func() {...}; defer cleanup()}): when the variable is
 * given that literal where it is declared and never written again, the call
 * runs the literal's body, exactly as {@code defer func() {...}()} would.
 */
final class BoundLiteral {
    private BoundLiteral() {
    }

    /**
     * The literal, or null when the deferred call is not of such a variable.
     *
     * @param writes every write in the function around the declaration
     */
    static SyntaxNode of(SyntaxNode call, LocalScopes scopes, List<Write> writes) {
        SyntaxNode primary = singleChildDown(call);
        if (primary == null || !primary.is(NodeKind.PRIMARY_EXPR) || primary.children().size() != 2
                || !primary.child(0).is(NodeKind.OPERAND) || !primary.child(0).child(0).is(TokenKind.IDENTIFIER)) {
            return null;
        }
        Declaration declaration = scopes.resolve(primary.child(0).child(0));
        SyntaxNode value = declaration == null ? null : initialValue(declaration);
        SyntaxNode literal = value == null ? null : singleChildDown(value);
        if (literal == null || !literal.is(NodeKind.FUNC_LIT)) {
            return null;
        }
        for (Write write : writes) {
            if (write.at() != declaration.token() && write.name().equals(declaration.name())
                    && declaration.equals(scopes.resolve(write.at()))) {
                return null;
            }
        }
        return literal;
    }

    /** The value a one-name {@code g := v} or {@code var g = v} gives, else null. */
    private static SyntaxNode initialValue(Declaration declaration) {
        SyntaxNode statement = declaration.statement();
        List<SyntaxNode> values;
        if (statement.is(NodeKind.SIMPLE_STMT) && statement.hasChild(TokenKind.DEFINE)
                && statement.children().size() == 3) {
            values = statement.child(2).children(NodeKind.EXPRESSION);
        } else if (statement.is(NodeKind.VAR_SPEC) && statement.firstChild(NodeKind.EXPRESSION_LIST) != null) {
            values = statement.firstChild(NodeKind.EXPRESSION_LIST).children(NodeKind.EXPRESSION);
        } else {
            return null;
        }
        return nameCount(statement.child(0)) == 1 && values.size() == 1 ? values.get(0) : null;
    }

    /** The names of an expression list ({@code g :=}) or identifier list ({@code var g}). */
    private static int nameCount(SyntaxNode list) {
        int count = 0;
        for (SyntaxNode child : list.children()) {
            if (child.is(NodeKind.EXPRESSION) || child.is(TokenKind.IDENTIFIER)) {
                count++;
            }
        }
        return count;
    }

    /** Down through nodes with one child, to the first with several (or a leaf). */
    private static SyntaxNode singleChildDown(SyntaxNode node) {
        SyntaxNode down = node;
        while (down != null && down.token() == null && down.children().size() == 1) {
            down = down.child(0);
        }
        return down;
    }
}
