package dev.deferfix.parse.antlr;

/**
 * Where a well-formed literal or block comment starting at {@code start} ends,
 * read by hand exactly as the lexer grammar's rules read it, or -1 when it is
 * not one of the forms handled here: unterminated, with an invalid escape, a
 * number in a rarer form (separators, binary, hexadecimal floats, imaginary,
 * a leading dot), or a number run on by a letter, digit, dot or non-ASCII
 * character. The generated ATN reads those, and reports the errors.
 *
 * <p>Offsets are UTF-16 indexes into the text; a surrogate pair is one
 * character to the grammar and two units here, so a rune is one code point.
 */
final class Literals {
    private Literals() {
    }

    /** {@code "..."} with escapes and any characters but a newline or carriage return. */
    static int stringEnd(char[] text, int start) {
        int at = start + 1;
        while (at < text.length) {
            char c = text[at];
            if (c == '"') {
                return at + 1;
            }
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '\\') {
                at = escapeEnd(text, at, '"');
                if (at < 0) {
                    return -1;
                }
            } else {
                at++;
            }
        }
        return -1;
    }

    /** {@code 'x'}: one code point other than a quote, backslash or line break, or one escape. */
    static int runeEnd(char[] text, int start) {
        int at = start + 1;
        if (at >= text.length) {
            return -1;
        }
        char c = text[at];
        if (c == '\\') {
            at = escapeEnd(text, at, '\'');
            if (at < 0) {
                return -1;
            }
        } else if (c == '\'' || c == '\n' || c == '\r') {
            return -1;
        } else {
            at += Character.isHighSurrogate(c) && at + 1 < text.length && Character.isLowSurrogate(text[at + 1])
                    ? 2 : 1;
        }
        return at < text.length && text[at] == '\'' ? at + 1 : -1;
    }

    /** {@code `...`}: anything up to the next back quote. */
    static int rawStringEnd(char[] text, int start) {
        for (int at = start + 1; at < text.length; at++) {
            if (text[at] == '`') {
                return at + 1;
            }
        }
        return -1;
    }

    /** A terminated block comment (the grammar also matches an unterminated one, to report it). */
    static int blockCommentEnd(char[] text, int start) {
        for (int at = start + 2; at + 1 < text.length; at++) {
            if (text[at] == '*' && text[at + 1] == '/') {
                return at + 2;
            }
        }
        return -1;
    }

    /**
     * An integer without separators: {@code 0x} and hexadecimal digits, {@code 0} and octal
     * digits (or {@code 0} alone), or a decimal starting with 1-9.
     */
    static int intEnd(char[] text, int start) {
        int at = start + 1;
        if (text[start] == '0') {
            if (at < text.length && (text[at] == 'x' || text[at] == 'X')) {
                int digits = at + 1;
                at = digits;
                while (at < text.length && isHexDigit(text[at])) {
                    at++;
                }
                return at > digits ? ended(text, at) : -1;
            }
            while (at < text.length && text[at] >= '0' && text[at] <= '7') {
                at++;
            }
            return ended(text, at);
        }
        return ended(text, decimalDigitsEnd(text, start));
    }

    /**
     * A decimal float without separators: digits, then a dot with optional digits and an
     * optional exponent, or an exponent alone ({@code 1.5}, {@code 2.}, {@code 1.e3}, {@code 6e-2}).
     */
    static int floatEnd(char[] text, int start) {
        int at = decimalDigitsEnd(text, start);
        if (at == start) {
            return -1;
        }
        boolean fraction = at < text.length && text[at] == '.';
        if (fraction) {
            at = decimalDigitsEnd(text, at + 1);
        }
        if (at < text.length && (text[at] == 'e' || text[at] == 'E')) {
            int sign = at + 1 < text.length && (text[at + 1] == '+' || text[at + 1] == '-') ? at + 2 : at + 1;
            int exponentEnd = decimalDigitsEnd(text, sign);
            if (exponentEnd == sign) {
                return -1;
            }
            return ended(text, exponentEnd);
        }
        return fraction ? ended(text, at) : -1;
    }

    /**
     * The end of the escape sequence at {@code at} (a backslash): the quote of the literal,
     * one of {@code abfnrtv\}, three octal digits, or {@code x}, {@code u}, {@code U} and 2, 4
     * or 8 hexadecimal digits; -1 for anything else. (Escape values are checked later.)
     */
    private static int escapeEnd(char[] text, int at, char quote) {
        if (at + 1 >= text.length) {
            return -1;
        }
        char c = text[at + 1];
        if (c == quote || "abfnrtv\\".indexOf(c) >= 0) {
            return at + 2;
        }
        if (c >= '0' && c <= '7') {
            return digitsFollow(text, at + 1, 3, false) ? at + 4 : -1;
        }
        int hexDigits = switch (c) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
        };
        return hexDigits > 0 && digitsFollow(text, at + 2, hexDigits, true) ? at + 2 + hexDigits : -1;
    }

    private static boolean digitsFollow(char[] text, int from, int count, boolean hex) {
        if (from + count > text.length) {
            return false;
        }
        for (int at = from; at < from + count; at++) {
            if (hex ? !isHexDigit(text[at]) : text[at] < '0' || text[at] > '7') {
                return false;
            }
        }
        return true;
    }

    private static int decimalDigitsEnd(char[] text, int from) {
        int at = from;
        while (at < text.length && text[at] >= '0' && text[at] <= '9') {
            at++;
        }
        return at;
    }

    /**
     * {@code at}, when nothing there could carry the number on (a letter, digit, '_', '.' or a
     * non-ASCII character): then no rule of the grammar matches longer; else -1.
     */
    private static int ended(char[] text, int at) {
        if (at < text.length) {
            char c = text[at];
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c >= 0x80) {
                return -1;
            }
        }
        return at;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
