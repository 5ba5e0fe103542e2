package dev.deferfix.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * Names in snippets of source, as the pattern {@code [\p{L}_][\p{L}\p{N}_]*}
 * reads them (a letter or underscore, then letters, numbers and underscores),
 * checked by hand: a regular expression's first compilation costs a one-file
 * rewrite several milliseconds of start-up.
 */
final class Identifiers {
    private Identifiers() {
    }

    /** Whether the whole text is one name. */
    static boolean isIdentifier(String text) {
        return !text.isEmpty() && nameEnd(text, 0) == text.length();
    }

    /** Every name in the text, left to right, each as long as it goes (as repeated find() would give). */
    static List<String> in(String text) {
        List<String> names = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = nameEnd(text, at);
            if (end > at) {
                names.add(text.substring(at, end));
                at = end;
            } else {
                at += Character.charCount(text.codePointAt(at));
            }
        }
        return names;
    }

    /** The end of the name starting at {@code start}, or {@code start} when none starts there. */
    private static int nameEnd(String text, int start) {
        int first = text.codePointAt(start);
        if (!Character.isLetter(first) && first != '_') {
            return start;
        }
        int at = start + Character.charCount(first);
        while (at < text.length()) {
            int next = text.codePointAt(at);
            if (!Character.isLetter(next) && !isNumber(next) && next != '_') {
                break;
            }
            at += Character.charCount(next);
        }
        return at;
    }

    /** Unicode category N: decimal digits, letter numbers and other numbers. */
    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
