package dev.deferfix.report;

import dev.deferfix.find.Finding;
import java.io.IOException;

/**
 * gofmt/vet-style lines: {@code path:line:col: message [rule-id]}, plus the
 * fix decision when there is one; suppressed findings are left out. With
 * explain, an indented line says why.
 */
final class TextReport {
    private TextReport() {
    }

    static void write(ReportInput input, Appendable out) throws IOException {
        for (Finding finding : input.findings()) {
            if (finding.isSuppressed()) {
                continue;
            }
            out.append(line(finding)).append('\n');
            if (input.explain()) {
                out.append('\t').append(Explanations.of(finding)).append('\n');
            }
        }
    }

    static String line(Finding finding) {
        String decision = Decisions.label(finding.resolution());
        return finding.path() + ":" + finding.start() + ": " + finding.message() + " [" + finding.rule().id() + "]"
                + (decision == null ? "" : " (" + decision + ")");
    }
}
