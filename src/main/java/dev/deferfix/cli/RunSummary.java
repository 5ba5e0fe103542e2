package dev.deferfix.cli;

import dev.deferfix.find.Finding;
import dev.deferfix.run.FileOutcome;
import dev.deferfix.run.RunMode;
import java.util.Locale;
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
            if (finding.resolution() == null) {
                continue;
            }
            if (finding.resolution().isFixed()) {
                if (applied) {
                    rewrittenByStrategy.merge(finding.resolution().strategy(), 1, Integer::sum);
                }
            } else {
                refusedByReason.merge(finding.resolution().refusalReason(), 1, Integer::sum);
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
        int rewritten = rewrittenByStrategy.values().stream().mapToInt(Integer::intValue).sum();
        String verb = mode == RunMode.WRITE ? "rewritten" : mode == RunMode.DIFF ? "would be rewritten" : "fixable";
        line.append(", ").append(plural(rewritten, "site")).append(' ').append(verb);
        if (mode == RunMode.WRITE || mode == RunMode.DIFF) {
            line.append(" in ").append(plural(filesChanged, "file"));
        }
        line.append(breakdown(rewrittenByStrategy));
        int refused = refusedByReason.values().stream().mapToInt(Integer::intValue).sum();
        line.append(", ").append(refused).append(" refused").append(breakdown(refusedByReason));
        line.append(", ").append(plural(errors, "error"));
        line.append(String.format(Locale.ROOT, ", %.2f s", seconds));
        return line.toString();
    }

    private static String breakdown(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        counts.forEach((name, count) -> out.append(out.length() > 2 ? ", " : "").append(name).append(' ').append(count));
        return out.append(')').toString();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
