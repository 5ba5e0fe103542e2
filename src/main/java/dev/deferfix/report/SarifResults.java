package dev.deferfix.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deferfix.edit.Edit;
import dev.deferfix.find.Finding;
import dev.deferfix.find.Resolution;
import dev.deferfix.find.Severity;
import dev.deferfix.find.SiteOffsets;
import dev.deferfix.parse.SourceText;

/** One SARIF result per finding: location, related loop location, fingerprint, suppression and fix. */
final class SarifResults {
    static final String FINGERPRINT_KEY = "deferFix/v1";

    private SarifResults() {
    }

    static ObjectNode of(Finding finding) {
        SiteOffsets site = finding.offsets();
        SourceText source = site.source();
        String uri = ArtifactUris.of(finding.path());
        ObjectNode result = JsonOutput.MAPPER.createObjectNode();
        result.put("ruleId", finding.rule().id());
        result.put("ruleIndex", finding.rule().ordinal());
        result.put("level", finding.severity() == Severity.NOTE ? "note" : "warning");
        Resolution resolution = finding.resolution();
        String decision = Decisions.label(resolution);
        result.putObject("message").put("text",
                decision == null ? finding.message() : finding.message() + " (" + decision + ")");
        result.putArray("locations").add(location(uri, source, site.deferStart(), site.deferEnd(), null));
        int loop = site.loopStart();
        result.putArray("relatedLocations").add(location(uri, source, loop, loop, "the loop")
                .put("id", 1));
        result.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
        if (finding.isSuppressed()) {
            result.putArray("suppressions").addObject()
                    .put("kind", "inSource")
                    .put("justification", finding.suppression().justification());
        }
        if (resolution != null && resolution.isFixed() && !resolution.edits().isEmpty()) {
            result.putArray("fixes").add(fix(uri, source, resolution));
        }
        if (resolution != null && !resolution.isFixed()) {
            // A refusal has no fix to carry it: the property bag names the reason and why.
            result.putObject("properties")
                    .put("refusalReason", resolution.refusalReason())
                    .put("refusalExplanation", resolution.explanation());
        }
        return result;
    }

    private static ObjectNode location(String uri, SourceText source, int start, int end, String message) {
        ObjectNode location = JsonOutput.MAPPER.createObjectNode();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri);
        physical.set("region", SarifRegion.of(source, start, end));
        if (message != null) {
            location.putObject("message").put("text", message);
        }
        return location;
    }

    private static ObjectNode fix(String uri, SourceText source, Resolution resolution) {
        ObjectNode fix = JsonOutput.MAPPER.createObjectNode();
        fix.putObject("description").put("text", resolution.strategy() + ": " + resolution.explanation());
        ObjectNode change = fix.putArray("artifactChanges").addObject();
        change.putObject("artifactLocation").put("uri", uri);
        ArrayNode replacements = change.putArray("replacements");
        for (Edit edit : resolution.edits()) {
            ObjectNode replacement = replacements.addObject();
            replacement.set("deletedRegion", SarifRegion.of(source, edit.start(), edit.end()));
            replacement.putObject("insertedContent").put("text", edit.text());
        }
        return fix;
    }
}
