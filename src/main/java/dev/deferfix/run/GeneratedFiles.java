package dev.deferfix.run;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Go's convention for generated files: a line comment
 * {@code // Code generated ... DO NOT EDIT.} before the package clause.
 */
final class GeneratedFiles {
    private static final Pattern MARKER = Pattern.compile("^// Code generated .* DO NOT EDIT\\.$");

    private GeneratedFiles() {
    }

    static boolean isGenerated(byte[] content) {
        int lineStart = 0;
        while (lineStart < content.length) {
            int lineEnd = lineStart;
            while (lineEnd < content.length && content[lineEnd] != '\n') {
                lineEnd++;
            }
            int end = lineEnd > lineStart && content[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            String line = new String(content, lineStart, end - lineStart, StandardCharsets.UTF_8);
            if (line.startsWith("package ") || line.startsWith("package\t")) {
                return false;
            }
            if (MARKER.matcher(line).matches()) {
                return true;
            }
            lineStart = lineEnd + 1;
        }
        return false;
    }
}
