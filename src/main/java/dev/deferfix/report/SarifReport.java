package dev.deferfix.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deferfix.find.Finding;
import java.io.IOException;

/** A SARIF 2.1.0 log with one run: the driver's rules, one result per finding, and errors as notifications. */
final class SarifReport {
    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private SarifReport() {
    }

    static void write(ReportInput input, Appendable out) throws IOException {
        ObjectNode log = JsonOutput.MAPPER.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "defer-fix");
        driver.put("version", input.toolVersion());
        driver.set("rules", SarifRules.all());
        run.put("columnKind", "utf16CodeUnits");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", input.errors().isEmpty());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (String error : input.errors()) {
            notifications.addObject().put("level", "error").putObject("message").put("text", error);
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : input.findings()) {
            results.add(SarifResults.of(finding));
        }
        JsonOutput.write(log, out);
    }
}
