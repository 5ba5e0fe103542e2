package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which names Go code declares, and where: enough scope knowledge for a
 * rewrite to know whether a name it writes means what it meant where it came from.
 */
public final class Declarations {
    private Declarations() {
    }

    /** Names one statement (or if/for/switch header part) declares in the scope it sits in. */
    public static Set<String> declaredBy(SyntaxNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.is(NodeKind.SIMPLE_STMT) && node.hasChild(TokenKind.DEFINE)) {
            addIdentifiers(node.child(0).children(NodeKind.EXPRESSION), names);
        } else if (node.is(NodeKind.RANGE_CLAUSE) && node.hasChild(TokenKind.DEFINE)) {
            addIdentifiers(node.children(NodeKind.EXPRESSION).subList(0, node.children(NodeKind.EXPRESSION).size() - 1),
                    names);
        } else if (node.is(NodeKind.DECLARATION)) {
            for (SyntaxNode spec : node.child(0).children()) {
                if (spec.is(NodeKind.TYPE_SPEC)) {
                    names.add(spec.child(0).text());
                } else if (spec.is(NodeKind.VAR_SPEC) || spec.is(NodeKind.CONST_SPEC)) {
                    for (SyntaxNode name : spec.firstChild(NodeKind.IDENTIFIER_LIST).children()) {
                        if (name.is(TokenKind.IDENTIFIER)) {
                            names.add(name.text());
                        }
                    }
                }
            }
        } else if (node.is(NodeKind.PARAMETER_DECL) && node.hasChild(TokenKind.IDENTIFIER)) {
            names.add(node.firstChild(TokenKind.IDENTIFIER).text());
        }
        return names;
    }

    /** Every name declared anywhere below {@code root}, function literals' parameters included. */
    public static Set<String> declaredWithin(SyntaxNode root) {
        Set<String> names = new LinkedHashSet<>();
        for (SyntaxNode node : root.subtree()) {
            names.addAll(declaredBy(node));
        }
        return names;
    }

    /**
     * Whether {@code name}, seen from {@code node}, is declared in a scope
     * nested inside {@code function}'s body: then it does not mean the
     * function's parameter or result of that name there.
     */
    public static boolean shadowedAt(String name, SyntaxNode node, SyntaxNode function) {
        SyntaxNode child = node;
        for (SyntaxNode up = node.parent(); up != null && up != function; child = up, up = up.parent()) {
            for (SyntaxNode sibling : up.children()) {
                if (sibling == child) {
                    if (up.is(NodeKind.STATEMENT_LIST)) {
                        break; // later statements of a list are not in scope yet
                    }
                    continue;
                }
                if (isScopeEntry(up, sibling) && declaresInHeader(sibling).contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isScopeEntry(SyntaxNode parent, SyntaxNode sibling) {
        if (parent.is(NodeKind.STATEMENT_LIST)) {
            return sibling.is(NodeKind.STATEMENT);
        }
        return sibling.is(NodeKind.IF_HEADER) || sibling.is(NodeKind.SWITCH_HEADER) || sibling.is(NodeKind.FOR_CLAUSE)
                || sibling.is(NodeKind.RANGE_CLAUSE) || (parent.is(NodeKind.COMM_CLAUSE) && sibling.is(NodeKind.SIMPLE_STMT));
    }

    private static Set<String> declaresInHeader(SyntaxNode part) {
        if (part.is(NodeKind.STATEMENT)) {
            return declaredBy(GoTrees.inner(part));
        }
        if (part.is(NodeKind.RANGE_CLAUSE) || part.is(NodeKind.SIMPLE_STMT)) {
            return declaredBy(part);
        }
        Set<String> names = new LinkedHashSet<>();
        for (SyntaxNode simple : part.children(NodeKind.SIMPLE_STMT)) {
            names.addAll(declaredBy(simple));
        }
        return names;
    }

    private static void addIdentifiers(List<SyntaxNode> expressions, Set<String> names) {
        for (SyntaxNode expression : expressions) {
            String text = expression.text();
            if (Identifiers.isIdentifier(text) && !text.equals("_")) {
                names.add(text);
            }
        }
    }
}
