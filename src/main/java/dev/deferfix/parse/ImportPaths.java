package dev.deferfix.parse;

import java.nio.charset.StandardCharsets;

/**
 * Go's rule for import paths (go/parser): a non-empty string of graphic,
 * non-space characters, none of {@code !"#$%&'()*,:;<=>?[\]^`{|}}, and valid
 * UTF-8 (invalid bytes decode to U+FFFD, which is refused too).
 */
final class ImportPaths {
    private static final String ILLEGAL = "!\"#$%&'()*,:;<=>?[\\]^{|}`\uFFFD";

    private ImportPaths() {
    }

    /** {@code literal} is the path as written: a quoted or raw string literal. */
    static boolean isValid(String literal) {
        String path;
        try {
            path = new String(LiteralValues.bytesOf(literal), StandardCharsets.UTF_8);
        } catch (LiteralValues.InvalidEscape e) {
            return false;
        }
        if (path.isEmpty()) {
            return false;
        }
        for (int at = 0; at < path.length(); at += Character.charCount(path.codePointAt(at))) {
            if (!isAllowed(path.codePointAt(at))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllowed(int codePoint) {
        return isGraphic(codePoint) && Character.getType(codePoint) != Character.SPACE_SEPARATOR
                && ILLEGAL.indexOf(codePoint) < 0;
    }

    /** Unicode categories L, M, N, P, S and Zs, as Go's unicode.IsGraphic. */
    private static boolean isGraphic(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
