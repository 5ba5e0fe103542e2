package dev.deferfix.find;

/**
 * One reported problem: plain data for every output format, plus the site it
 * was found at (for the rewrite stage).
 *
 * @param start       where the defer statement starts
 * @param end         where it ends (exclusive column)
 * @param loop        where the loop that repeats it starts
 * @param function    the enclosing function's name, or "func literal"
 * @param call        the deferred call's source text
 * @param lazyFingerprint see {@link #fingerprint()}
 * @param suppression the in-source comment that suppresses it, or null
 * @param resolution  what the rewrite stage decided, or null before it ran
 * @param site        the site in its syntax tree; null once the file is done ({@link #withoutSite})
 * @param offsets     the site's place in the file's text, kept for the reports
 * @param goVersion   the Go version the file was judged by, and where it came from (for --explain)
 */
public record Finding(Rule rule, Severity severity, String path, Position start, Position end, Position loop,
                      String function, String call, String message, LazyFingerprint lazyFingerprint,
                      Suppressions.Suppression suppression, Resolution resolution, DeferSite site,
                      SiteOffsets offsets, GoVersion goVersion) {

    /** Stable across edits elsewhere in the file (SARIF partialFingerprints). */
    public String fingerprint() {
        return lazyFingerprint.value();
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, path, start, end, loop, function, call, message, lazyFingerprint,
                suppression, resolution, site, offsets, goVersion);
    }

    public Finding withResolution(Resolution newResolution) {
        return new Finding(rule, severity, path, start, end, loop, function, call, message, lazyFingerprint,
                suppression, newResolution, site, offsets, goVersion);
    }

    /**
     * The same finding without its syntax tree, for when its file is done: a run
     * keeps every finding until the report, but only the file's text with it.
     */
    public Finding withoutSite() {
        return new Finding(rule, severity, path, start, end, loop, function, call, message, lazyFingerprint,
                suppression, resolution, null, offsets, goVersion);
    }
}
