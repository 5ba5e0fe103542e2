package dev.deferfix.report;

/** The output formats of findings. */
public enum ReportFormat {
    TEXT,
    JSON,
    SARIF
}
