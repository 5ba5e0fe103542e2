package dev.deferfix.parse;

/**
 * Spaces in snippets of source, as the pattern {@code \s} counts them (space,
 * tab, newline, carriage return, form feed, vertical tab), handled by hand:
 * a regular expression's first compilation costs a one-file run several
 * milliseconds.
 */
public final class WhiteSpace {
    private WhiteSpace() {
    }

    /** The text with every space removed: {@code "a . b ( )"} becomes {@code "a.b()"}. */
    public static String removed(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** The text with every run of spaces (line breaks included) turned into one space. */
    public static String collapsed(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                kept.append(c);
            } else if (i == 0 || !isSpace(text.charAt(i - 1))) {
                kept.append(' ');
            }
        }
        return kept.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
