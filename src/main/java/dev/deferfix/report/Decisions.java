package dev.deferfix.report;

import dev.deferfix.find.Resolution;

/** The short form of the rewrite stage's decision, as text output shows it. */
final class Decisions {
    private Decisions() {
    }

    /** "fix: explicit-close" or "refused: resource-escapes-iteration"; null when nothing was decided. */
    static String label(Resolution resolution) {
        if (resolution == null) {
            return null;
        }
        return resolution.isFixed() ? "fix: " + resolution.strategy() : "refused: " + resolution.refusalReason();
    }
}
