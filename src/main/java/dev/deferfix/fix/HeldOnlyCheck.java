package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.SyntaxNode;
import java.util.List;
import java.util.Set;

/**
 * Refuses a resource that the iteration makes and then only holds: nothing in
 * the body but its deferred cleanup refers to it, as receiver, argument or
 * function value ({@code rows, err := db.Query(q); if err != nil { ... };
 * defer rows.Close()}, {@code id := register(c); defer unregister(id)},
 * {@code cleanup, err := serve(); defer cleanup()}). Then what the iteration
 * wanted of it is its existence: every iteration's resource stays at once
 * until the function returns (a test that opens enough connections to fill a
 * pool, registrations queried after the loop, a challenge served until the
 * function is done). Cleaning each up when its iteration ends would undo
 * that, even when the function returns right after the loop.
 */
public final class HeldOnlyCheck implements SiteCheck {

    @Override
    public Refusal check(LoopUnit unit, DeferSite site) {
        LocalScopes scopes = LocalScopes.of(site.function());
        Set<Declaration> resources = DeferredResources.of(site, scopes, unit.loop()).keySet();
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
}
