package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;

/**
 * Refuses a deferred wait in a body that starts a goroutine
 * ({@code go work(c); defer func() { <-c }()}, {@code defer wg.Wait()}):
 * the waits pile up on purpose, so the goroutines of all iterations run at
 * once and the function waits for them when it returns. Waiting at the end of
 * each iteration would run them one after another.
 */
public final class DeferredWaitCheck implements SiteCheck {

    @Override
    public Refusal check(LoopUnit unit, DeferSite site) {
        String wait = waitIn(site.call());
        if (wait == null) {
            return null;
        }
        for (SyntaxNode node : unit.body().subtree()) {
            if (node.is(NodeKind.GO_STMT)) {
                return new Refusal(RefusalReason.WAITS_FOR_GOROUTINES, "the deferred call " + wait
                        + ", and the body starts a goroutine at line " + unit.file().source().line(node.start()));
            }
        }
        return null;
    }

    /** How the deferred call waits: a receive, a select or a Wait() call; null when it does not. */
    private static String waitIn(SyntaxNode call) {
        for (SyntaxNode node : call.subtree()) {
            if (node.is(NodeKind.UNARY_OP) && node.child(0).is(TokenKind.ARROW)) {
                return "receives from a channel";
            }
            if (node.is(NodeKind.SELECT_STMT)) {
                return "waits in a select";
            }
            String callee = node.is(NodeKind.PRIMARY_EXPR) ? GoTrees.calleeText(node) : null;
            if (callee != null && (callee.equals("Wait") || callee.endsWith(".Wait"))) {
                return "calls " + callee + "()";
            }
        }
        return null;
    }
}
