package dev.deferfix.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the value of Go string and rune literals that the lexer accepted,
 * and checks what the grammar cannot: an octal escape must not exceed 255,
 * and a \\u or \\U escape must name a Unicode code point (not a surrogate).
 */
final class LiteralValues {

    /** An escape whose value Go refuses; {@code index} is its character after the backslash. */
    static final class InvalidEscape extends Exception {
        final int index;

        InvalidEscape(int index, String reason) {
            super(reason, null, false, false);
            this.index = index;
        }
    }

    private LiteralValues() {
    }

    /** Checks the escapes of the literal at {@code [start, end)} of {@code text}. */
    static void check(String text, int start, int end) throws InvalidEscape {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '\\') {
                bytesOf(text.substring(start, end));
                return;
            }
        }
    }

    /** The bytes a string literal stands for (for a rune literal: its UTF-8 or byte value). */
    static byte[] bytesOf(String literal) throws InvalidEscape {
        String body = literal.substring(1, literal.length() - 1);
        if (literal.startsWith("`")) {
            return body.replace("\r", "").getBytes(StandardCharsets.UTF_8);
        }
        if (body.indexOf('\\') < 0) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length()) {
            int c = body.codePointAt(i);
            if (c != '\\') {
                writeCodePoint(bytes, c);
                i += Character.charCount(c);
                continue;
            }
            char kind = body.charAt(i + 1);
            int index = i + 2; // the character after the backslash, where Go points
            switch (kind) {
                case 'x' -> {
                    bytes.write(Integer.parseInt(body.substring(i + 2, i + 4), 16));
                    i += 4;
                }
                case 'u', 'U' -> {
                    int digits = kind == 'u' ? 4 : 8;
                    long value = Long.parseLong(body.substring(i + 2, i + 2 + digits), 16);
                    if (value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
                        throw new InvalidEscape(index, "escape is invalid Unicode code point");
                    }
                    writeCodePoint(bytes, (int) value);
                    i += 2 + digits;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = Integer.parseInt(body.substring(i + 1, i + 4), 8);
                    if (value > 255) {
                        throw new InvalidEscape(index, "octal escape value " + value + " > 255");
                    }
                    bytes.write(value);
                    i += 4;
                }
                default -> {
                    bytes.write(simpleEscape(kind));
                    i += 2;
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void writeCodePoint(ByteArrayOutputStream bytes, int codePoint) {
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
    }

    private static int simpleEscape(char kind) {
        return switch (kind) {
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> kind; // \\, \' and \"
        };
    }
}
