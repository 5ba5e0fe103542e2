package dev.deferfix.find;

import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The find stage for one file: sites, both rules, suppressions, fingerprints. */
public final class Detector {
    private static final int MAX_CALL_TEXT = 80;

    private Detector() {
    }

    public static List<Finding> detect(ParsedFile file, GoVersion goVersion) {
        List<DeferSite> sites = DeferFinder.find(file);
        List<Finding> findings = new ArrayList<>();
        if (sites.isEmpty()) {
            return findings; // most files: their comments need not be read for suppressions
        }
        Suppressions suppressions = Suppressions.of(file);
        Map<String, Integer> occurrences = new HashMap<>();
        for (DeferSite site : sites) {
            findings.add(finding(site, Rule.DEFER_IN_LOOP, site.severity(), loopMessage(site),
                    suppressions, occurrences, goVersion));
            // A defer that runs at most once sees the variable as it is when the loop is left: no bug.
            if (!goVersion.hasPerIterationLoopVariables() && site.severity() == Severity.WARNING) {
                Set<String> captured = LoopVariableCapture.capturedBy(site);
                if (!captured.isEmpty()) {
                    String message = String.format("deferred closure captures loop variable%s %s: before Go 1.22 "
                                    + "every deferred call sees only its last value (go %s)",
                            captured.size() > 1 ? "s" : "", String.join(", ", captured), goVersion.text());
                    findings.add(finding(site, Rule.DEFERRED_CLOSURE_CAPTURES_LOOP_VAR, Severity.WARNING, message,
                            suppressions, occurrences, goVersion));
                }
            }
        }
        return findings;
    }

    private static String loopMessage(DeferSite site) {
        String call = callText(site);
        if (site.severity() == Severity.NOTE) {
            return "defer " + call + " in a loop runs at most once: every path leaves the loop right after it "
                    + "(loop-exits-after-defer)";
        }
        return "defer " + call + " in a loop runs when " + FunctionNames.of(site.function())
                + " returns, not at the end of each iteration";
    }

    private static String callText(DeferSite site) {
        String text = onOneLine(CallText.of(site.file(), site.call()));
        return text.length() <= MAX_CALL_TEXT ? text : text.substring(0, MAX_CALL_TEXT - 3) + "...";
    }

    /** A raw string's line breaks written as \n and \r, so a finding stays one line of -l output. */
    private static String onOneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }

    private static Finding finding(DeferSite site, Rule rule, Severity severity, String message,
                                   Suppressions suppressions, Map<String, Integer> occurrences,
                                   GoVersion goVersion) {
        SourceText source = site.file().source();
        String function = FunctionNames.of(site.function());
        String call = site.call().text();
        String key = rule.id() + "\0" + samePathHowEverNamed(source.path()) + "\0" + function + "\0"
                + CallText.of(site.file(), site.call());
        int occurrence = occurrences.getOrDefault(key, 0) + 1;
        occurrences.put(key, occurrence);
        return new Finding(rule, severity, source.path(),
                Position.of(source, site.defer().start()), Position.of(source, site.defer().end()),
                Position.of(source, site.loopAnchor().start()), function, call, message,
                new LazyFingerprint(key + "\0" + occurrence),
                suppressions.forLine(source.line(site.defer().start())), null, site, SiteOffsets.of(site), goVersion);
    }

    /** "./a/b.go", "a/b.go" and "a\\b.go" name the same file; its fingerprints must agree. */
    private static String samePathHowEverNamed(String path) {
        String slashed = path.replace('\\', '/');
        while (slashed.startsWith("./")) {
            slashed = slashed.substring(2);
        }
        return slashed;
    }
}
