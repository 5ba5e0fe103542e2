package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;

/**
 * Refuses a loop body that defers a call to recover(), directly or inside a
 * deferred function literal: recover only works in a function deferred by the
 * panicking function itself, so moving or wrapping it changes which panics it stops.
 */
public final class RecoverCheck implements UnitCheck {

    @Override
    public Refusal check(LoopUnit unit, FixOptions options) {
        for (SyntaxNode node : GoTrees.sameFunction(unit.body())) {
            if (node.is(NodeKind.DEFER_STMT) && callsRecover(node)) {
                return new Refusal(RefusalReason.RECOVER_IN_LOOP, "line " + unit.file().source().line(node.start()));
            }
        }
        return null;
    }

    private static boolean callsRecover(SyntaxNode defer) {
        for (SyntaxNode node : defer.subtree()) {
            if (node.is(NodeKind.PRIMARY_EXPR) && "recover".equals(GoTrees.calleeText(node))) {
                return true;
            }
        }
        return false;
    }
}
