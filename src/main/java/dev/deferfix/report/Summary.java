package dev.deferfix.report;

import dev.deferfix.find.Finding;
import dev.deferfix.find.Rule;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
            Tally.count(bySeverity, finding.severity().label());
            Tally.count(byRule, finding.rule().id());
            if (finding.resolution() != null && finding.rule() == Rule.DEFER_IN_LOOP) { // one decision per site
                if (finding.resolution().isFixed()) {
                    Tally.count(fixed, finding.resolution().strategy());
                } else {
                    Tally.count(refused, finding.resolution().refusalReason());
                }
            }
        }
        Set<String> paths = new HashSet<>();
        for (Finding finding : input.findings()) {
            paths.add(finding.path());
        }
        int files = paths.size();
        return new Summary(files, input.findings().size() - suppressed, suppressed, bySeverity, byRule, fixed,
                refused, input.errors().size());
    }
}
