package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.find.JumpTargets;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;

/**
 * The Go spec's "terminating statement", for a statement list that becomes a
 * function literal's body: jumps that leave {@code region} are lowered to
 * returns, so they terminate too. A literal with results needs a final return
 * only when its body does not end in a terminating statement (and adding one
 * after a terminating statement would be unreachable code, which go vet reports).
 */
public final class Terminating {
    private Terminating() {
    }

    public static boolean endsList(SyntaxNode statementList, SyntaxNode region) {
        List<SyntaxNode> statements = GoTrees.statements(statementList);
        return !statements.isEmpty() && is(statements.get(statements.size() - 1), region);
    }

    static boolean is(SyntaxNode statement, SyntaxNode region) {
        switch (statement.kind()) {
            case RETURN_STMT, GOTO_STMT:
                return true;
            case BREAK_STMT, CONTINUE_STMT:
                return JumpTargets.leaves(statement, region);
            case SIMPLE_STMT:
                return statement.children().size() == 1 && "panic".equals(GoTrees.calleeText(statement.child(0)));
            case BLOCK:
                return endsList(GoTrees.listOf(statement), region);
            case LABELED_STMT:
                SyntaxNode labeled = GoTrees.labeledStatement(statement);
                return labeled != null && is(labeled, region);
            case IF_STMT:
                return ifTerminates(statement, region);
            case FOR_STMT:
                return statement.firstChild(NodeKind.RANGE_CLAUSE) == null && statement.firstChild(NodeKind.EXPRESSION) == null
                        && (statement.firstChild(NodeKind.FOR_CLAUSE) == null
                            || statement.firstChild(NodeKind.FOR_CLAUSE).firstChild(NodeKind.EXPRESSION) == null)
                        && !isBrokenOutOf(statement);
            case SWITCH_STMT, SELECT_STMT:
                return clausesTerminate(statement, region) && !isBrokenOutOf(statement);
            default:
                return false;
        }
    }

    private static boolean ifTerminates(SyntaxNode statement, SyntaxNode region) {
        List<SyntaxNode> blocks = statement.children(NodeKind.BLOCK);
        SyntaxNode elseIf = statement.firstChild(NodeKind.IF_STMT);
        if (!statement.hasChild(TokenKind.ELSE)) {
            return false;
        }
        boolean elseTerminates = elseIf != null ? is(elseIf, region) : is(blocks.get(1), region);
        return is(blocks.get(0), region) && elseTerminates;
    }

    private static boolean clausesTerminate(SyntaxNode statement, SyntaxNode region) {
        boolean hasDefault = statement.is(NodeKind.SELECT_STMT);
        for (SyntaxNode clause : statement.children()) {
            if (!clause.is(NodeKind.CASE_CLAUSE) && !clause.is(NodeKind.COMM_CLAUSE)) {
                continue;
            }
            hasDefault |= clause.hasChild(TokenKind.DEFAULT);
            SyntaxNode list = clause.firstChild(NodeKind.STATEMENT_LIST);
            List<SyntaxNode> statements = GoTrees.statements(list);
            boolean fallsThrough = !statements.isEmpty()
                    && statements.get(statements.size() - 1).is(NodeKind.FALLTHROUGH_STMT);
            if (!fallsThrough && !endsList(list, region)) {
                return false;
            }
        }
        return hasDefault;
    }

    private static boolean isBrokenOutOf(SyntaxNode statement) {
        boolean[] broken = new boolean[1];
        GoTrees.walkSameFunction(statement, node -> {
            if (node.is(NodeKind.BREAK_STMT) && JumpTargets.targetOf(node) == statement) {
                broken[0] = true;
            }
        });
        return broken[0];
    }
}
