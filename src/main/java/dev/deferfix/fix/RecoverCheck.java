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
        SyntaxNode[] found = new SyntaxNode[1];
        GoTrees.walkSameFunction(unit.body(), node -> {
            if (found[0] == null && node.is(NodeKind.DEFER_STMT) && callsRecover(node)) {
                found[0] = node;
            }
        });
        if (found[0] == null) {
            return null;
        }
        return new Refusal(RefusalReason.RECOVER_IN_LOOP,
                "line " + unit.file().source().line(found[0].start()));
    }

    private static boolean callsRecover(SyntaxNode defer) {
        boolean[] calls = new boolean[1];
        defer.walk(node -> true, node -> {
            if (!calls[0] && node.is(NodeKind.PRIMARY_EXPR) && "recover".equals(GoTrees.calleeText(node))) {
                calls[0] = true;
            }
        });
        return calls[0];
    }
}
