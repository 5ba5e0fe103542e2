package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The call of a defer statement, split into what Go evaluates at the defer
 * (function value, receiver, arguments) and what runs later. A call can move
 * to a later point unchanged only when those parts read variables and nothing
 * else: names, field selections, literals ({@code f.Close()}, {@code os.Remove(name)},
 * {@code func() {...}()}), not calls ({@code defer log(time.Now())}).
 */
final class DeferredCall {
    private final SyntaxNode call;
    private final SyntaxNode literal;
    private final String notMovable;

    private DeferredCall(SyntaxNode call, SyntaxNode literal, String notMovable) {
        this.call = call;
        this.literal = literal;
        this.notMovable = notMovable;
    }

    static DeferredCall of(SyntaxNode defer) {
        SyntaxNode call = defer.firstChild(NodeKind.EXPRESSION);
        SyntaxNode primary = singlePrimary(call);
        if (primary == null) {
            return new DeferredCall(call, null, "the deferred expression is not a plain call");
        }
        List<SyntaxNode> parts = primary.children();
        SyntaxNode last = parts.get(parts.size() - 1);
        if (!last.is(NodeKind.SUFFIX) || last.firstChild(NodeKind.ARGUMENTS) == null) {
            return new DeferredCall(call, null, "the deferred expression is not a plain call");
        }
        SyntaxNode head = parts.get(0);
        SyntaxNode literal = head.is(NodeKind.FUNC_LIT) ? head : null;
        if (literal == null && !isName(head)) {
            return new DeferredCall(call, null, "the deferred function value is computed");
        }
        for (int i = 1; i < parts.size() - 1; i++) {
            if (!isSelectorOrSimpleIndex(parts.get(i))) {
                return new DeferredCall(call, literal, "the deferred function value is computed by "
                        + parts.get(i).text().strip());
            }
        }
        for (SyntaxNode argument : last.firstChild(NodeKind.ARGUMENTS).children(NodeKind.EXPRESSION)) {
            if (!isPlainValue(argument)) {
                return new DeferredCall(call, literal, "the argument " + argument.text().strip()
                        + " would be evaluated later than at the defer");
            }
        }
        return new DeferredCall(call, literal, null);
    }

    /** Why the call cannot run later with the same meaning, or null when it can (given no reassignment). */
    String notMovable() {
        return notMovable;
    }

    /** The deferred function literal, or null when a named function or method is deferred. */
    SyntaxNode literal() {
        return literal;
    }

    SyntaxNode expression() {
        return call;
    }

    /** The identifiers Go evaluates at the defer (not those inside a deferred literal's body). */
    List<SyntaxNode> evaluatedNames() {
        List<SyntaxNode> names = new ArrayList<>();
        for (SyntaxNode node : GoTrees.sameFunction(call)) {
            if (node.is(NodeKind.OPERAND) && node.child(0).is(TokenKind.IDENTIFIER)) {
                names.add(node.child(0));
            }
        }
        return names;
    }

    private static SyntaxNode singlePrimary(SyntaxNode expression) {
        SyntaxNode node = expression;
        while (node != null && !node.is(NodeKind.PRIMARY_EXPR)) {
            node = node.children().size() == 1 ? node.child(0) : null;
        }
        return node;
    }

    private static boolean isName(SyntaxNode operand) {
        return operand.is(NodeKind.OPERAND) && operand.child(0).is(TokenKind.IDENTIFIER);
    }

    private static boolean isSelectorOrSimpleIndex(SyntaxNode suffix) {
        if (!suffix.is(NodeKind.SUFFIX)) {
            return false;
        }
        if (suffix.child(0).is(TokenKind.DOT)) {
            return suffix.children().size() == 2 && suffix.child(1).is(TokenKind.IDENTIFIER);
        }
        SyntaxNode index = suffix.firstChild(NodeKind.INDEX_SUFFIX);
        if (index == null || index.firstChild(NodeKind.SLICE_TAIL) != null) {
            return false;
        }
        for (SyntaxNode node : index.descendants(NodeKind.EXPRESSION)) {
            if (node.parent() == index || node.parent().is(NodeKind.INDEX_TAIL)) {
                if (!isPlainValue(node)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A name, a literal, a field selection x.y.z, or &amp; of one of those. */
    private static boolean isPlainValue(SyntaxNode expression) {
        if (expression.children().size() != 1) {
            return false;
        }
        SyntaxNode unary = expression.child(0);
        for (SyntaxNode op : unary.children(NodeKind.UNARY_OP)) {
            if (!op.child(0).is(TokenKind.AMP)) {
                return false;
            }
        }
        SyntaxNode primary = unary.firstChild(NodeKind.PRIMARY_EXPR);
        if (primary == null) {
            return false;
        }
        SyntaxNode operand = primary.child(0);
        boolean simpleHead = isName(operand)
                || (operand.is(NodeKind.OPERAND) && operand.child(0).is(NodeKind.BASIC_LIT));
        if (!simpleHead) {
            return false;
        }
        for (int i = 1; i < primary.children().size(); i++) {
            SyntaxNode suffix = primary.child(i);
            if (!suffix.is(NodeKind.SUFFIX) || !suffix.child(0).is(TokenKind.DOT)
                    || !suffix.child(1).is(TokenKind.IDENTIFIER)) {
                return false;
            }
        }
        return true;
    }
}
