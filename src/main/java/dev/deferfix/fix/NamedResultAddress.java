package dev.deferfix.fix;

import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;

/**
 * Where a function takes the address of one of its own named results
 * ({@code errp := &err}, {@code tracker{&err}}). A pointer made there may
 * reach any deferred call, which can then change the result after a return
 * statement has set it; moved to the end of an iteration, its change would be
 * overwritten. Without types, whether a given call can reach the pointer is
 * not followed: every defer of the function counts.
 */
final class NamedResultAddress {
    private NamedResultAddress() {
    }

    /** The first {@code &result} (or {@code &result.field}) in {@code function}, nested literals included, or null. */
    static SyntaxNode first(SyntaxNode function, LocalScopes scopes) {
        for (SyntaxNode node : function.subtree()) {
            if (!node.is(NodeKind.UNARY_EXPR) || !takesAddress(node)) {
                continue;
            }
            SyntaxNode primary = node.firstChild(NodeKind.PRIMARY_EXPR);
            SyntaxNode name = primary == null ? null : NameWrites.rootIdentifier(primary);
            Declaration declaration = name == null ? null : scopes.resolve(name);
            if (declaration != null && declaration.scope() == function && isNamedResult(declaration)) {
                return name;
            }
        }
        return null;
    }

    static boolean isNamedResult(Declaration declaration) {
        return declaration.statement().is(NodeKind.PARAMETER_DECL)
                && declaration.statement().ancestor(NodeKind.RESULT) != null;
    }

    private static boolean takesAddress(SyntaxNode unary) {
        for (SyntaxNode op : unary.children(NodeKind.UNARY_OP)) {
            if (op.child(0).is(TokenKind.AMP)) {
                return true;
            }
        }
        return false;
    }
}
