package dev.deferfix.cli;

import dev.deferfix.find.Finding;
import dev.deferfix.find.Severity;
import java.io.IOException;
import java.util.List;

/** Findings as gofmt-like lines, {@code path:line:col: message [rule]}; suppressed ones are left out. */
final class TextFindings {
    private TextFindings() {
    }

    static void write(List<Finding> findings, boolean explain, boolean strict, Appendable out) throws IOException {
        for (Finding finding : findings) {
            if (finding.isSuppressed()) {
                continue;
            }
            String level = finding.severity() == Severity.NOTE && !strict ? "note: " : "";
            out.append(finding.path()).append(':').append(finding.start().toString()).append(": ").append(level)
                    .append(finding.message()).append(" [").append(finding.rule().id()).append("]\n");
            if (explain && finding.resolution() != null) {
                String what = finding.resolution().isFixed() ? "fix: " + finding.resolution().strategy()
                        : "not rewritten: " + finding.resolution().refusalReason();
                out.append("\t").append(what).append(": ").append(finding.resolution().explanation()).append('\n');
            }
        }
    }
}
