package dev.deferfix.cli;

import dev.deferfix.diff.DiffColors;
import dev.deferfix.diff.UnifiedDiff;
import dev.deferfix.find.Finding;
import dev.deferfix.report.ReportFormat;
import dev.deferfix.report.ReportInput;
import dev.deferfix.report.Reports;
import dev.deferfix.run.FileOutcome;
import dev.deferfix.run.RunMode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what each mode shows, in input order: errors on stderr as they come;
 * diffs (-d) and source (stdin) on stdout as they come; findings at the end,
 * on stdout for -l, --check and -w (those left after writing), on stderr for
 * -d and stdin (those a rewrite does not fix), so stdout stays a clean patch
 * or source file. Also decides whether anything is left to report.
 */
final class OutcomePrinter {
    private final Invocation invocation;
    private final RunMode mode;
    private final boolean strict;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean color;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private boolean somethingToReport;

    OutcomePrinter(Invocation invocation, PrintStream out, PrintStream err, boolean color) {
        this.invocation = invocation;
        this.mode = invocation.run().mode();
        this.strict = invocation.run().strict();
        this.out = out;
        this.err = err;
        this.color = color;
    }

    /** Whether a file's outcome prints on stdout right away (the progress bar must make room). */
    boolean printsAsItGoes() {
        return mode == RunMode.DIFF || mode == RunMode.PRINT;
    }

    void print(FileOutcome outcome) {
        for (String error : outcome.errors()) {
            err.println(error);
        }
        errors.addAll(outcome.errors());
        switch (mode) {
            case LIST, CHECK -> {
                findings.addAll(outcome.findings());
                somethingToReport |= anyCounts(outcome.findings()) || mode == RunMode.CHECK && outcome.changes();
            }
            case DIFF -> {
                if (outcome.changes()) {
                    String original = new String(outcome.source().content(), StandardCharsets.UTF_8);
                    String diff = UnifiedDiff.of(outcome.displayPath(), original, outcome.rewritten());
                    out.print(color ? DiffColors.colorize(diff) : diff);
                }
                findings.addAll(notFixed(outcome.findings()));
                somethingToReport |= outcome.changes() || anyCounts(outcome.findings());
            }
            case WRITE -> {
                List<Finding> left = outcome.written() ? outcome.remaining() : outcome.findings();
                findings.addAll(left);
                somethingToReport |= anyCounts(left);
            }
            case PRINT -> {
                // A file that did not parse prints nothing, like gofmt; otherwise the (rewritten) source.
                if (outcome.errors().isEmpty() || !outcome.findings().isEmpty()) {
                    byte[] text = outcome.changes() ? outcome.rewritten().getBytes(StandardCharsets.UTF_8)
                            : outcome.source().content();
                    out.write(text, 0, text.length);
                }
                findings.addAll(outcome.remaining());
                somethingToReport |= anyCounts(outcome.remaining());
            }
        }
    }

    /** Prints the collected findings. */
    void finish() {
        ReportFormat format = ReportFormat.named(invocation.format());
        // Only JSON and SARIF show the version; reading it (a resource lookup that scans the
        // runtime's modules first) is several milliseconds of a one-file --check.
        String version = format == ReportFormat.TEXT ? "" : ToolVersion.get();
        ReportInput input = new ReportInput(findings, errors, version, invocation.explain(), strict);
        boolean findingsOnStdout = mode == RunMode.LIST || mode == RunMode.CHECK || mode == RunMode.WRITE;
        try {
            Reports.write(format, input, findingsOnStdout ? out : err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    boolean somethingToReport() {
        return somethingToReport;
    }

    private boolean anyCounts(List<Finding> list) {
        for (Finding finding : list) {
            if (FileOutcome.counts(finding, strict)) {
                return true;
            }
        }
        return false;
    }

    private List<Finding> notFixed(List<Finding> list) {
        List<Finding> left = new ArrayList<>();
        for (Finding finding : list) {
            if (finding.resolution() == null || !finding.resolution().isFixed()) {
                left.add(finding);
            }
        }
        return left;
    }
}
