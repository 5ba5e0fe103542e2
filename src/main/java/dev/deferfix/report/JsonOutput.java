package dev.deferfix.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deferfix.find.Position;
import java.io.IOException;

/** The Jackson plumbing the JSON and SARIF reports share. */
final class JsonOutput {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    static void write(JsonNode document, Appendable out) throws IOException {
        out.append(WRITER.writeValueAsString(document)).append('\n');
    }

    /** {"line": 3, "column": 5} */
    static ObjectNode position(Position position) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("line", position.line());
        node.put("column", position.column());
        return node;
    }
}
