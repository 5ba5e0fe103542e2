package dev.deferfix.find;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.ArrayList;
import java.util.List;

/** Small queries over the syntax tree that several stages need. */
public final class GoTrees {
    private GoTrees() {
    }

    public static boolean isFunction(SyntaxNode node) {
        return node.is(NodeKind.FUNC_DECL) || node.is(NodeKind.FUNC_LIT);
    }

    /** The function declaration or literal whose body contains the node, or null at package level. */
    public static SyntaxNode enclosingFunction(SyntaxNode node) {
        for (SyntaxNode up = node.parent(); up != null; up = up.parent()) {
            if (isFunction(up)) {
                return up;
            }
        }
        return null;
    }

    /** The root of the tree the node belongs to (the source file). */
    public static SyntaxNode root(SyntaxNode node) {
        SyntaxNode root = node;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root;
    }

    /** The top-level function declaration (or literal at package level) around the node, or null at package level. */
    public static SyntaxNode outermostFunction(SyntaxNode node) {
        SyntaxNode function = enclosingFunction(node);
        for (SyntaxNode up = function; up != null; up = enclosingFunction(up)) {
            function = up;
        }
        return function;
    }

    /** The statement inside a STATEMENT wrapper (FOR_STMT, SIMPLE_STMT, ...). */
    public static SyntaxNode inner(SyntaxNode statement) {
        return statement.is(NodeKind.STATEMENT) ? statement.child(0) : statement;
    }

    /** The statements of a STATEMENT_LIST, unwrapped, in order. */
    public static List<SyntaxNode> statements(SyntaxNode statementList) {
        List<SyntaxNode> result = new ArrayList<>();
        for (SyntaxNode child : statementList.children()) {
            if (child.is(NodeKind.STATEMENT)) {
                result.add(inner(child));
            }
        }
        return result;
    }

    /** The statement list of a BLOCK. */
    public static SyntaxNode listOf(SyntaxNode block) {
        return block.firstChild(NodeKind.STATEMENT_LIST);
    }

    public static String labelName(SyntaxNode labeledStatement) {
        return labeledStatement.child(0).text();
    }

    /** The statement a label names, or null for a label on an empty statement. */
    public static SyntaxNode labeledStatement(SyntaxNode labeledStatement) {
        SyntaxNode statement = labeledStatement.firstChild(NodeKind.STATEMENT);
        return statement == null ? null : inner(statement);
    }

    /** The label of a statement (the LABELED_STMT directly around it), or null. */
    public static String labelOf(SyntaxNode statement) {
        SyntaxNode wrapper = statement.parent();
        if (wrapper != null && wrapper.is(NodeKind.STATEMENT)) {
            SyntaxNode labeled = wrapper.parent();
            if (labeled != null && labeled.is(NodeKind.LABELED_STMT)) {
                return labelName(labeled);
            }
        }
        return null;
    }

    /** The label operand of break/continue/goto, or null. */
    public static String jumpLabel(SyntaxNode jump) {
        SyntaxNode label = jump.firstChild(TokenKind.IDENTIFIER);
        return label == null ? null : label.text();
    }

    public static boolean isRangeLoop(SyntaxNode forStatement) {
        return forStatement.firstChild(NodeKind.RANGE_CLAUSE) != null;
    }

    public static SyntaxNode body(SyntaxNode forStatement) {
        return forStatement.firstChild(NodeKind.BLOCK);
    }

    /**
     * Visits the node's descendants in source order, but not the inside of
     * function literals (a new function: its jumps and defers are its own).
     */
    public static void walkSameFunction(SyntaxNode root, java.util.function.Consumer<SyntaxNode> visitor) {
        for (SyntaxNode node : sameFunction(root)) {
            visitor.accept(node);
        }
    }

    /**
     * The node and its descendants in source order, but not the inside of function
     * literals, as a list: detection loops over it where a visitor would be a lambda,
     * and each lambda's first call costs every start-up.
     */
    public static List<SyntaxNode> sameFunction(SyntaxNode root) {
        return root.subtreeNotInto(NodeKind.FUNC_LIT);
    }

    /** The callee of a call expression without spaces (e.g. "os.Exit"), or null when it is not a call. */
    public static String calleeText(SyntaxNode expression) {
        SyntaxNode primary = expression;
        while (primary != null && !primary.is(NodeKind.PRIMARY_EXPR)) {
            if (primary.children().size() != 1) {
                return null;
            }
            primary = primary.child(0);
        }
        if (primary == null) {
            return null;
        }
        List<SyntaxNode> parts = primary.children();
        SyntaxNode last = parts.get(parts.size() - 1);
        if (!last.is(NodeKind.SUFFIX) || last.firstChild(NodeKind.ARGUMENTS) == null) {
            return null;
        }
        return WhiteSpace.removed(primary.source().text().substring(primary.start(), last.start()));
    }

    /** The callee of the first call in a chain ("Expect" in {@code Expect(x).To(BeNil())}), or "" when none. */
    public static String firstCalleeText(SyntaxNode primary) {
        for (SyntaxNode part : primary.children()) {
            if (part.is(NodeKind.SUFFIX) && part.firstChild(NodeKind.ARGUMENTS) != null) {
                return WhiteSpace.removed(primary.source().text().substring(primary.start(), part.start()));
            }
        }
        return "";
    }
}
