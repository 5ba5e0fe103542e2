package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;

/**
 * A safety condition judged defer by defer (say, the escape analysis). When
 * only some defers of a body fail it, the chooser can leave those where they
 * are and still move the others (see {@link StrategyChooser}).
 */
public interface SiteCheck extends UnitCheck {

    /** A refusal when {@code site} must stay deferred, else null. */
    Refusal check(LoopUnit unit, DeferSite site);

    /** The first site's refusal: the unit as a whole is refused when any of its defers is. */
    @Override
    default Refusal check(LoopUnit unit, FixOptions options) {
        for (DeferSite site : unit.sites()) {
            Refusal refusal = check(unit, site);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }
}
