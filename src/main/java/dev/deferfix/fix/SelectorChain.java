package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The field or method names selected after a name: {@code resp.Body.Close}
 * is resp followed by [Body, Close]. Two chains of the same variable touch
 * the same value when one is a prefix of the other ([Body] and [Body, Close]
 * do; [Body] and [StatusCode] do not).
 */
final class SelectorChain {
    private SelectorChain() {
    }

    /** The selectors right after an identifier used as an operand, up to the first index, call or assertion. */
    static List<String> after(SyntaxNode identifier) {
        List<String> names = new ArrayList<>();
        SyntaxNode operand = identifier.parent();
        SyntaxNode primary = operand == null ? null : operand.parent();
        if (primary == null || !primary.is(NodeKind.PRIMARY_EXPR) || primary.child(0) != operand) {
            return names;
        }
        for (int i = 1; i < primary.children().size(); i++) {
            SyntaxNode suffix = primary.child(i);
            if (!suffix.is(NodeKind.SUFFIX) || !suffix.child(0).is(TokenKind.DOT)
                    || !suffix.child(1).is(TokenKind.IDENTIFIER)) {
                break;
            }
            names.add(suffix.child(1).text());
        }
        return names;
    }

    /** Whether the identifier's selectors are directly followed by a call: x.M(...) or f(...). */
    static boolean isCalled(SyntaxNode identifier) {
        SyntaxNode primary = identifier.parent().parent();
        if (primary == null || !primary.is(NodeKind.PRIMARY_EXPR)) {
            return false;
        }
        int next = 1 + after(identifier).size();
        return next < primary.children().size() && primary.child(next).is(NodeKind.SUFFIX)
                && primary.child(next).firstChild(NodeKind.ARGUMENTS) != null;
    }

    /**
     * The part of the value that Go evaluates for this use of the name in a
     * deferred call: the receiver for a method call (the chain without the
     * method), else the whole selected value.
     */
    static List<String> evaluated(SyntaxNode identifier) {
        List<String> chain = after(identifier);
        return isCalled(identifier) && !chain.isEmpty() ? chain.subList(0, chain.size() - 1) : chain;
    }

    static boolean overlap(List<String> a, List<String> b) {
        int common = Math.min(a.size(), b.size());
        return a.subList(0, common).equals(b.subList(0, common));
    }
}
