package dev.deferfix.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says why the lexer could not read a token, from the text where that token starts. */
final class LexicalErrors {
    private static final Pattern STRING_ESCAPE = escape("\"");
    private static final Pattern RUNE_ESCAPE = escape("'");

    /** The reason, and how many UTF-16 units after the token start the problem is. */
    record Found(int charsIn, String reason) {
    }

    private LexicalErrors() {
    }

    private static Pattern escape(String quote) {
        return Pattern.compile("\\\\(?:[abfnrtv\\\\" + quote + "]|[0-7]{3}|x\\p{XDigit}{2}"
                + "|u\\p{XDigit}{4}|U\\p{XDigit}{8})");
    }

    /** {@code rest} is the input from the failing token's start to the end of its line (at least). */
    static Found at(String rest) {
        if (rest.startsWith("/*")) {
            return new Found(0, "comment not terminated");
        }
        if (rest.startsWith("`")) {
            return new Found(0, "raw string literal not terminated");
        }
        if (rest.startsWith("\"")) {
            return quoted(rest, STRING_ESCAPE, "string literal not terminated");
        }
        if (rest.startsWith("'")) {
            return quoted(rest, RUNE_ESCAPE, "rune literal not terminated or not one character");
        }
        int c = rest.isEmpty() ? 0 : rest.codePointAt(0);
        String shown = Character.isISOControl(c) ? "" : " '" + new String(Character.toChars(c)) + "'";
        return new Found(0, String.format("invalid character U+%04X%s", c, shown));
    }

    /** Points after the backslash of the first bad escape (as Go does), if the literal has one. */
    private static Found quoted(String rest, Pattern validEscape, String otherwise) {
        char quote = rest.charAt(0);
        Matcher matcher = validEscape.matcher(rest);
        int i = 1;
        while (i < rest.length() && rest.charAt(i) != quote && rest.charAt(i) != '\n') {
            if (rest.charAt(i) != '\\') {
                i++;
            } else if (matcher.region(i, rest.length()).lookingAt()) {
                i = matcher.end();
            } else {
                return new Found(i + 1, "unknown escape sequence");
            }
        }
        return new Found(0, otherwise);
    }
}
