package dev.deferfix.fix;

/**
 * A safety condition every strategy needs (for example: the resource must not
 * escape the iteration). The chooser runs all checks before any strategy.
 */
public interface UnitCheck {

    /** A refusal when the unit must be left alone, else null. */
    Refusal check(LoopUnit unit, FixOptions options);
}
