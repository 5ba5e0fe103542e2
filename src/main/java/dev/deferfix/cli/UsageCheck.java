package dev.deferfix.cli;

import dev.deferfix.find.GoVersion;
import dev.deferfix.run.RunMode;
import dev.deferfix.run.RunOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Judges a parsed command line: one clear message for a wrong flag value or combination. */
final class UsageCheck {
    private static final Set<String> STRATEGIES = Set.of("auto", "explicit-close", "closure-scope", "semaphore");
    private static final Set<String> FORMATS = Set.of("text", "json", "sarif");
    private static final Set<String> COLORS = Set.of("auto", "always", "never");
    /** Iterations at once under --strategy semaphore when --max-concurrency is not given. */
    private static final int DEFAULT_MAX_CONCURRENCY = 4;
    /** Enough for any size a long holds once multiplied; more is refused as malformed. */
    private static final int MAX_DIGITS = 18;

    /** A command line that cannot run; the message is the one line to print. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    private UsageCheck() {
    }

    static Invocation check(CommandOptions o, int cores) throws UsageError {
        RunMode mode = mode(o);
        boolean stdin = o.paths.contains("-");
        if (stdin && o.paths.size() > 1) {
            throw new UsageError("'-' (standard input) cannot be combined with other paths");
        }
        if (stdin && mode == RunMode.WRITE) {
            throw new UsageError("-w cannot be used with '-' (standard input): there is no file to write; "
                    + "the rewritten source goes to standard output without -w");
        }
        if (o.stdinFilename != null && !stdin) {
            throw new UsageError("--stdin-filename names standard input; it needs '-' as the path");
        }
        if (stdin && o.diffBase != null) {
            throw new UsageError("--diff-base works on files in a git work tree, not on standard input");
        }
        if (stdin && mode == RunMode.LIST && !o.list) {
            mode = RunMode.PRINT;
        }
        String strategy = o.strategy;
        if (!STRATEGIES.contains(strategy)) {
            throw new UsageError("--strategy: unknown strategy '" + o.strategy
                    + "' (expected auto, explicit-close, closure-scope or semaphore)");
        }
        if (!FORMATS.contains(o.format)) {
            throw new UsageError("--format: unknown format '" + o.format + "' (expected text, json or sarif)");
        }
        if (!o.format.equals("text") && mode != RunMode.LIST && mode != RunMode.CHECK) {
            throw new UsageError("--format " + o.format + " describes findings; use it with -l or --check");
        }
        if (!COLORS.contains(o.color)) {
            throw new UsageError("--color: expected auto, always or never, got '" + o.color + "'");
        }
        if (o.maxConcurrency != null && !strategy.equals("semaphore")) {
            throw new UsageError("--max-concurrency applies only with --strategy semaphore");
        }
        int maxConcurrency = o.maxConcurrency == null ? DEFAULT_MAX_CONCURRENCY : o.maxConcurrency;
        if (maxConcurrency < 1) {
            throw new UsageError("--max-concurrency must be at least 1, got " + maxConcurrency);
        }
        int jobs = o.jobs == null ? cores : o.jobs;
        if (jobs < 1) {
            throw new UsageError("--jobs must be at least 1, got " + jobs);
        }
        GoVersion goVersion = null;
        if (o.goVersion != null) {
            goVersion = GoVersion.parse(o.goVersion, "--go-version");
            if (goVersion == null) {
                throw new UsageError("--go-version: expected a Go version like 1.21, got '" + o.goVersion + "'");
            }
        }
        boolean planFixes = mode != RunMode.CHECK || o.explain || !o.format.equals("text");
        RunOptions run = new RunOptions(mode, strategy, maxConcurrency, goVersion, o.strict, o.includeGenerated,
                List.copyOf(o.excludes), jobs, byteSize(o.maxFileSize), planFixes);
        List<String> paths = stdin ? List.of() : o.paths.isEmpty() ? List.of(".") : List.copyOf(o.paths);
        return new Invocation(run, paths, stdin, o.stdinFilename, o.format, o.explain, o.color, o.diffBase);
    }

    /**
     * "2M" is 2 MiB; k, M and G count in powers of 1024, as du and ls -h do. Read by hand:
     * compiling a regular expression was a twentieth of a one-file run.
     */
    private static long byteSize(String size) throws UsageError {
        int digits = 0;
        while (digits < size.length() && size.charAt(digits) >= '0' && size.charAt(digits) <= '9') {
            digits++;
        }
        int shift = digits == size.length() - 1 ? unitShift(size.charAt(digits)) : 0;
        boolean wellFormed = digits >= 1 && digits <= MAX_DIGITS && (digits == size.length() || shift > 0);
        if (!wellFormed) {
            throw new UsageError("--max-file-size: expected a number of bytes like 2M, 512k or 0 (no limit), got '"
                    + size + "'");
        }
        long number = Long.parseLong(size, 0, digits, 10);
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new UsageError("--max-file-size: " + size + " is too large");
        }
        return number << shift;
    }

    /** The power of two a unit letter multiplies by, or 0 for no unit letter. */
    private static int unitShift(char unit) {
        return switch (unit) {
            case 'k', 'K' -> 10;
            case 'm', 'M' -> 20;
            case 'g', 'G' -> 30;
            default -> 0;
        };
    }

    private static RunMode mode(CommandOptions o) throws UsageError {
        List<String> chosen = new ArrayList<>();
        if (o.list) {
            chosen.add("-l");
        }
        if (o.diff) {
            chosen.add("-d");
        }
        if (o.write) {
            chosen.add("-w");
        }
        if (o.check) {
            chosen.add("--check");
        }
        if (chosen.size() > 1) {
            throw new UsageError(chosen.get(0) + " and " + chosen.get(1) + " cannot be used together: choose one mode");
        }
        if (o.diff) {
            return RunMode.DIFF;
        }
        if (o.write) {
            return RunMode.WRITE;
        }
        return o.check ? RunMode.CHECK : RunMode.LIST;
    }
}
