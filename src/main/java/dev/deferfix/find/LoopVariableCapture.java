package dev.deferfix.find;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The loop variables a deferred function literal refers to: variables
 * declared by a loop header (range key/value, three-clause init) that the
 * literal uses without declaring its own of the same name.
 */
public final class LoopVariableCapture {
    private LoopVariableCapture() {
    }

    public static Set<String> capturedBy(DeferSite site) {
        SyntaxNode literal = deferredLiteral(site.call());
        Set<String> captured = new TreeSet<>();
        if (literal == null) {
            return captured;
        }
        Set<String> loopVariables = loopVariablesInScope(site.defer());
        Set<String> ownNames = declaredInside(literal);
        for (SyntaxNode token : identifierUses(literal)) {
            String name = token.text();
            if (loopVariables.contains(name) && !ownNames.contains(name)) {
                captured.add(name);
            }
        }
        return captured;
    }

    /**
     * The loop-header variables a name at the defer refers to: walking out
     * from the defer, a declaration earlier in an enclosing block (such as
     * the classic {@code v := v}) hides a header variable of the same name
     * further out, and the innermost header wins.
     */
    private static Set<String> loopVariablesInScope(SyntaxNode defer) {
        Set<String> loopVariables = new TreeSet<>();
        Set<String> resolved = new HashSet<>();
        SyntaxNode child = defer;
        for (SyntaxNode up = defer.parent(); up != null && !GoTrees.isFunction(up); child = up, up = up.parent()) {
            if (up.is(NodeKind.STATEMENT_LIST)) {
                for (SyntaxNode sibling : up.children()) {
                    if (sibling == child) {
                        break;
                    }
                    resolved.addAll(declaredBy(sibling));
                }
            } else if (up.is(NodeKind.FOR_STMT) && child.is(NodeKind.BLOCK)) {
                for (String name : headerVariables(up)) {
                    if (resolved.add(name)) {
                        loopVariables.add(name);
                    }
                }
            }
        }
        return loopVariables;
    }

    /** The function literal of "defer func() {...}()", or null. */
    static SyntaxNode deferredLiteral(SyntaxNode call) {
        SyntaxNode node = call;
        while (node != null && !node.is(NodeKind.PRIMARY_EXPR)) {
            node = node.children().size() == 1 ? node.child(0) : null;
        }
        if (node == null || !node.child(0).is(NodeKind.FUNC_LIT) || node.children().size() != 2) {
            return null;
        }
        return node.child(0);
    }

    /** Names declared with := (or a bare "range" var list) by a loop header. */
    public static List<String> headerVariables(SyntaxNode loop) {
        List<String> names = new ArrayList<>();
        SyntaxNode range = loop.firstChild(NodeKind.RANGE_CLAUSE);
        if (range != null && range.hasChild(TokenKind.DEFINE)) {
            for (SyntaxNode expression : range.children(NodeKind.EXPRESSION)) {
                if (expression.end() <= range.firstChild(TokenKind.DEFINE).start()) {
                    names.add(expression.text().strip());
                }
            }
        }
        SyntaxNode clause = loop.firstChild(NodeKind.FOR_CLAUSE);
        if (clause != null && clause.child(0).is(NodeKind.SIMPLE_STMT) && clause.child(0).hasChild(TokenKind.DEFINE)) {
            SyntaxNode left = clause.child(0).child(0);
            for (SyntaxNode expression : left.children(NodeKind.EXPRESSION)) {
                names.add(expression.text().strip());
            }
        }
        names.remove("_");
        return names;
    }

    /** Parameter names and names declared with := or var anywhere in the literal (a conservative shadow check). */
    private static Set<String> declaredInside(SyntaxNode literal) {
        Set<String> names = new TreeSet<>();
        literal.walk(node -> true, node -> {
            if (node.is(NodeKind.PARAMETER_DECL) && node.child(0).is(TokenKind.IDENTIFIER)
                    && node.children().size() > 1) {
                names.add(node.child(0).text());
            } else if (node.is(NodeKind.RANGE_CLAUSE) && node.hasChild(TokenKind.DEFINE)) {
                node.children(NodeKind.EXPRESSION).forEach(e -> names.add(e.text().strip()));
            } else {
                names.addAll(declaredBy(node));
            }
        });
        return names;
    }

    /** The names a short variable declaration or a var/const spec declares (none for other nodes). */
    private static List<String> declaredBy(SyntaxNode node) {
        SyntaxNode statement = GoTrees.inner(node);
        List<String> names = new ArrayList<>();
        if (statement.is(NodeKind.SIMPLE_STMT) && statement.hasChild(TokenKind.DEFINE)) {
            statement.child(0).children(NodeKind.EXPRESSION).forEach(e -> names.add(e.text().strip()));
        } else if (statement.is(NodeKind.DECLARATION)) {
            statement.descendants(NodeKind.VAR_SPEC).forEach(spec -> names.addAll(specNames(spec)));
            statement.descendants(NodeKind.CONST_SPEC).forEach(spec -> names.addAll(specNames(spec)));
        } else if (statement.is(NodeKind.VAR_SPEC) || statement.is(NodeKind.CONST_SPEC)) {
            names.addAll(specNames(statement));
        }
        return names;
    }

    private static List<String> specNames(SyntaxNode spec) {
        return spec.child(0).children().stream().filter(t -> t.is(TokenKind.IDENTIFIER)).map(SyntaxNode::text)
                .toList();
    }

    /** Identifier tokens used as operands (not selector fields after a dot). */
    private static List<SyntaxNode> identifierUses(SyntaxNode literal) {
        List<SyntaxNode> uses = new ArrayList<>();
        literal.walk(node -> true, node -> {
            if (node.is(NodeKind.OPERAND) && node.child(0).is(TokenKind.IDENTIFIER)) {
                uses.add(node.child(0));
            }
        });
        return uses;
    }
}
