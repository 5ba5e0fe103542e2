package dev.deferfix.report;

import dev.deferfix.find.Finding;
import dev.deferfix.find.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a report shows. The findings are normalised here once, so that
 * every format agrees: sorted by path, position and rule (whatever order the
 * caller's threads produced), and with {@code strict} every note counts as a
 * warning.
 *
 * @param errors      one-line errors ("path:line:col: reason") of files that could not be scanned
 * @param toolVersion defer-fix's version, shown by JSON and SARIF (text does not read it)
 * @param explain     add the reasoning behind each finding
 * @param strict      notes become warnings
 */
public record ReportInput(List<Finding> findings, List<String> errors, String toolVersion, boolean explain,
                          boolean strict) {
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparing(Finding::start)
            .thenComparing(finding -> finding.rule().id())
            .thenComparing(Finding::fingerprint);

    public ReportInput {
        findings = findings.stream()
                .map(finding -> strict && finding.severity() == Severity.NOTE
                        ? finding.withSeverity(Severity.WARNING) : finding)
                .sorted(ORDER)
                .toList();
        errors = errors.stream().sorted().toList();
    }
}
