package dev.deferfix.run;

import dev.deferfix.find.GoVersion;
import dev.deferfix.fix.FixOptions;
import java.util.List;

/**
 * Everything a run needs to know, already checked by the command line.
 *
 * @param goVersion        the --go-version override, or null to read go.mod files
 * @param includeGenerated also scan files marked "Code generated ... DO NOT EDIT."
 * @param excludes         --exclude globs
 * @param jobs             how many files are processed at once
 * @param maxFileSize      larger files are skipped with an error (parsing needs about 250 bytes of
 *                         memory per byte of source); 0 means no limit
 * @param planFixes        run the rewrite stage even when nothing is rewritten, to report each finding's
 *                         fix or refusal; --check in plain text skips it, since its exit code never needs it
 *                         (only warnings are rewritten, and a warning fails the check anyway)
 */
public record RunOptions(RunMode mode, String strategy, int maxConcurrency, GoVersion goVersion, boolean strict,
                         boolean includeGenerated, List<String> excludes, int jobs, long maxFileSize,
                         boolean planFixes) {

    public FixOptions fixOptions(GoVersion fileVersion) {
        return new FixOptions(strategy, maxConcurrency, strict, fileVersion);
    }
}
