package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import java.util.List;

/**
 * The chooser's answer for a loop unit: one plan for its defers, except those
 * left alone on their own while the plan moves the others (their refusals).
 */
public record Decision(Plan plan, List<LeftAlone> leftAlone) {

    /** A defer that stays where it is, with the refusal that says why. */
    public record LeftAlone(DeferSite site, Plan refusal) {
    }

    public static Decision of(Plan plan) {
        return new Decision(plan, List.of());
    }

    /** The plan that resolves {@code site}: its own refusal when it is left alone. */
    public Plan planFor(DeferSite site) {
        for (LeftAlone alone : leftAlone) {
            if (alone.site() == site) {
                return alone.refusal();
            }
        }
        return plan;
    }
}
