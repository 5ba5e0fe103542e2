package dev.deferfix.cli;

import dev.deferfix.find.Finding;
import dev.deferfix.find.Rule;
import dev.deferfix.report.Tally;
import dev.deferfix.run.FileOutcome;
import dev.deferfix.run.RunMode;
import java.util.Map;
import java.util.TreeMap;

/** Counts a run for the one summary line on stderr. */
final class RunSummary {
    private final RunMode mode;
    private int files;
    private int generated;
    private int findings;
    private int suppressed;
    private int errors;
    private int filesChanged;
    private final Map<String, Integer> rewrittenByStrategy = new TreeMap<>();
    private final Map<String, Integer> refusedByReason = new TreeMap<>();

    RunSummary(RunMode mode) {
        this.mode = mode;
    }

    void add(FileOutcome outcome) {
        files++;
        if (outcome.generated()) {
            generated++;
        }
        errors += outcome.errors().size();
        boolean applied = mode == RunMode.WRITE ? outcome.written() : outcome.changes();
        if (applied) {
            filesChanged++;
        }
        for (Finding finding : outcome.findings()) {
            if (finding.isSuppressed()) {
                suppressed++;
                continue;
            }
            findings++;
            if (finding.resolution() == null || finding.rule() != Rule.DEFER_IN_LOOP) {
                continue; // a capture finding shares its defer's decision: one count per site
            }
            if (finding.resolution().isFixed()) {
                if (applied) {
                    Tally.count(rewrittenByStrategy, finding.resolution().strategy());
                }
            } else {
                Tally.count(refusedByReason, finding.resolution().refusalReason());
            }
        }
    }

    void addError() {
        errors++;
    }

    int errors() {
        return errors;
    }

    String line(double seconds) {
        StringBuilder line = new StringBuilder("defer-fix: ");
        line.append(plural(files, "file")).append(" scanned");
        if (generated > 0) {
            line.append(" (").append(generated).append(" generated, skipped)");
        }
        line.append(", ").append(plural(findings, "finding"));
        if (suppressed > 0) {
            line.append(" (+").append(suppressed).append(" suppressed)");
        }
        int rewritten = Tally.total(rewrittenByStrategy);
        String verb = mode == RunMode.WRITE ? "rewritten" : mode == RunMode.DIFF ? "would be rewritten" : "fixable";
        line.append(", ").append(plural(rewritten, "site")).append(' ').append(verb);
        if (mode == RunMode.WRITE || mode == RunMode.DIFF) {
            line.append(" in ").append(plural(filesChanged, "file"));
        }
        line.append(breakdown(rewrittenByStrategy));
        int refused = Tally.total(refusedByReason);
        line.append(", ").append(refused).append(" refused").append(breakdown(refusedByReason));
        line.append(", ").append(plural(errors, "error"));
        // Two decimals by hand: String.format loads the formatter, locale data and float printing.
        long hundredths = Math.round(seconds * 100);
        line.append(", ").append(hundredths / 100).append('.').append(hundredths % 100 < 10 ? "0" : "")
                .append(hundredths % 100).append(" s");
        return line.toString();
    }

    private static String breakdown(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            out.append(out.length() > 2 ? ", " : "").append(count.getKey()).append(' ').append(count.getValue());
        }
        return out.append(')').toString();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
