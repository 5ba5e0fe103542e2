package dev.deferfix.report;

import dev.deferfix.find.Finding;
import dev.deferfix.find.Severity;
import java.util.ArrayList;
import java.util.Collections;
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
    /**
     * By path, position, rule, then fingerprint. (Written out, not a chain of lambdas: each
     * lambda's first call costs every start-up.)
     */
    static final Comparator<Finding> ORDER = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int order = a.path().compareTo(b.path());
            if (order == 0) {
                order = a.start().compareTo(b.start());
            }
            if (order == 0) {
                order = a.rule().id().compareTo(b.rule().id());
            }
            return order != 0 ? order : a.fingerprint().compareTo(b.fingerprint());
        }
    };

    public ReportInput {
        List<Finding> reported = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            reported.add(strict && finding.severity() == Severity.NOTE ? finding.withSeverity(Severity.WARNING)
                    : finding);
        }
        reported.sort(ORDER);
        findings = List.copyOf(reported);
        List<String> sortedErrors = new ArrayList<>(errors);
        Collections.sort(sortedErrors);
        errors = List.copyOf(sortedErrors);
    }
}
