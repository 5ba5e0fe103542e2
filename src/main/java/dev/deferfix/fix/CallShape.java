package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;

/**
 * An expression that is exactly one call {@code head...(args)}: the callee as
 * written (without spaces) and its argument expressions. The goroutine join
 * proof reads go statements, signals and joins through it.
 */
record CallShape(SyntaxNode primary, String callee, List<SyntaxNode> arguments, boolean spreads) {

    /** The call an expression consists of, or null when it is anything else. */
    static CallShape of(SyntaxNode expression) {
        SyntaxNode primary = expression;
        while (primary != null && !primary.is(NodeKind.PRIMARY_EXPR)) {
            primary = primary.children().size() == 1 ? primary.child(0) : null;
        }
        String callee = primary == null ? null : GoTrees.calleeText(primary);
        if (callee == null) {
            return null;
        }
        SyntaxNode arguments = primary.child(primary.children().size() - 1).firstChild(NodeKind.ARGUMENTS);
        return new CallShape(primary, callee, arguments.children(NodeKind.EXPRESSION),
                arguments.hasChild(TokenKind.ELLIPSIS));
    }

    /** The function literal called directly ({@code func() {...}()}), or null. */
    SyntaxNode literal() {
        return primary.children().size() == 2 && primary.child(0).is(NodeKind.FUNC_LIT) ? primary.child(0) : null;
    }

    /** The identifier of a call of a plain name ({@code f(x)}), or null. */
    SyntaxNode name() {
        SyntaxNode head = primary.child(0);
        return primary.children().size() == 2 && head.is(NodeKind.OPERAND) && head.child(0).is(TokenKind.IDENTIFIER)
                ? head.child(0) : null;
    }

    /** The receiver identifier of {@code x.method(...)} with a plain name x, or null. */
    SyntaxNode receiver() {
        SyntaxNode head = primary.child(0);
        return primary.children().size() == 3 && head.is(NodeKind.OPERAND) && head.child(0).is(TokenKind.IDENTIFIER)
                && primary.child(1).child(0).is(TokenKind.DOT) ? head.child(0) : null;
    }
}
