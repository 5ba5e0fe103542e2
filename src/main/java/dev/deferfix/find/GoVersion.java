package dev.deferfix.find;

/**
 * A Go language version such as 1.21, and where it came from (a go.mod file,
 * the --go-version flag, or the default: the newest semantics).
 */
public record GoVersion(int major, int minor, String source) {
    /** Newest semantics: per-iteration loop variables (Go 1.22 and later). */
    public static final GoVersion NEWEST = new GoVersion(1, 24, "no go.mod above the file and no --go-version");

    /**
     * Parses "1.21", "go1.21", "1.21.3" or "1.21rc1" (an optional "go", major.minor, an optional
     * ".patch", then optionally a lower-case letter and anything); null when it is none of those.
     * Read by hand: a regular expression's compilation was a twentieth of a one-file run.
     */
    public static GoVersion parse(String text, String source) {
        String version = text.trim();
        int at = version.startsWith("go") ? 2 : 0;
        int majorEnd = digitsEnd(version, at);
        if (majorEnd == at || majorEnd == version.length() || version.charAt(majorEnd) != '.') {
            return null;
        }
        int minorEnd = digitsEnd(version, majorEnd + 1);
        if (minorEnd == majorEnd + 1) {
            return null;
        }
        int end = minorEnd;
        if (end < version.length() && version.charAt(end) == '.') {
            int patchEnd = digitsEnd(version, end + 1);
            end = patchEnd == end + 1 ? end : patchEnd;
        }
        boolean suffixOk = end == version.length() || version.charAt(end) >= 'a' && version.charAt(end) <= 'z';
        if (!suffixOk) {
            return null;
        }
        try {
            return new GoVersion(Integer.parseInt(version, at, majorEnd, 10),
                    Integer.parseInt(version, majorEnd + 1, minorEnd, 10), source);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    private static int digitsEnd(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at;
    }

    /** Go 1.22 gave every iteration its own loop variables. */
    public boolean hasPerIterationLoopVariables() {
        return major > 1 || minor >= 22;
    }

    /** Go 1.23 let range take a function (an iterator), whose keys may repeat. */
    public boolean hasRangeOverFunctions() {
        return major > 1 || minor >= 23;
    }

    /** Whether no go.mod and no flag said anything, so the newest semantics are assumed. */
    public boolean isAssumed() {
        return this == NEWEST;
    }

    public String text() {
        return major + "." + minor;
    }
}
