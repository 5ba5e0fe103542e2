package dev.deferfix.find;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether every path from a defer leaves its outermost loop for good
 * (return, a break out of that loop, a goto out of it, panic, os.Exit,
 * log.Fatal...) before any next iteration. Such a defer runs at most once per
 * call, so it is only a note. The analysis is conservative: when unsure it
 * answers no, which keeps the finding a warning.
 */
public final class LoopExitAnalysis {
    private static final Set<String> NO_RETURN_CALLS = Set.of(
            "panic", "os.Exit", "runtime.Goexit",
            "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln");

    private final SyntaxNode outermostLoop;

    private LoopExitAnalysis(SyntaxNode outermostLoop) {
        this.outermostLoop = outermostLoop;
    }

    public static boolean leavesLoopAfter(SyntaxNode defer, SyntaxNode outermostLoop) {
        return new LoopExitAnalysis(outermostLoop).leavesAfter(defer);
    }

    private boolean leavesAfter(SyntaxNode start) {
        SyntaxNode statement = listMember(start);
        while (true) {
            SyntaxNode list = statement.parent();
            List<SyntaxNode> rest = list.children().subList(list.children().indexOf(statement) + 1,
                    list.children().size());
            List<SyntaxNode> statements = new ArrayList<>();
            for (SyntaxNode member : rest) {
                if (member.is(NodeKind.STATEMENT)) {
                    statements.add(GoTrees.inner(member));
                }
            }
            Boolean decided = decideSequence(statements);
            if (decided != null) {
                return decided;
            }
            SyntaxNode owner = list.parent();
            if (owner.is(NodeKind.CASE_CLAUSE) || owner.is(NodeKind.COMM_CLAUSE)) {
                statement = listMember(owner.parent());
                continue;
            }
            SyntaxNode blockOwner = owner.parent();
            if (blockOwner.is(NodeKind.FOR_STMT) || GoTrees.isFunction(blockOwner)) {
                return false;
            }
            SyntaxNode construct = blockOwner.is(NodeKind.STATEMENT) ? owner : blockOwner;
            while (construct.parent().is(NodeKind.IF_STMT)) {
                construct = construct.parent();
            }
            statement = listMember(construct);
        }
    }

    /** The STATEMENT wrapper of a node that sits directly in a statement list (labels climbed). */
    private static SyntaxNode listMember(SyntaxNode node) {
        SyntaxNode current = node;
        while (!(current.is(NodeKind.STATEMENT) && current.parent().is(NodeKind.STATEMENT_LIST))) {
            current = current.parent();
        }
        return current;
    }

    /** True: the sequence surely leaves; false: it may go round again; null: it falls through. */
    private Boolean decideSequence(List<SyntaxNode> statements) {
        for (SyntaxNode statement : statements) {
            if (alwaysLeaves(statement)) {
                return true;
            }
            if (mayJumpOut(statement)) {
                return false;
            }
        }
        return null;
    }

    private boolean sequenceLeaves(SyntaxNode statementList) {
        return Boolean.TRUE.equals(decideSequence(GoTrees.statements(statementList)));
    }

    private boolean alwaysLeaves(SyntaxNode statement) {
        switch (statement.kind()) {
            case RETURN_STMT:
                return true;
            case BREAK_STMT:
                return breakLeaves(statement);
            case GOTO_STMT:
                SyntaxNode label = JumpTargets.targetOf(statement);
                return label != null && label.start() >= outermostLoop.end();
            case SIMPLE_STMT:
                // An expression statement need not be a call (x == y parses; only the type checker rejects it).
                String callee = statement.children().size() == 1 ? GoTrees.calleeText(statement.child(0)) : null;
                return callee != null && NO_RETURN_CALLS.contains(callee);
            case BLOCK:
                return sequenceLeaves(GoTrees.listOf(statement));
            case LABELED_STMT:
                SyntaxNode labeled = GoTrees.labeledStatement(statement);
                return labeled != null && alwaysLeaves(labeled);
            case IF_STMT:
                return ifLeaves(statement);
            case SWITCH_STMT:
            case SELECT_STMT:
                return everyClauseLeaves(statement);
            default:
                return false;
        }
    }

    /**
     * A break out of the loop (or past it) leaves; a break of a switch, select
     * or inner loop continues after that statement, so what follows it decides.
     */
    private boolean breakLeaves(SyntaxNode jump) {
        SyntaxNode target = JumpTargets.targetOf(jump);
        if (target == null) {
            return false;
        }
        if (target == outermostLoop || !outermostLoop.isAncestorOf(target)) {
            return true;
        }
        return leavesAfter(target);
    }

    private boolean ifLeaves(SyntaxNode ifStatement) {
        List<SyntaxNode> branches = new ArrayList<>();
        for (SyntaxNode child : ifStatement.children()) {
            if (child.is(NodeKind.BLOCK) || child.is(NodeKind.IF_STMT)) {
                branches.add(child);
            }
        }
        if (branches.size() < 2) {
            return false;
        }
        for (SyntaxNode branch : branches) {
            if (!alwaysLeaves(branch)) {
                return false;
            }
        }
        return true;
    }

    private boolean everyClauseLeaves(SyntaxNode switchOrSelect) {
        List<SyntaxNode> clauses = new ArrayList<>();
        boolean hasDefault = false;
        for (SyntaxNode child : switchOrSelect.children()) {
            if (child.is(NodeKind.CASE_CLAUSE) || child.is(NodeKind.COMM_CLAUSE)) {
                clauses.add(child);
                hasDefault |= child.child(0).is(TokenKind.DEFAULT);
            }
        }
        if (clauses.isEmpty() || (!hasDefault && switchOrSelect.is(NodeKind.SWITCH_STMT))) {
            return false;
        }
        for (SyntaxNode clause : clauses) {
            if (!sequenceLeaves(clause.firstChild(NodeKind.STATEMENT_LIST))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a jump inside the statement can take control somewhere outside it. */
    private static boolean mayJumpOut(SyntaxNode statement) {
        for (SyntaxNode node : GoTrees.sameFunction(statement)) {
            if (node.is(NodeKind.FALLTHROUGH_STMT)) {
                return true;
            }
            boolean jump = node.is(NodeKind.BREAK_STMT) || node.is(NodeKind.CONTINUE_STMT) || node.is(NodeKind.GOTO_STMT);
            if (jump && JumpTargets.leaves(node, statement)) {
                return true;
            }
        }
        return false;
    }
}
