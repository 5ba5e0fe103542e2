package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a defer in a loop body that is not one of the unit's sites: one that
 * was refused, suppressed or is a note (say, in a nested loop). A strategy
 * that moves the whole body into a new function would make that defer run
 * when the new function returns instead of when the enclosing one does.
 */
public final class OtherDefers {
    private OtherDefers() {
    }

    /** The refusal for the first such defer, or null when every defer of the body belongs to the unit. */
    public static Refusal check(LoopUnit unit) {
        Set<SyntaxNode> own = new HashSet<>();
        for (DeferSite site : unit.sites()) {
            own.add(site.defer());
        }
        for (SyntaxNode node : GoTrees.sameFunction(unit.body())) {
            if (node.is(NodeKind.DEFER_STMT) && !own.contains(node)) {
                return new Refusal(RefusalReason.OTHER_DEFER_IN_BODY, "line " + unit.file().source().line(node.start()));
            }
        }
        return null;
    }
}
