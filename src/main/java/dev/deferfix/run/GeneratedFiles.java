package dev.deferfix.run;

import java.nio.charset.StandardCharsets;

/**
 * Go's convention for generated files: a line comment
 * {@code // Code generated ... DO NOT EDIT.} before the package clause.
 *
 * <p>Read from the bytes by hand, line by line, with no regular expression and
 * no string per line: every file of a run passes through here.
 */
final class GeneratedFiles {
    private static final byte[] PREFIX = "// Code generated ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = " DO NOT EDIT.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PACKAGE = "package".getBytes(StandardCharsets.US_ASCII);

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
            if (isPackageClause(content, lineStart, end)) {
                return false;
            }
            if (isMarker(content, lineStart, end)) {
                return true;
            }
            lineStart = lineEnd + 1;
        }
        return false;
    }

    private static boolean isPackageClause(byte[] content, int start, int end) {
        return startsWith(content, start, end, PACKAGE) && end > start + PACKAGE.length
                && (content[start + PACKAGE.length] == ' ' || content[start + PACKAGE.length] == '\t');
    }

    /**
     * The prefix, anything on the same line, the suffix. "The same line" is strict: no carriage
     * return (nor U+0085, U+2028, U+2029) in between, where a line of a file saved with old
     * Mac line ends would otherwise run on.
     */
    private static boolean isMarker(byte[] content, int start, int end) {
        if (end - start < PREFIX.length + SUFFIX.length || !startsWith(content, start, end, PREFIX)
                || !startsWith(content, end - SUFFIX.length, end, SUFFIX)) {
            return false;
        }
        String between = new String(content, start + PREFIX.length, end - SUFFIX.length - start - PREFIX.length,
                StandardCharsets.UTF_8);
        return between.chars().noneMatch(c -> c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029');
    }

    private static boolean startsWith(byte[] content, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
