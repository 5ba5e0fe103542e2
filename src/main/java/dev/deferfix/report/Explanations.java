package dev.deferfix.report;

import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Severity;
import java.util.ArrayList;
import java.util.List;

/** The --explain text of a finding: why it was reported, which Go version applied, and what the fixer decided. */
final class Explanations {
    private Explanations() {
    }

    static String of(Finding finding) {
        List<String> parts = new ArrayList<>();
        parts.add(finding.rule().fullDescription());
        if (finding.severity() == Severity.NOTE) {
            parts.add("Every path from the defer leaves the loop for good, so it runs at most once: "
                    + "a note, not a warning (--strict makes it one).");
        }
        parts.add(goVersionSentence(finding));
        if (finding.resolution() != null && finding.resolution().explanation() != null) {
            parts.add(capitalized(Decisions.label(finding.resolution())) + ": "
                    + finding.resolution().explanation());
        }
        return String.join(" ", parts);
    }

    private static String goVersionSentence(Finding finding) {
        GoVersion version = finding.goVersion();
        if (version == null) {
            return "Go version: unknown.";
        }
        String semantics = version.hasPerIterationLoopVariables()
                ? "each iteration has its own loop variables"
                : "loop variables are shared by all iterations";
        String which = version.isAssumed()
                ? "Go version: newest semantics assumed (" + version.source() + ")"
                : "Go version " + version.text() + " from " + version.source();
        return which + ": " + semantics + ".";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
