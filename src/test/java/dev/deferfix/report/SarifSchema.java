package dev.deferfix.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/** The OASIS SARIF 2.1.0 schema from ../shared/data, loaded once, as a real validator. */
final class SarifSchema {
    private static JsonSchema schema;

    private SarifSchema() {
    }

    /** The validator's complaints about a document; empty when it is valid SARIF 2.1.0. */
    static synchronized List<String> problems(JsonNode document) throws IOException {
        if (schema == null) {
            try (InputStream in = Files.newInputStream(GoToolchain.sharedData("sarif-schema-2.1.0.json"))) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            }
        }
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
