package dev.deferfix.run;

import dev.deferfix.find.Finding;
import dev.deferfix.find.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run did with one input.
 *
 * @param source    the input as read
 * @param rewritten the new text, or null when nothing changes
 * @param findings  the findings in the original text, each with its resolution
 * @param remaining the findings still in the text after the rewrite (equal to findings when nothing changes)
 * @param errors    one-line messages ({@code path:line:col: message} or {@code path: message})
 * @param generated skipped because it is a generated file
 * @param written   the rewritten text was written in place
 */
public record FileOutcome(SourceFile source, String rewritten, List<Finding> findings, List<Finding> remaining,
                          List<String> errors, boolean generated, boolean written) {

    public static FileOutcome clean(SourceFile source) {
        return new FileOutcome(source, null, List.of(), List.of(), List.of(), false, false);
    }

    public static FileOutcome skippedGenerated(SourceFile source) {
        return new FileOutcome(source, null, List.of(), List.of(), List.of(), true, false);
    }

    public static FileOutcome failed(SourceFile source, String error) {
        return new FileOutcome(source, null, List.of(), List.of(), List.of(error), false, false);
    }

    public String displayPath() {
        return source.displayPath();
    }

    public boolean changes() {
        return rewritten != null;
    }

    public FileOutcome withError(String error) {
        List<String> all = new ArrayList<>(errors);
        all.add(error);
        return new FileOutcome(source, rewritten, findings, remaining, List.copyOf(all), generated, written);
    }

    /** Lets go of the syntax trees behind the findings: outcomes wait for the report, trees need not. */
    public FileOutcome withoutSites() {
        return new FileOutcome(source, rewritten, withoutSites(findings), withoutSites(remaining), errors, generated,
                written);
    }

    private static List<Finding> withoutSites(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            kept.add(finding.withoutSite());
        }
        return List.copyOf(kept);
    }

    public FileOutcome asWritten() {
        return new FileOutcome(source, rewritten, findings, remaining, errors, generated, true);
    }

    /** Whether a finding fails a run: not suppressed, and a warning (notes too under --strict). */
    public static boolean counts(Finding finding, boolean strict) {
        return !finding.isSuppressed() && (strict || finding.severity() == Severity.WARNING);
    }
}
