package dev.deferfix.find;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go language version such as 1.21, and where it came from (a go.mod file,
 * the --go-version flag, or the default: the newest semantics).
 */
public record GoVersion(int major, int minor, String source) {
    private static final Pattern VERSION = Pattern.compile("(?:go)?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[a-z].*)?");

    /** Newest semantics: per-iteration loop variables (Go 1.22 and later). */
    public static final GoVersion NEWEST = new GoVersion(1, 24, "no go.mod above the file and no --go-version");

    /** Parses "1.21", "go1.21", "1.21.3" or "1.21rc1"; null when it is none of those. */
    public static GoVersion parse(String text, String source) {
        Matcher matcher = VERSION.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        return new GoVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), source);
    }

    /** Go 1.22 gave every iteration its own loop variables. */
    public boolean hasPerIterationLoopVariables() {
        return major > 1 || minor >= 22;
    }

    /** Whether no go.mod and no flag said anything, so the newest semantics are assumed. */
    public boolean isAssumed() {
        return this == NEWEST;
    }

    public String text() {
        return major + "." + minor;
    }
}
