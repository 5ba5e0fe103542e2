package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds writes in a loop body to variables declared outside it ({@code x = ...},
 * {@code x = append(x, ...)}, {@code x++}, {@code m[k] = v}, {@code s.f = v}),
 * function literals included. Iterations that write shared variables cannot
 * run concurrently. A write through a pointer ({@code *p = v}) counts as
 * outer: where p points is unknown.
 */
public final class OuterAssignments {
    private OuterAssignments() {
    }

    /** The assigned expressions whose variable is declared outside {@code body}, in source order. */
    public static List<SyntaxNode> in(SyntaxNode body) {
        Set<String> inner = Declarations.declaredWithin(body);
        List<SyntaxNode> found = new ArrayList<>();
        body.walk(node -> true, node -> {
            if (!node.is(NodeKind.SIMPLE_STMT) || node.children().size() < 2 || node.hasChild(TokenKind.DEFINE)
                    || node.child(1).is(TokenKind.ARROW)) {
                return;
            }
            for (SyntaxNode target : node.child(0).children(NodeKind.EXPRESSION)) {
                String root = rootVariable(target);
                if (root == null || (!root.equals("_") && !inner.contains(root))) {
                    found.add(target);
                }
            }
        });
        return found;
    }

    /** The variable an assignable expression writes into, or null for a write through a pointer. */
    private static String rootVariable(SyntaxNode target) {
        String text = target.text().strip();
        while (text.startsWith("(")) {
            text = text.substring(1).strip();
        }
        if (text.startsWith("*")) {
            return null;
        }
        SyntaxNode first = target.firstToken();
        return first != null && first.is(TokenKind.IDENTIFIER) ? first.text() : null;
    }
}
