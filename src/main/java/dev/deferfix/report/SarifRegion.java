package dev.deferfix.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deferfix.parse.SourceText;

/**
 * A SARIF region for a half-open offset range of a file's text. Columns and
 * character offsets both count UTF-16 code units (the run declares
 * {@code columnKind: utf16CodeUnits}), because that is what our offsets are;
 * Go's byte columns would be wrong on any line with non-ASCII text.
 */
final class SarifRegion {
    private SarifRegion() {
    }

    static ObjectNode of(SourceText source, int start, int end) {
        ObjectNode region = JsonOutput.MAPPER.createObjectNode();
        region.put("startLine", source.line(start));
        region.put("startColumn", column(source, start));
        region.put("endLine", source.line(end));
        region.put("endColumn", column(source, end));
        region.put("charOffset", start);
        region.put("charLength", end - start);
        return region;
    }

    private static int column(SourceText source, int offset) {
        return offset - source.lineStart(source.line(offset)) + 1;
    }
}
