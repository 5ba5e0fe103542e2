package dev.deferfix.report;

import dev.deferfix.find.Finding;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over a report's findings. Suppressed findings count only as
 * suppressed; the others count per severity, per rule and per decision.
 */
record Summary(int files, int findings, int suppressed, Map<String, Integer> bySeverity,
               Map<String, Integer> byRule, Map<String, Integer> fixedByStrategy,
               Map<String, Integer> refusedByReason, int errors) {

    static Summary of(ReportInput input) {
        Map<String, Integer> bySeverity = new TreeMap<>();
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, Integer> fixed = new TreeMap<>();
        Map<String, Integer> refused = new TreeMap<>();
        int suppressed = 0;
        for (Finding finding : input.findings()) {
            if (finding.isSuppressed()) {
                suppressed++;
                continue;
            }
            bySeverity.merge(finding.severity().label(), 1, Integer::sum);
            byRule.merge(finding.rule().id(), 1, Integer::sum);
            if (finding.resolution() != null) {
                if (finding.resolution().isFixed()) {
                    fixed.merge(finding.resolution().strategy(), 1, Integer::sum);
                } else {
                    refused.merge(finding.resolution().refusalReason(), 1, Integer::sum);
                }
            }
        }
        int files = (int) input.findings().stream().map(Finding::path).distinct().count();
        return new Summary(files, input.findings().size() - suppressed, suppressed, bySeverity, byRule, fixed,
                refused, input.errors().size());
    }
}
