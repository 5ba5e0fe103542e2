package dev.deferfix.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deferfix.find.Finding;
import dev.deferfix.find.Resolution;
import java.io.IOException;
import java.util.Map;

/** One JSON document with the tool, every finding (suppressed ones marked), a summary and the errors. README documents the fields. */
final class JsonReport {
    static final String FORMAT_VERSION = "1";

    private JsonReport() {
    }

    static void write(ReportInput input, Appendable out) throws IOException {
        ObjectNode document = JsonOutput.MAPPER.createObjectNode();
        document.put("formatVersion", FORMAT_VERSION);
        ObjectNode tool = document.putObject("tool");
        tool.put("name", "defer-fix");
        tool.put("version", input.toolVersion());
        ArrayNode findings = document.putArray("findings");
        for (Finding finding : input.findings()) {
            findings.add(finding(finding, input.explain()));
        }
        document.set("summary", summary(Summary.of(input)));
        ArrayNode errors = document.putArray("errors");
        input.errors().forEach(errors::add);
        JsonOutput.write(document, out);
    }

    private static ObjectNode finding(Finding finding, boolean explain) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("rule", finding.rule().id());
        node.put("severity", finding.severity().label());
        node.put("path", finding.path());
        node.set("start", JsonOutput.position(finding.start()));
        node.set("end", JsonOutput.position(finding.end()));
        node.set("loop", JsonOutput.position(finding.loop()));
        node.put("function", finding.function());
        node.put("call", finding.call());
        node.put("message", finding.message());
        node.put("fingerprint", finding.fingerprint());
        node.put("suppressed", finding.isSuppressed());
        if (finding.isSuppressed()) {
            ObjectNode suppression = node.putObject("suppression");
            suppression.put("comment", finding.suppression().comment());
            suppression.put("justification", finding.suppression().justification());
        }
        if (finding.goVersion() != null) {
            ObjectNode goVersion = node.putObject("goVersion");
            goVersion.put("version", finding.goVersion().text());
            goVersion.put("source", finding.goVersion().source());
            goVersion.put("assumed", finding.goVersion().isAssumed());
        }
        if (finding.resolution() != null) {
            node.set("resolution", resolution(finding.resolution()));
        }
        if (explain) {
            node.put("explanation", Explanations.of(finding));
        }
        return node;
    }

    private static ObjectNode resolution(Resolution resolution) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        if (resolution.isFixed()) {
            node.put("strategy", resolution.strategy());
            node.put("edits", resolution.edits().size());
        } else {
            node.put("refusalReason", resolution.refusalReason());
        }
        node.put("explanation", resolution.explanation());
        return node;
    }

    private static ObjectNode summary(Summary summary) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("filesWithFindings", summary.files());
        node.put("findings", summary.findings());
        node.put("suppressed", summary.suppressed());
        node.set("bySeverity", counts(summary.bySeverity()));
        node.set("byRule", counts(summary.byRule()));
        node.set("fixedByStrategy", counts(summary.fixedByStrategy()));
        node.set("refusedByReason", counts(summary.refusedByReason()));
        node.put("errors", summary.errors());
        return node;
    }

    private static ObjectNode counts(Map<String, Integer> counts) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        counts.forEach(node::put);
        return node;
    }
}
