package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;

/**
 * Return values that closure-scope may assign to named results one per line.
 * {@code return 100, get()} assigns both results only after evaluating both
 * values; split into {@code a = 100} and {@code b = get()}, the call would see
 * the new {@code a} if it reads it through a closure, a pointer or a method.
 * A value qualifies when evaluating it can neither change a result nor read
 * one through an alias: literals, plain names, operators other than {@code *},
 * {@code &} and {@code <-}, and members of imported packages, called or not
 * ({@code fmt.Errorf("...: %w", err)}, whose arguments must qualify too).
 */
final class AliasFreeValues {
    private AliasFreeValues() {
    }

    static boolean isAliasFree(SyntaxNode value, SyntaxNode root) {
        for (SyntaxNode node : value.subtree()) {
            if (node.is(NodeKind.FUNC_LIT)) {
                return false;
            }
            if (node.is(NodeKind.UNARY_OP) && !isPlainOperator(node.text())) {
                return false;
            }
            if (node.is(NodeKind.PRIMARY_EXPR) && node.children().size() > 1 && !isPackageMember(node, root)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainOperator(String operator) {
        return operator.equals("-") || operator.equals("+") || operator.equals("!") || operator.equals("^");
    }

    /** {@code pkg.Name} or {@code pkg.Name(...)}, with pkg a package the file imports. */
    private static boolean isPackageMember(SyntaxNode primary, SyntaxNode root) {
        List<SyntaxNode> parts = primary.children();
        SyntaxNode operand = parts.get(0);
        if (!operand.is(NodeKind.OPERAND) || operand.children().size() != 1 || !operand.child(0).is(TokenKind.IDENTIFIER)
                || !parts.get(1).hasChild(TokenKind.DOT)) {
            return false;
        }
        boolean called = parts.size() == 3 && parts.get(2).firstChild(NodeKind.ARGUMENTS) != null;
        return (parts.size() == 2 || called) && ImportNames.of(root).contains(operand.text());
    }
}
