package dev.deferfix.fix;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a plan for a loop unit. With "auto": explicit-close where it is
 * safe, else closure-scope, else refuse. A named strategy is used alone.
 * The shared safety checks run first, for every strategy.
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

    public Plan choose(LoopUnit unit, FixOptions options) {
        for (UnitCheck check : checks) {
            Refusal refusal = check.check(unit, options);
            if (refusal != null) {
                return Plan.refuse(null, refusal.reason(), refusal.explanation());
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
                return plan;
            }
            last = plan;
        }
        if (last == null) {
            return Plan.refuse(options.strategy(), RefusalReason.UNSUPPORTED_SYNTAX,
                    "no strategy named " + options.strategy() + " is available");
        }
        return last;
    }
}
