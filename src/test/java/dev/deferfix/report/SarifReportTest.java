package dev.deferfix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deferfix.edit.Edit;
import dev.deferfix.edit.EditApplier;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Resolution;
import dev.deferfix.testing.GoSources;
import dev.deferfix.find.Detector;
import dev.deferfix.find.GoModLocator;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SarifReportTest {
    /** Non-ASCII text before the defer on line 9, so byte columns and UTF-16 columns differ. */
    static final String SOURCE = """
            package p

            import "os"

            func open(names []string) {
            \tfor _, name := range names {
            \t\tf, _ := os.Open(name)
            \t\t/* ключ */ defer f.Close()
            \t\tdefer f.Close() //nolint:deferinloop // closed twice on purpose
            \t}
            }
            """;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<Finding> findingsWithAFix() {
        List<Finding> findings = GoSources.findings("pkg dir/a.go", SOURCE, GoVersion.NEWEST);
        int deferAt = SOURCE.indexOf("defer f.Close()");
        List<Edit> edits = List.of(new Edit(deferAt, deferAt + "defer ".length(), ""),
                Edit.insert(SOURCE.indexOf("\t}\n}"), "\t\t// closed\n"));
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            result.add(finding.isSuppressed() ? finding
                    : finding.withResolution(Resolution.fixed("explicit-close", "calls Close at the end", edits)));
        }
        return result;
    }

    private static JsonNode sarif(List<Finding> findings, List<String> errors) throws IOException {
        StringBuilder out = new StringBuilder();
        Reports.write(ReportFormat.SARIF, new ReportInput(findings, errors, "0.1.0", false, false), out);
        return MAPPER.readTree(out.toString());
    }

    @Test
    void validatesAgainstTheSarifSchema() throws IOException {
        JsonNode log = sarif(findingsWithAFix(), List.of("b.go:3:1: expected declaration"));
        assertEquals(List.of(), SarifSchema.problems(log));
        assertEquals(List.of(), SarifSchema.problems(sarif(List.of(), List.of())), "an empty run is valid too");
    }

    @Test
    void everyDetectFixtureGivesValidSarif() throws Exception {
        List<Finding> findings = new ArrayList<>();
        GoModLocator locator = new GoModLocator();
        try (Stream<Path> files = Files.walk(Path.of("fixtures", "detect"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".go")).sorted().toList()) {
                ParsedFile parsed = GoParsing.parse(file.toString(), Files.readAllBytes(file));
                findings.addAll(Detector.detect(parsed, locator.versionFor(file)));
            }
        }
        assertTrue(findings.size() > 100, "the fixtures have well over 100 findings");
        JsonNode log = sarif(findings, List.of());
        assertEquals(List.of(), SarifSchema.problems(log));
        assertEquals(findings.size(), log.path("runs").get(0).path("results").size());
    }

    @Test
    void theValidatorRejectsBrokenCopies() throws IOException {
        JsonNode valid = sarif(findingsWithAFix(), List.of());
        List<Consumer<ObjectNode>> breakages = List.of(
                log -> log.remove("version"),
                log -> result(log).put("level", "fatal"),
                log -> region(log).put("startLine", 0),
                log -> result(log).withArray("suppressions").addObject().put("kind", "inComment"),
                log -> ((ObjectNode) log.path("runs").get(0)).remove("tool"));
        for (Consumer<ObjectNode> breakage : breakages) {
            ObjectNode broken = valid.deepCopy();
            breakage.accept(broken);
            assertFalse(SarifSchema.problems(broken).isEmpty(), "must be rejected: " + broken);
        }
    }

    private static ObjectNode result(JsonNode log) {
        return (ObjectNode) log.path("runs").get(0).path("results").get(0);
    }

    private static ObjectNode region(JsonNode log) {
        return (ObjectNode) result(log).path("locations").get(0).path("physicalLocation").path("region");
    }

    @Test
    void describesRulesWithTheThreeFixes() throws IOException {
        JsonNode rules = sarif(List.of(), List.of()).path("runs").get(0).path("tool").path("driver").path("rules");
        assertEquals("defer-in-loop", rules.get(0).path("id").asText());
        assertEquals("deferred-closure-captures-loop-var", rules.get(1).path("id").asText());
        for (JsonNode rule : rules) {
            for (String fix : List.of("explicit-close", "closure-scope", "semaphore-worker")) {
                assertTrue(rule.path("help").path("text").asText().contains(fix), fix);
                assertTrue(rule.path("help").path("markdown").asText().contains("**" + fix + "**"), fix);
            }
            assertFalse(rule.path("shortDescription").path("text").asText().isEmpty());
            assertEquals("warning", rule.path("defaultConfiguration").path("level").asText());
        }
    }

    @Test
    void resultsHaveUtf16RegionsRelativeUrisFingerprintsAndSuppressions() throws IOException {
        JsonNode run = sarif(findingsWithAFix(), List.of()).path("runs").get(0);
        assertEquals("utf16CodeUnits", run.path("columnKind").asText());
        JsonNode results = run.path("results");
        assertEquals(2, results.size());
        JsonNode first = results.get(0);
        assertEquals("defer-in-loop", first.path("ruleId").asText());
        assertEquals(0, first.path("ruleIndex").asInt());
        assertEquals("warning", first.path("level").asText());
        JsonNode location = first.path("locations").get(0).path("physicalLocation");
        assertEquals("pkg%20dir/a.go", location.path("artifactLocation").path("uri").asText());
        JsonNode region = location.path("region");
        int deferAt = SOURCE.indexOf("defer f.Close()");
        int lineStart = SOURCE.lastIndexOf('\n', deferAt) + 1;
        assertEquals(8, region.path("startLine").asInt());
        assertEquals(deferAt - lineStart + 1, region.path("startColumn").asInt(), "UTF-16 column, not bytes");
        assertEquals(deferAt - lineStart + 1 + "defer f.Close()".length(), region.path("endColumn").asInt());
        assertEquals(deferAt, region.path("charOffset").asInt());
        assertEquals("defer f.Close()".length(), region.path("charLength").asInt());
        assertEquals(32, first.path("partialFingerprints").path(SarifResults.FINGERPRINT_KEY).asText().length());
        assertTrue(first.path("suppressions").isMissingNode());
        JsonNode second = results.get(1);
        assertEquals("inSource", second.path("suppressions").get(0).path("kind").asText());
        assertEquals("closed twice on purpose", second.path("suppressions").get(0).path("justification").asText());
        assertTrue(second.path("fixes").isMissingNode(), "no decision, no fix");
    }

    @Test
    void aRefusalStatesItsReasonInTheMessageAndThePropertyBag() throws IOException {
        List<Finding> refused = new ArrayList<>();
        for (Finding finding : GoSources.findings("a.go", SOURCE, GoVersion.NEWEST)) {
            refused.add(finding.withResolution(Resolution.refused("resource-escapes-iteration", "f is stored outside")));
        }
        JsonNode log = sarif(refused, List.of());
        JsonNode first = log.path("runs").get(0).path("results").get(0);
        assertTrue(first.path("message").path("text").asText().endsWith("(refused: resource-escapes-iteration)"),
                first.toString());
        assertEquals("resource-escapes-iteration", first.path("properties").path("refusalReason").asText());
        assertEquals("f is stored outside", first.path("properties").path("refusalExplanation").asText());
        assertTrue(first.path("fixes").isMissingNode());
        assertEquals(List.of(), SarifSchema.problems(log));
    }

    @Test
    void fixesReplayToTheSameTextAsTheEdits() throws IOException {
        List<Finding> findings = findingsWithAFix();
        JsonNode fix = sarif(findings, List.of()).path("runs").get(0).path("results").get(0).path("fixes").get(0);
        assertTrue(fix.path("description").path("text").asText().startsWith("explicit-close"));
        JsonNode replacements = fix.path("artifactChanges").get(0).path("replacements");
        List<Edit> replayed = new ArrayList<>();
        for (JsonNode replacement : replacements) {
            JsonNode deleted = replacement.path("deletedRegion");
            int start = deleted.path("charOffset").asInt();
            replayed.add(new Edit(start, start + deleted.path("charLength").asInt(),
                    replacement.path("insertedContent").path("text").asText()));
        }
        assertEquals(EditApplier.apply(SOURCE, findings.get(0).resolution().edits()),
                EditApplier.apply(SOURCE, replayed));
    }
}
