package dev.deferfix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deferfix.edit.Edit;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Resolution;
import dev.deferfix.testing.GoSources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {
    static final String SOURCE = """
            package p

            import "os"

            func open(names []string) {
            \tfor _, name := range names {
            \t\tf, _ := os.Open(name)
            \t\tdefer f.Close()
            \t}
            \tfor i := 0; i < 3; i++ {
            \t\tdefer func() { println(i) }() //defer-fix:ignore demo only
            \t}
            \tfor {
            \t\tf, _ := os.Open("x")
            \t\tdefer f.Close()
            \t\treturn
            \t}
            }
            """;
    static final GoVersion GO_121 = new GoVersion(1, 21, "dir/go.mod");

    static List<Finding> findings() {
        return GoSources.findings("dir/a.go", SOURCE, GO_121);
    }

    static String report(ReportFormat format, List<Finding> findings, boolean explain, boolean strict) {
        StringBuilder out = new StringBuilder();
        try {
            Reports.write(format, new ReportInput(findings, List.of(), "0.1.0", explain, strict), out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    @Test
    void textIsOneGofmtStyleLinePerUnsuppressedFinding() {
        String text = report(ReportFormat.TEXT, findings(), false, false);
        List<String> lines = text.lines().toList();
        assertEquals(2, lines.size(), text);
        assertTrue(lines.get(0).matches("dir/a\\.go:8:3: defer f\\.Close\\(\\) in a loop runs when open returns, "
                + "not at the end of each iteration \\[defer-in-loop]"), lines.get(0));
        assertTrue(lines.get(1).startsWith("dir/a.go:15:3: defer f.Close() in a loop runs at most once"), lines.get(1));
        assertTrue(lines.get(1).endsWith("(loop-exits-after-defer) [defer-in-loop]"), lines.get(1));
        assertFalse(text.contains(":11:"), "suppressed findings are left out of text");
    }

    @Test
    void textShowsTheFixDecision() {
        List<Finding> resolved = new ArrayList<>();
        for (Finding finding : findings()) {
            resolved.add(finding.start().line() == 8
                    ? finding.withResolution(Resolution.fixed("explicit-close", "closes it", List.of()))
                    : finding.withResolution(Resolution.refused("loop-exits-after-defer", "runs once")));
        }
        List<String> lines = report(ReportFormat.TEXT, resolved, false, false).lines().toList();
        assertTrue(lines.get(0).endsWith("[defer-in-loop] (fix: explicit-close)"), lines.get(0));
        assertTrue(lines.get(1).endsWith("[defer-in-loop] (refused: loop-exits-after-defer)"), lines.get(1));
    }

    @Test
    void explainAddsAnIndentedLineNamingTheGoVersionSource() {
        List<String> lines = report(ReportFormat.TEXT, findings(), true, false).lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("\t"), lines.get(1));
        assertTrue(lines.get(1).contains("Go version 1.21 from dir/go.mod: loop variables are shared by all iterations"), lines.get(1));
        assertTrue(lines.get(3).contains("runs at most once"), lines.get(3));
        List<Finding> newest = GoSources.findings("dir/a.go", SOURCE, GoVersion.NEWEST);
        String explained = report(ReportFormat.TEXT, newest, true, false);
        assertTrue(explained.contains("Go version: newest semantics assumed (no go.mod above the file and no "
                + "--go-version): each iteration has its own loop variables."), explained);
    }

    @Test
    void strictTurnsNotesIntoWarnings() {
        String json = report(ReportFormat.JSON, findings(), false, true);
        assertFalse(json.contains("\"note\""), json);
        assertTrue(report(ReportFormat.JSON, findings(), false, false).contains("\"note\""));
    }

    @Test
    void outputDoesNotDependOnTheCallersOrder() {
        List<Finding> shuffled = new ArrayList<>(findings());
        Collections.reverse(shuffled);
        for (ReportFormat format : ReportFormat.values()) {
            assertEquals(report(format, findings(), true, false), report(format, shuffled, true, false),
                    format.name());
        }
    }

    @Test
    void jsonHasEveryFindingWithASummary() throws IOException {
        JsonNode document = new ObjectMapper().readTree(report(ReportFormat.JSON, findings(), false, false));
        assertEquals("defer-fix", document.path("tool").path("name").asText());
        assertEquals("0.1.0", document.path("tool").path("version").asText());
        JsonNode findings = document.path("findings");
        assertEquals(4, findings.size(), "three defer-in-loop findings and one capture finding");
        JsonNode first = findings.get(0);
        assertEquals("defer-in-loop", first.path("rule").asText());
        assertEquals("warning", first.path("severity").asText());
        assertEquals("dir/a.go", first.path("path").asText());
        assertEquals(8, first.path("start").path("line").asInt());
        assertEquals(3, first.path("start").path("column").asInt());
        assertEquals(18, first.path("end").path("column").asInt());
        assertEquals(6, first.path("loop").path("line").asInt());
        assertEquals("open", first.path("function").asText());
        assertEquals("f.Close()", first.path("call").asText());
        assertEquals(32, first.path("fingerprint").asText().length());
        assertFalse(first.path("suppressed").asBoolean());
        assertEquals("1.21", first.path("goVersion").path("version").asText());
        assertEquals("dir/go.mod", first.path("goVersion").path("source").asText());
        assertFalse(first.path("goVersion").path("assumed").asBoolean());
        assertTrue(first.path("resolution").isMissingNode(), "no decision before the rewrite stage ran");
        assertTrue(first.path("explanation").isMissingNode(), "explanations only with explain");
        JsonNode suppressed = findings.get(1);
        assertTrue(suppressed.path("suppressed").asBoolean());
        assertEquals("demo only", suppressed.path("suppression").path("justification").asText());
        JsonNode summary = document.path("summary");
        assertEquals(1, summary.path("filesWithFindings").asInt());
        assertEquals(2, summary.path("findings").asInt());
        assertEquals(2, summary.path("suppressed").asInt(), "both rules' findings on line 11 are suppressed");
        assertEquals(1, summary.path("bySeverity").path("warning").asInt());
        assertEquals(1, summary.path("bySeverity").path("note").asInt());
        assertEquals(2, summary.path("byRule").path("defer-in-loop").asInt());
        assertEquals(0, document.path("errors").size());
    }

    @Test
    void jsonCountsDecisionsAndCarriesErrors() throws IOException {
        List<Finding> resolved = new ArrayList<>();
        for (Finding finding : findings()) {
            resolved.add(finding.start().line() == 8
                    ? finding.withResolution(Resolution.fixed("closure-scope", "wraps", List.of(new Edit(0, 0, ""))))
                    : finding.withResolution(Resolution.refused("loop-exits-after-defer", "runs once")));
        }
        StringBuilder out = new StringBuilder();
        Reports.write(ReportFormat.JSON, new ReportInput(resolved, List.of("b.go:1:1: expected 'package'"),
                "0.1.0", false, false), out);
        JsonNode document = new ObjectMapper().readTree(out.toString());
        assertEquals(1, document.path("summary").path("fixedByStrategy").path("closure-scope").asInt());
        assertEquals(1, document.path("summary").path("refusedByReason").path("loop-exits-after-defer").asInt());
        JsonNode fixed = document.path("findings").get(0).path("resolution");
        assertEquals("closure-scope", fixed.path("strategy").asText());
        assertEquals("wraps", fixed.path("explanation").asText());
        JsonNode refused = document.path("findings").get(1).path("resolution");
        assertEquals("loop-exits-after-defer", refused.path("refusalReason").asText());
        assertTrue(refused.path("strategy").isMissingNode());
        assertEquals("b.go:1:1: expected 'package'", document.path("errors").get(0).asText());
        assertEquals(1, document.path("summary").path("errors").asInt());
    }
}
