package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;

/**
 * Refuses a deferred call of a function variable that is declared without a
 * value and never assigned ({@code var f func(); defer f()}): it is nil, so
 * the call panics when the function returns, and any strategy would make it
 * panic at the end of the iteration instead, with other code not yet run and
 * another stack (the standard library tests exactly that).
 */
public final class NilFunctionCheck implements SiteCheck {

    @Override
    public Refusal check(LoopUnit unit, DeferSite site) {
        List<SyntaxNode> uses = LocalScopes.identifierUses(site.call());
        if (uses.isEmpty() || !SelectorChain.isCalled(uses.get(0)) || !SelectorChain.after(uses.get(0)).isEmpty()) {
            return null;
        }
        SyntaxNode callee = uses.get(0);
        LocalScopes scopes = LocalScopes.of(site.function());
        Declaration declaration = scopes.resolve(callee);
        if (declaration == null || !declaration.statement().is(NodeKind.VAR_SPEC)
                || declaration.statement().hasChild(TokenKind.ASSIGN)
                || NameWrites.setsWhole(site.function(), declaration, scopes)) {
            return null;
        }
        return new Refusal(RefusalReason.NIL_FUNCTION, callee.text() + " is declared without a value at line "
                + unit.file().source().line(declaration.token().start()) + " and never assigned");
    }
}
