package dev.deferfix.fix;

/**
 * A way to make the defers of one loop body run per iteration. Implementations
 * plan edits of the original text and never apply them; each must refuse
 * rather than change the program's meaning.
 */
public interface Strategy {

    /** The name users pass to --strategy and see in reports, e.g. "explicit-close". */
    String name();

    Plan plan(LoopUnit unit, FixOptions options);
}
