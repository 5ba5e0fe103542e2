package dev.deferfix.fix;

import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a function gives one of its local variables: by :=, by var and
 * by =, each matched by position ({@code h, g := a, b}). A value that a
 * multi-value call gives is not known and not listed.
 */
final class AssignedValues {
    private AssignedValues() {
    }

    /** The value expressions assigned to {@code variable} anywhere in {@code function}, its literals included. */
    static List<SyntaxNode> of(SyntaxNode function, LocalScopes scopes, Declaration variable) {
        List<SyntaxNode> values = new ArrayList<>();
        for (SyntaxNode node : function.subtree()) {
            List<SyntaxNode> targets = targets(node);
            List<SyntaxNode> assigned = targets == null ? null : values(node);
            if (assigned == null || assigned.size() != targets.size()) {
                continue;
            }
            for (int i = 0; i < targets.size(); i++) {
                SyntaxNode name = targets.get(i).is(TokenKind.IDENTIFIER) ? targets.get(i)
                        : LocalScopes.plainIdentifier(targets.get(i));
                // the same scopes made both: identity, without a record's linked equals
                if (name != null && scopes.resolve(name) == variable) {
                    values.add(assigned.get(i));
                }
            }
        }
        return values;
    }

    /** The names or expressions a :=, = or var spec assigns to, in order; null for other nodes. */
    static List<SyntaxNode> targets(SyntaxNode node) {
        if (node.is(NodeKind.SIMPLE_STMT) && (node.hasChild(TokenKind.DEFINE) || node.hasChild(TokenKind.ASSIGN))) {
            return node.child(0).children(NodeKind.EXPRESSION);
        }
        if (!node.is(NodeKind.VAR_SPEC)) {
            return null;
        }
        List<SyntaxNode> names = new ArrayList<>();
        for (SyntaxNode name : node.child(0).children()) {
            if (name.is(TokenKind.IDENTIFIER)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The values of a node {@link #targets} lists, in order; null when a var spec gives none. */
    static List<SyntaxNode> values(SyntaxNode node) {
        SyntaxNode list = node.is(NodeKind.VAR_SPEC) ? node.firstChild(NodeKind.EXPRESSION_LIST) : node.child(2);
        return list == null ? null : list.children(NodeKind.EXPRESSION);
    }
}
