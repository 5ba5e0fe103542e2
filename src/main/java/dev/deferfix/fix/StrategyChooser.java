package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a plan for a loop unit. With "auto": explicit-close where it is
 * safe, else closure-scope, else refuse. A named strategy is used alone.
 * The shared safety checks run first, for every strategy.
 *
 * <p>When a check judged defer by defer ({@link SiteCheck}) refuses only some
 * defers of the body, explicit-close may still move the others: the refused
 * ones stay deferred, each reported with its own reason. Closure-scope and
 * semaphore-worker cannot do that, as they move the whole body into a new
 * function, the defers that stay with it.
 */
public final class StrategyChooser {
    static final List<String> AUTO_ORDER = List.of("explicit-close", "closure-scope");

    private final Map<String, Strategy> strategies;
    private final List<UnitCheck> checks;

    public StrategyChooser(List<Strategy> strategies, List<UnitCheck> checks) {
        Map<String, Strategy> byName = new HashMap<>();
        for (Strategy strategy : strategies) {
            if (byName.put(strategy.name(), strategy) != null) {
                throw new IllegalArgumentException("two strategies named " + strategy.name());
            }
        }
        this.strategies = byName;
        this.checks = List.copyOf(checks);
    }

    public Decision choose(LoopUnit unit, FixOptions options) {
        for (UnitCheck check : checks) {
            Refusal refusal = check.check(unit, options);
            if (refusal != null) {
                Decision partial = check instanceof SiteCheck ? withoutRefusedSites(unit, options) : null;
                return partial != null ? partial
                        : Decision.of(Plan.refuse(null, refusal.reason(), refusal.explanation()));
            }
        }
        List<String> order = FixOptions.AUTO.equals(options.strategy()) ? AUTO_ORDER : List.of(options.strategy());
        Plan last = null;
        for (String name : order) {
            Strategy strategy = strategies.get(name);
            if (strategy == null) {
                continue;
            }
            Plan plan = strategy.plan(unit, options);
            if (!plan.isRefused()) {
                return Decision.of(last == null ? plan : withFallbackReason(plan, last));
            }
            last = plan;
        }
        if (last == null) {
            return Decision.of(Plan.refuse(options.strategy(), RefusalReason.UNSUPPORTED_SYNTAX,
                    "no strategy named " + options.strategy() + " is available"));
        }
        return Decision.of(last);
    }

    /** The plan auto fell back to, its explanation saying why the strategy before it was not used. */
    private static Plan withFallbackReason(Plan plan, Plan refused) {
        return Plan.rewrite(plan.strategy(), plan.edits(), plan.explanation() + "; " + refused.strategy()
                + " was not used: " + refused.explanation());
    }

    /**
     * Explicit-close of the defers that every site check lets move, the
     * others left alone; null when that is not possible. Explicit-close itself
     * refuses when a defer left alone comes after one it moves (their order
     * would flip), so each one left alone ran after the moved cleanups of its
     * iteration before the rewrite, and still does.
     */
    private Decision withoutRefusedSites(LoopUnit unit, FixOptions options) {
        Strategy explicitClose = strategies.get(ExplicitClose.NAME);
        boolean allowed = FixOptions.AUTO.equals(options.strategy()) || ExplicitClose.NAME.equals(options.strategy());
        if (explicitClose == null || !allowed) {
            return null;
        }
        List<Decision.LeftAlone> leftAlone = new ArrayList<>();
        List<DeferSite> moving = new ArrayList<>();
        for (DeferSite site : unit.sites()) {
            Refusal refusal = siteRefusal(unit, site);
            if (refusal == null) {
                moving.add(site);
            } else {
                leftAlone.add(new Decision.LeftAlone(site, Plan.refuse(null, refusal.reason(), refusal.explanation())));
            }
        }
        if (moving.isEmpty()) {
            return null;
        }
        LoopUnit rest = new LoopUnit(unit.file(), unit.loop(), moving, unit.namesOfRound());
        for (UnitCheck check : checks) {
            // The site checks have judged each moving defer already.
            if (!(check instanceof SiteCheck) && check.check(rest, options) != null) {
                return null;
            }
        }
        Plan plan = explicitClose.plan(rest, options);
        if (plan.isRefused()) {
            return null;
        }
        StringBuilder explanation = new StringBuilder(plan.explanation());
        for (Decision.LeftAlone alone : leftAlone) {
            explanation.append(" The defer at line ").append(unit.file().source().line(alone.site().defer().start()))
                    .append(" stays as it is (").append(alone.refusal().refusal().code()).append(").");
        }
        return new Decision(Plan.rewrite(plan.strategy(), plan.edits(), explanation.toString()), leftAlone);
    }

    private Refusal siteRefusal(LoopUnit unit, DeferSite site) {
        for (UnitCheck check : checks) {
            if (check instanceof SiteCheck siteCheck) {
                Refusal refusal = siteCheck.check(unit, site);
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }
}
