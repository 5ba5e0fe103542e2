package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;

/**
 * What a call or a function value names, read without types: a plain name
 * ({@code rescue(r)}, also {@code rescue[int](r)} and {@code (rescue)(r)}),
 * or a method ({@code h.guard(x)}, {@code T.guard(h)}, also a package's
 * function {@code pkg.F()}, which only the caller's imports tell apart).
 *
 * @param name       the identifier token of the name, or of the method after the dot
 * @param qualifier  the plain identifier before the dot, or null (none, or an expression)
 * @param selected   whether a dot selects the name
 */
record CalledFunction(SyntaxNode name, SyntaxNode qualifier, boolean selected) {

    /** What the call expression calls, or null when it is no call or calls something else (a literal, an index). */
    static CalledFunction ofCall(SyntaxNode expression) {
        SyntaxNode primary = primaryOf(expression);
        if (primary == null || primary.children().size() < 2) {
            return null;
        }
        SyntaxNode arguments = primary.child(primary.children().size() - 1);
        if (!arguments.is(NodeKind.SUFFIX) || arguments.firstChild(NodeKind.ARGUMENTS) == null) {
            return null;
        }
        return of(primary, primary.children().size() - 1);
    }

    /** What a function value names ({@code rescue}, {@code h.guard}), or null. */
    static CalledFunction ofValue(SyntaxNode expression) {
        SyntaxNode primary = primaryOf(expression);
        return primary == null ? null : of(primary, primary.children().size());
    }

    /** The name made by the primary expression's first {@code end} parts. */
    private static CalledFunction of(SyntaxNode primary, int end) {
        List<SyntaxNode> parts = primary.children();
        int last = end - 1;
        if (last > 0 && parts.get(last).firstChild(NodeKind.INDEX_SUFFIX) != null) {
            last--; // an instantiation f[T]
        }
        SyntaxNode operand = parts.get(0);
        if (last == 0) {
            SyntaxNode inner = parenthesized(operand);
            if (inner != null) {
                return ofValue(inner);
            }
            return operand.is(NodeKind.OPERAND) && operand.child(0).is(TokenKind.IDENTIFIER)
                    ? new CalledFunction(operand.child(0), null, false) : null;
        }
        SyntaxNode selector = parts.get(last);
        if (!selector.is(NodeKind.SUFFIX) || !selector.child(0).is(TokenKind.DOT)
                || !selector.child(1).is(TokenKind.IDENTIFIER)) {
            return null;
        }
        SyntaxNode qualifier = last == 1 && operand.is(NodeKind.OPERAND) && operand.child(0).is(TokenKind.IDENTIFIER)
                ? operand.child(0) : null;
        return new CalledFunction(selector.child(1), qualifier, true);
    }

    /** The expression inside {@code (x)}, or null. */
    private static SyntaxNode parenthesized(SyntaxNode operand) {
        return operand.is(NodeKind.OPERAND) && operand.child(0).is(TokenKind.L_PAREN)
                ? operand.firstChild(NodeKind.EXPRESSION) : null;
    }

    /** The one primary expression an expression consists of, or null (a binary or unary operation). */
    private static SyntaxNode primaryOf(SyntaxNode expression) {
        SyntaxNode node = expression;
        while (node != null && !node.is(NodeKind.PRIMARY_EXPR)) {
            node = node.children().size() == 1 ? node.child(0) : null;
        }
        return node;
    }
}
