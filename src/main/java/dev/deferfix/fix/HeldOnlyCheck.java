package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.SyntaxNode;
import java.util.List;
import java.util.Set;

/**
 * Refuses a resource that the iteration makes and then only holds: nothing in
 * the body but its deferred cleanup, a method call on it, refers to it
 * ({@code rows, err := db.Query(q); if err != nil { ... }; defer rows.Close()}
 * and no other use of rows). Then holding it is what the loop is for: every
 * iteration's resource stays open at once until the function returns (a test
 * that opens enough connections to fill a pool, a server kept busy, a
 * registration queried after the loop). Cleaning each up when its iteration
 * ends would defeat that, even when the function returns right after the loop.
 */
public final class HeldOnlyCheck implements SiteCheck {

    @Override
    public Refusal check(LoopUnit unit, DeferSite site) {
        LocalScopes scopes = LocalScopes.of(site.function());
        Set<Declaration> resources = DeferredResources.of(site, scopes, unit.loop()).keySet();
        if (!cleansUpReceiver(site, scopes, resources)) {
            return null;
        }
        SyntaxNode body = GoTrees.body(unit.loop());
        String held = null;
        for (Declaration resource : resources) {
            if (!resource.isInside(body)) {
                return null;
            }
            List<SyntaxNode> uses = scopes.usesOf(Set.of(resource), body);
            for (SyntaxNode use : uses) {
                if (use != resource.token() && !site.defer().isAncestorOf(use)) {
                    return null;
                }
            }
            held = held == null ? resource.name() : held;
        }
        return held == null ? null : new Refusal(RefusalReason.HELD_ONLY, held + " (line "
                + unit.file().source().line(resources.iterator().next().token().start())
                + ") is used by nothing in the body but its deferred cleanup");
    }

    /**
     * Whether the deferred call is a method call on one of the resources
     * ({@code rows.Close()}, {@code res.Body.Close()}, also inside a deferred
     * function literal). A function value ({@code cleanup()},
     * {@code cancel()}) stands for state the iteration goes on to use without
     * naming it, and plain arguments ({@code os.Chdir(cwd)}) are data to
     * restore, so neither says the resource is only held.
     */
    private static boolean cleansUpReceiver(DeferSite site, LocalScopes scopes, Set<Declaration> resources) {
        for (SyntaxNode use : LocalScopes.identifierUses(site.call())) {
            if (SelectorChain.isCalled(use) && !SelectorChain.after(use).isEmpty()
                    && resources.contains(scopes.resolve(use))) {
                return true;
            }
        }
        return false;
    }
}
