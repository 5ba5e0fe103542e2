package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;

/**
 * Where a function calls recover() itself. The Go spec: recover returns nil
 * when it "was not called directly by a deferred function", so a recover in a
 * function literal the function merely calls, or in a function it calls, stops
 * nothing when the function is deferred. Counted all the same, to be safe: a
 * recover in a literal the function defers (the spec's wording does not rule
 * it out, though Go 1.19 returns nil there).
 */
final class RecoverCalls {
    private RecoverCalls() {
    }

    /** The first recover() call of a FUNC_DECL or FUNC_LIT that counts, or null. */
    static SyntaxNode direct(SyntaxNode function) {
        SyntaxNode body = function.firstChild(NodeKind.BLOCK);
        if (body == null) {
            return null; // declared without a body (assembly)
        }
        for (SyntaxNode node : GoTrees.sameFunction(body)) {
            if (isRecoverCall(node)) {
                return node;
            }
            SyntaxNode deferred = node.is(NodeKind.DEFER_STMT) ? deferredLiteral(node) : null;
            SyntaxNode inside = deferred == null ? null : direct(deferred);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    /** Whether the node is a call of recover. */
    static boolean isRecoverCall(SyntaxNode node) {
        return node.is(NodeKind.PRIMARY_EXPR) && "recover".equals(GoTrees.calleeText(node));
    }

    /** The function literal a defer statement calls ({@code defer func() { ... }()}), or null. */
    private static SyntaxNode deferredLiteral(SyntaxNode defer) {
        SyntaxNode primary = defer.firstChild(NodeKind.EXPRESSION);
        while (primary != null && !primary.is(NodeKind.PRIMARY_EXPR) && primary.children().size() == 1) {
            primary = primary.child(0);
        }
        return primary != null && primary.is(NodeKind.PRIMARY_EXPR) && primary.child(0).is(NodeKind.FUNC_LIT)
                ? primary.child(0) : null;
    }
}
