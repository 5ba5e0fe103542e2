package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.find.JumpTargets;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import java.util.Set;

/**
 * Whether every path from a go statement reaches one of the given join
 * statements ({@code for ... range ch}, {@code wg.Wait()}) before anything
 * could leave: the join must follow the go statement in its own block or in
 * an enclosing one (never across a loop or function boundary), and the
 * statements in between, level by level, may contain no return, fallthrough
 * or break/continue/goto that jumps out of them. A panic in between is no
 * leak: the original program would run the cleanup at that moment too.
 */
final class JoinPath {
    private JoinPath() {
    }

    static boolean reachesJoin(SyntaxNode goStatement, Set<SyntaxNode> joins) {
        for (SyntaxNode current = goStatement; ; current = current.parent()) {
            SyntaxNode parent = current.parent();
            if (parent == null || parent.is(NodeKind.FOR_STMT) || GoTrees.isFunction(parent)) {
                return false;
            }
            if (!parent.is(NodeKind.STATEMENT_LIST)) {
                continue;
            }
            var siblings = parent.children();
            for (SyntaxNode sibling : siblings.subList(siblings.indexOf(current) + 1, siblings.size())) {
                if (!sibling.is(NodeKind.STATEMENT)) {
                    continue;
                }
                SyntaxNode statement = unlabeled(GoTrees.inner(sibling));
                if (joins.contains(statement)) {
                    return waitsToTheEnd(statement);
                }
                if (mayLeave(statement)) {
                    return false;
                }
            }
        }
    }

    private static SyntaxNode unlabeled(SyntaxNode statement) {
        SyntaxNode inner = statement;
        while (inner != null && inner.is(NodeKind.LABELED_STMT)) {
            inner = GoTrees.labeledStatement(inner);
        }
        return inner == null ? statement : inner;
    }

    /** A range join must drain the channel: no break of its own, no jump out of it. */
    private static boolean waitsToTheEnd(SyntaxNode join) {
        if (!join.is(NodeKind.FOR_STMT)) {
            return true;
        }
        boolean[] stops = new boolean[1];
        GoTrees.walkSameFunction(GoTrees.body(join), node -> {
            boolean ownBreak = node.is(NodeKind.BREAK_STMT) && JumpTargets.targetOf(node) == join;
            stops[0] |= ownBreak || leaves(node, join);
        });
        return !stops[0];
    }

    /** Whether control can leave {@code statement} other than by finishing it (or by a panic). */
    static boolean mayLeave(SyntaxNode statement) {
        boolean[] leaves = new boolean[1];
        GoTrees.walkSameFunction(statement, node -> leaves[0] |= leaves(node, statement));
        return leaves[0];
    }

    private static boolean leaves(SyntaxNode node, SyntaxNode region) {
        return switch (node.kind()) {
            case RETURN_STMT -> true;
            case FALLTHROUGH_STMT -> node == region; // inside a nested switch it stays there
            case BREAK_STMT, CONTINUE_STMT, GOTO_STMT -> JumpTargets.leaves(node, region);
            default -> false;
        };
    }
}
