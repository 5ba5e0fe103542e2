package dev.deferfix.parse;

import java.util.List;

/**
 * Rules that Go's own parser (go/parser) enforces but our grammar leaves open,
 * because expressing them in the grammar would need semantic predicates or
 * long lookahead. Each rule rejects only what go/parser rejects, so a file
 * that Go accepts is never refused here; the first violation in the file wins.
 */
final class SyntaxRules {
    private final SourceText source;
    private int firstOffset = Integer.MAX_VALUE;
    private String firstReason;
    /** The first violation of the node being visited. */
    private int nodeOffset;
    private String nodeReason;

    SyntaxRules(SourceText source) {
        this.source = source;
    }

    /**
     * Checks a rule node as it closes, so no second walk over the tree is
     * needed: its children are complete, its parent does not exist yet, so
     * every rule looks only downwards.
     */
    void visit(SyntaxNode node) {
        nodeOffset = Integer.MAX_VALUE;
        nodeReason = null;
        switch (node.kind()) {
            case SIMPLE_STMT -> {
                checkDefineTargets(node);
                checkSingleExpression(node);
            }
            case RANGE_CLAUSE -> checkDefineTargets(node);
            case IF_STMT -> checkIfCondition(node);
            case SWITCH_HEADER -> checkSwitchTag(node);
            case GO_STMT -> checkInvoked(node, "go");
            case DEFER_STMT -> checkInvoked(node, "defer");
            case FUNC_DECL -> checkMethodHasNoTypeParameters(node);
            case PRIMARY_EXPR -> {
                checkTypeLiteralNotIndexed(node);
                checkElidedLengthHasLiteral(node);
            }
            case IMPORT_PATH -> checkImportPath(node);
            default -> {
            }
        }
        // Nodes close children first, left to right: the reverse of a walk that visits
        // parents first and the last child first, whose first find wins a tie, so here the
        // last one does (the same violation is reported as before this ran on events).
        if (nodeReason != null && nodeOffset <= firstOffset) {
            firstOffset = nodeOffset;
            firstReason = nodeReason;
        }
    }

    /**
     * Kinds whose insides no rule reads from an enclosing node (a rule may ask
     * for such a node's kind and offsets only): once one is checked, a tree
     * kept just for these rules can drop its children. Function bodies and
     * composite literals hold most of a file; the elements of a literal are
     * dropped one by one, as a table of thousands stays open until it closes.
     */
    static boolean isOpaque(NodeKind kind) {
        return kind == NodeKind.BLOCK || kind == NodeKind.LITERAL_VALUE || kind == NodeKind.ELEMENT;
    }

    /**
     * Kinds that only wrap what they hold: no rule asks for them, and with one
     * child in their place a rule that counts a node's children, indexes them
     * or follows a chain of single children down to a token sees the same. A
     * tree kept just for these rules can let the child stand in for such a
     * node (a tenth of all nodes in the standard library).
     */
    static boolean isPassThrough(NodeKind kind) {
        return switch (kind) {
            case BASIC_LIT, ELEMENT_VALUE, STATEMENT, TYPE_NAME, BINARY_OP, UNARY_OP, IDENTIFIER_LIST,
                    TOP_LEVEL_DECL -> true;
            default -> false;
        };
    }

    /** Forgets what a failed parsing pass found. */
    void clear() {
        firstOffset = Integer.MAX_VALUE;
        firstReason = null;
    }

    /** Throws the violation that comes first in the file, if there is one. */
    void throwFirst() throws SyntaxError {
        if (firstReason != null) {
            throw source.errorAt(firstOffset, firstReason);
        }
    }

    private void report(int offset, String reason) {
        if (offset < nodeOffset) {
            nodeOffset = offset;
            nodeReason = reason;
        }
    }

    /** {@code a[0], b := ...}: only identifiers may be declared. */
    private void checkDefineTargets(SyntaxNode statement) {
        SyntaxNode define = statement.firstChild(TokenKind.DEFINE);
        if (define == null) {
            return;
        }
        for (SyntaxNode target : statement.children()) {
            if (target == define) {
                return;
            }
            for (SyntaxNode expression : expressionsIn(target)) {
                if (!isIdentifier(expression)) {
                    report(expression.start(), "expected identifier on left side of :=");
                }
            }
        }
    }

    /** {@code a, b} or {@code a, b++} is not a statement; only assignments take lists. */
    private void checkSingleExpression(SyntaxNode statement) {
        if (isAssignment(statement)) {
            return;
        }
        List<SyntaxNode> expressions = statement.child(0).children(NodeKind.EXPRESSION);
        if (expressions.size() > 1) {
            report(expressions.get(0).start(), "expected 1 expression");
        }
    }

    /** {@code if {}}, {@code if x = 1 {}}: the condition must be an expression. */
    private void checkIfCondition(SyntaxNode statement) {
        SyntaxNode header = statement.firstChild(NodeKind.IF_HEADER);
        if (header.children().isEmpty()) {
            report(statement.firstChild(NodeKind.BLOCK).start(), "missing condition in if statement");
        } else if (header.children().size() == 1) {
            SyntaxNode condition = header.child(0);
            if (condition.children().size() > 1) {
                report(condition.start(), "expected boolean expression, found "
                        + (isAssignment(condition) ? "assignment" : "simple statement")
                        + " (missing parentheses around composite literal?)");
            }
        }
    }

    /** The tag of a switch is an expression, or {@code v := x.(type)} in a type switch. */
    private void checkSwitchTag(SyntaxNode header) {
        List<SyntaxNode> children = header.children();
        if (children.isEmpty()) {
            return;
        }
        SyntaxNode tag = children.get(children.size() - 1);
        if (!tag.is(NodeKind.SIMPLE_STMT) || tag.children().size() == 1) {
            return;
        }
        boolean guard = tag.children().size() == 3
                && tag.child(0).children(NodeKind.EXPRESSION).size() == 1
                && tag.child(2).children(NodeKind.EXPRESSION).size() == 1
                && isTypeSwitchAssertion(tag.child(2).child(0));
        if (guard && tag.child(1).is(TokenKind.DEFINE)) {
            return;
        }
        if (guard && tag.child(1).is(TokenKind.ASSIGN)) {
            report(tag.child(1).start(), "expected ':=', found '='");
        } else {
            report(tag.start(), "expected switch expression, found "
                    + (isAssignment(tag) ? "assignment" : "simple statement"));
        }
    }

    /** {@code defer f} or {@code go (f())}: the statement needs a call, unparenthesized. */
    private void checkInvoked(SyntaxNode statement, String keyword) {
        SyntaxNode expression = statement.firstChild(NodeKind.EXPRESSION);
        SyntaxNode primary = singlePrimary(expression);
        if (primary == null || !isCall(primary)) {
            report(expression.end(), "function must be invoked in " + keyword + " statement");
        }
    }

    private void checkMethodHasNoTypeParameters(SyntaxNode function) {
        SyntaxNode typeParameters = function.firstChild(NodeKind.TYPE_PARAMETERS);
        if (typeParameters != null && function.firstChild(NodeKind.RECEIVER) != null) {
            report(typeParameters.start(), "method must have no type parameters");
        }
    }

    /** {@code [...]T} in an expression is only the type of a composite literal. */
    private void checkElidedLengthHasLiteral(SyntaxNode primary) {
        SyntaxNode operand = primary.child(0);
        if (!operand.is(NodeKind.OPERAND) || !operand.child(0).is(NodeKind.ARRAY_TYPE)) {
            return;
        }
        SyntaxNode ellipsis = operand.child(0).child(1);
        if (ellipsis.is(TokenKind.ELLIPSIS) && !hasLiteralAfterFirst(operand) && !hasLiteralAfterFirst(primary)) {
            report(ellipsis.start(), "expected array length, found '...'");
        }
    }

    /**
     * In {@code []T[x]} Go reads {@code [x]} as type arguments of {@code T}; when
     * our grammar could only read it as an index, {@code x} is not a type.
     */
    private void checkTypeLiteralNotIndexed(SyntaxNode primary) {
        SyntaxNode operand = primary.child(0);
        if (!operand.is(NodeKind.OPERAND) || operand.children().size() != 1 || primary.children().size() < 2) {
            return;
        }
        SyntaxNode suffix = primary.child(1);
        boolean typeLiteral = switch (operand.child(0).kind()) {
            case ARRAY_TYPE, SLICE_TYPE, MAP_TYPE, EXPR_CHAN_TYPE -> true;
            default -> false;
        };
        if (typeLiteral && operand.lastToken().is(TokenKind.IDENTIFIER)
                && suffix.is(NodeKind.SUFFIX) && suffix.child(0).is(NodeKind.INDEX_SUFFIX)) {
            report(suffix.child(0).child(1).start(), "expected type argument");
        }
    }

    private void checkImportPath(SyntaxNode path) {
        if (!ImportPaths.isValid(path.text())) {
            report(path.start(), "invalid import path: " + path.text());
        }
    }

    private static boolean hasLiteralAfterFirst(SyntaxNode node) {
        return node.children().size() > 1 && node.child(1).is(NodeKind.LITERAL_VALUE);
    }

    private static boolean isAssignment(SyntaxNode statement) {
        return statement.children().size() == 3 && !statement.child(1).is(TokenKind.ARROW);
    }

    /** The expressions of an expression list, or the node itself when it is one expression. */
    private static List<SyntaxNode> expressionsIn(SyntaxNode node) {
        if (node.is(NodeKind.EXPRESSION_LIST)) {
            return node.children(NodeKind.EXPRESSION);
        }
        return node.is(NodeKind.EXPRESSION) ? List.of(node) : List.of();
    }

    private static boolean isIdentifier(SyntaxNode expression) {
        SyntaxNode node = expression;
        while (node.children().size() == 1) {
            node = node.child(0);
        }
        return node.is(TokenKind.IDENTIFIER);
    }

    /** The primary expression an expression consists of, without operators; else null. */
    private static SyntaxNode singlePrimary(SyntaxNode expression) {
        if (expression.children().size() != 1) {
            return null;
        }
        SyntaxNode unary = expression.child(0);
        return unary.children().size() == 1 ? unary.child(0) : null;
    }

    private static boolean isCall(SyntaxNode primary) {
        SyntaxNode last = primary.child(primary.children().size() - 1);
        return last.is(NodeKind.SUFFIX) && last.child(0).is(NodeKind.ARGUMENTS);
    }

    private static boolean isTypeSwitchAssertion(SyntaxNode expression) {
        SyntaxNode primary = singlePrimary(expression);
        if (primary == null) {
            return false;
        }
        SyntaxNode last = primary.child(primary.children().size() - 1);
        return last.is(NodeKind.SUFFIX) && last.hasChild(TokenKind.TYPE);
    }
}
