package dev.deferfix.report;

/** The output formats of findings. */
public enum ReportFormat {
    TEXT,
    JSON,
    SARIF;

    /**
     * The format a --format value names ("text", "json" or "sarif"). A loop, not
     * {@code valueOf}: that reaches the constants by reflection, a millisecond of
     * a one-file run the first time.
     */
    public static ReportFormat named(String name) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("no report format " + name);
    }
}
