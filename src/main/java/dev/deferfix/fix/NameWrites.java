package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Every place that may change or newly declare a name, found by its spelling
 * (no types): assignment targets (x = , x.f = , x[i] += , x++), names
 * declared by :=, var, const, range and parameters, and &amp;x, which lets a
 * callee change x.
 */
final class NameWrites {
    private NameWrites() {
    }

    /**
     * A write of {@code name}; {@code declares} when it introduces a (possibly
     * shadowing) variable; {@code path} the fields written into (x.a.b = ... is [a, b]).
     */
    record Write(String name, SyntaxNode at, boolean declares, List<String> path) {

        /** Whether this write changes (or hides) the part {@code evaluated} of its variable. */
        boolean touches(List<String> evaluated) {
            return declares || SelectorChain.overlap(path, evaluated);
        }
    }

    /** Every write under {@code root}, function literals included. (A loop, not a visitor: see GoTrees.sameFunction.) */
    static List<Write> in(SyntaxNode root) {
        List<Write> writes = new ArrayList<>();
        for (SyntaxNode node : root.subtree()) {
            collect(node, writes);
        }
        return writes;
    }

    /** Whether code under {@code root} changes the whole variable (x = , x += , x++, &amp;x), not just a field of it. */
    static boolean setsWhole(SyntaxNode root, LocalScopes.Declaration declaration, LocalScopes scopes) {
        for (Write write : in(root)) {
            if (!write.declares() && write.path().isEmpty() && declaration.equals(scopes.resolve(write.at()))) {
                return true;
            }
        }
        return false;
    }

    private static void collect(SyntaxNode node, List<Write> writes) {
        switch (node.kind()) {
            case SIMPLE_STMT -> {
                boolean declares = node.hasChild(TokenKind.DEFINE);
                boolean assigns = declares || node.hasChild(TokenKind.ASSIGN) || node.hasChild(TokenKind.ASSIGN_OP)
                        || node.hasChild(TokenKind.INC) || node.hasChild(TokenKind.DEC);
                if (assigns) {
                    for (SyntaxNode target : node.child(0).children(NodeKind.EXPRESSION)) {
                        add(writes, rootIdentifier(target), declares);
                    }
                }
            }
            case RANGE_CLAUSE -> {
                SyntaxNode op = node.hasChild(TokenKind.DEFINE) ? node.firstChild(TokenKind.DEFINE)
                        : node.firstChild(TokenKind.ASSIGN);
                if (op != null) {
                    for (SyntaxNode target : node.children(NodeKind.EXPRESSION)) {
                        if (target.end() <= op.start()) {
                            add(writes, rootIdentifier(target), op.is(TokenKind.DEFINE));
                        }
                    }
                }
            }
            case VAR_SPEC, CONST_SPEC -> {
                for (SyntaxNode name : node.child(0).children()) {
                    if (name.is(TokenKind.IDENTIFIER)) {
                        add(writes, name, true);
                    }
                }
            }
            case PARAMETER_DECL -> add(writes, node.child(0).is(TokenKind.IDENTIFIER) ? node.child(0)
                    : LocalScopes.plainIdentifier(node.child(0)), true);
            case UNARY_EXPR -> {
                boolean addressOf = false;
                for (SyntaxNode op : node.children(NodeKind.UNARY_OP)) {
                    addressOf |= op.child(0).is(TokenKind.AMP);
                }
                SyntaxNode primary = node.firstChild(NodeKind.PRIMARY_EXPR);
                if (addressOf && primary != null) {
                    add(writes, rootIdentifier(primary), false);
                }
            }
            default -> {
            }
        }
    }

    private static void add(List<Write> writes, SyntaxNode identifier, boolean declares) {
        if (identifier != null && !identifier.text().equals("_")) {
            writes.add(new Write(identifier.text(), identifier, declares,
                    declares ? List.of() : SelectorChain.after(identifier)));
        }
    }

    /** The variable an expression writes into when assigned: x for x, x.f, x[i], *x, (x); else null. */
    static SyntaxNode rootIdentifier(SyntaxNode target) {
        SyntaxNode node = target;
        while (node != null && node.token() == null) {
            if (node.is(NodeKind.PRIMARY_EXPR)) {
                node = node.child(0);
            } else if (node.is(NodeKind.UNARY_EXPR)) {
                node = node.firstChild(NodeKind.PRIMARY_EXPR);
            } else if (node.is(NodeKind.OPERAND)) {
                node = node.firstChild(NodeKind.EXPRESSION) != null ? node.firstChild(NodeKind.EXPRESSION)
                        : node.child(0);
            } else if (node.children().size() == 1) {
                node = node.child(0);
            } else {
                return null;
            }
        }
        return node != null && node.is(TokenKind.IDENTIFIER) ? node : null;
    }
}
