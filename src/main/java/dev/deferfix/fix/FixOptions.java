package dev.deferfix.fix;

import dev.deferfix.find.GoVersion;

/**
 * Options of the rewrite stage.
 *
 * @param strategy       "auto" or the name of the one strategy to use
 * @param maxConcurrency for semaphore-worker: how many iterations run at once
 * @param strict         rewrite sites whose severity is only a note
 * @param goVersion      decides whether loop variables must be copied for goroutines
 */
public record FixOptions(String strategy, int maxConcurrency, boolean strict, GoVersion goVersion) {
    public static final String AUTO = "auto";
}
