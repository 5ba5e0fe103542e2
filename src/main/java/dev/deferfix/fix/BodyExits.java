package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.find.JumpTargets;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that leave a loop body (or end its iteration early): what a
 * strategy that moves the body into a function literal must lower. Jumps that
 * stay inside the body (a break of a nested switch, a continue of a nested
 * loop) and everything inside nested function literals are not exits.
 */
public final class BodyExits {
    /** How a statement leaves the body. */
    public enum Kind {
        /** Unlabeled continue of this loop. */
        CONTINUE,
        /** Unlabeled break of this loop. */
        BREAK,
        /** A labeled break or continue: of this loop or of an enclosing statement. */
        LABELED,
        RETURN,
        /** A goto to a label outside the body. */
        GOTO_OUT
    }

    /** One exit statement. */
    public record Exit(Kind kind, SyntaxNode statement) {
    }

    private BodyExits() {
    }

    public static List<Exit> of(SyntaxNode loop) {
        SyntaxNode body = GoTrees.body(loop);
        List<Exit> exits = new ArrayList<>();
        for (SyntaxNode node : GoTrees.sameFunction(body)) {
            Kind kind = kindOf(node, body);
            if (kind != null) {
                exits.add(new Exit(kind, node));
            }
        }
        return exits;
    }

    private static Kind kindOf(SyntaxNode node, SyntaxNode body) {
        if (node.is(NodeKind.RETURN_STMT)) {
            return Kind.RETURN;
        }
        boolean isBreak = node.is(NodeKind.BREAK_STMT);
        if (!isBreak && !node.is(NodeKind.CONTINUE_STMT) && !node.is(NodeKind.GOTO_STMT)) {
            return null;
        }
        if (!JumpTargets.leaves(node, body)) {
            return null;
        }
        if (node.is(NodeKind.GOTO_STMT)) {
            return Kind.GOTO_OUT;
        }
        if (GoTrees.jumpLabel(node) != null) {
            return Kind.LABELED;
        }
        return isBreak ? Kind.BREAK : Kind.CONTINUE;
    }

    /** Whether every exit (of none) is of the kind. */
    public static boolean only(List<Exit> exits, Kind kind) {
        for (Exit exit : exits) {
            if (exit.kind() != kind) {
                return false;
            }
        }
        return true;
    }

    public static boolean any(List<Exit> exits, Kind kind) {
        for (Exit exit : exits) {
            if (exit.kind() == kind) {
                return true;
            }
        }
        return false;
    }
}
