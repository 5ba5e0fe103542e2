package dev.deferfix.find;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;

/** Resolves where break, continue and goto statements go, as the Go spec defines it. */
public final class JumpTargets {
    private JumpTargets() {
    }

    /**
     * The statement a break or continue leaves (FOR_STMT, SWITCH_STMT or
     * SELECT_STMT), or the LABELED_STMT a goto jumps to; null when unresolved.
     */
    public static SyntaxNode targetOf(SyntaxNode jump) {
        String label = GoTrees.jumpLabel(jump);
        if (jump.is(NodeKind.GOTO_STMT)) {
            return findLabel(jump, label);
        }
        boolean isBreak = jump.is(NodeKind.BREAK_STMT);
        for (SyntaxNode up = jump.parent(); up != null && !GoTrees.isFunction(up); up = up.parent()) {
            boolean candidate = up.is(NodeKind.FOR_STMT)
                    || (isBreak && (up.is(NodeKind.SWITCH_STMT) || up.is(NodeKind.SELECT_STMT)));
            if (!candidate) {
                continue;
            }
            if (label == null || label.equals(GoTrees.labelOf(up))) {
                return up;
            }
        }
        return null;
    }

    private static SyntaxNode findLabel(SyntaxNode jump, String label) {
        SyntaxNode function = GoTrees.enclosingFunction(jump);
        if (function == null || label == null) {
            return null;
        }
        SyntaxNode body = function.firstChild(NodeKind.BLOCK);
        SyntaxNode[] found = new SyntaxNode[1];
        if (body != null) {
            GoTrees.walkSameFunction(body, node -> {
                if (found[0] == null && node.is(NodeKind.LABELED_STMT) && label.equals(GoTrees.labelName(node))) {
                    found[0] = node;
                }
            });
        }
        return found[0];
    }

    /**
     * Whether the jump goes somewhere outside {@code region}. A break or
     * continue whose target is {@code region} itself stays: it ends or repeats
     * that statement, and control stays at its level.
     */
    public static boolean leaves(SyntaxNode jump, SyntaxNode region) {
        SyntaxNode target = targetOf(jump);
        return target == null || (target != region && !region.isAncestorOf(target));
    }
}
