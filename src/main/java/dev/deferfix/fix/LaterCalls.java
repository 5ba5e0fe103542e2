package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import java.util.Set;

/**
 * The calls that may run between a deferred call moved to the end of its
 * iteration and the function's return, where it used to run: those after the
 * loop, those of the loop (later iterations run them again) and those of the
 * loops around it. Any of them may change package-level state, or what a
 * pointer from outside the loop points to, without the function naming it.
 * Calls known to read only their arguments ({@code fmt.Println}, {@code len})
 * do not count; the defer's own calls run at the same moment either way.
 */
final class LaterCalls {
    private LaterCalls() {
    }

    /**
     * The first such call (its PRIMARY_EXPR), or null.
     *
     * @param loop    the loop whose iteration the call moves to the end of
     * @param skipped a function literal the deferred call runs, whose calls are the defer's own; may be null
     */
    static SyntaxNode first(DeferSite site, SyntaxNode loop, SyntaxNode skipped, Set<String> importNames) {
        SyntaxNode outermostLoop = site.loops().isEmpty() ? loop : site.loops().get(0);
        for (SyntaxNode node : site.function().subtree()) {
            if (!node.is(NodeKind.PRIMARY_EXPR) || site.defer().isAncestorOf(node)
                    || (skipped != null && skipped.isAncestorOf(node))) {
                continue;
            }
            // A backward goto may run any code of the function again.
            boolean later = site.inGotoLoop() || node.start() >= loop.end() || outermostLoop.isAncestorOf(node);
            String callee = GoTrees.calleeText(node);
            if (later && callee != null && !KnownCalls.readsOnlyArguments(callee, importNames)) {
                return node;
            }
        }
        return null;
    }
}
