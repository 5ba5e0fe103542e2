package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;

/**
 * How an expression reads state through a variable rather than the variable
 * itself: a field ({@code st.n}), an element ({@code m[k]}) or what a pointer
 * points to ({@code *p}). Another variable, or a function given the pointer,
 * can change that state without naming the variable. A method call
 * ({@code st.Get()}) is not followed.
 */
final class ReadThrough {
    static final String ELEMENT = "[]";
    static final String POINTED_TO = "*";

    private ReadThrough() {
    }

    /** The field name, ELEMENT or POINTED_TO for a use read through, else null. */
    static String of(SyntaxNode use) {
        SyntaxNode operand = use.parent();
        SyntaxNode primary = operand.parent();
        if (primary == null || !primary.is(NodeKind.PRIMARY_EXPR) || primary.child(0) != operand) {
            return null;
        }
        if (primary.children().size() == 1) {
            SyntaxNode unary = primary.parent();
            return unary != null && unary.is(NodeKind.UNARY_EXPR) && derefers(unary) ? POINTED_TO : null;
        }
        SyntaxNode suffix = primary.child(1);
        if (suffix.firstChild(NodeKind.INDEX_SUFFIX) != null) {
            return ELEMENT;
        }
        boolean selector = suffix.children().size() == 2 && suffix.child(0).is(TokenKind.DOT)
                && suffix.child(1).is(TokenKind.IDENTIFIER);
        boolean called = primary.children().size() > 2 && primary.child(2).firstChild(NodeKind.ARGUMENTS) != null;
        return selector && !called ? suffix.child(1).text() : null;
    }

    private static boolean derefers(SyntaxNode unary) {
        for (SyntaxNode op : unary.children(NodeKind.UNARY_OP)) {
            if (op.child(0).is(TokenKind.STAR)) {
                return true;
            }
        }
        return false;
    }
}
