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
 */
public record RunOptions(RunMode mode, String strategy, int maxConcurrency, GoVersion goVersion, boolean strict,
                         boolean includeGenerated, List<String> excludes, int jobs, long maxFileSize) {

    public FixOptions fixOptions(GoVersion fileVersion) {
        return new FixOptions(strategy, maxConcurrency, strict, fileVersion);
    }
}
