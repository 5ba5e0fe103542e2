package dev.deferfix.fix;

import java.util.ArrayList;
import java.util.List;

/** Line-level facts about a file's text that edits need: where a line starts, how it is indented. */
public final class SourceLines {
    private SourceLines() {
    }

    /** Offset of the first character of the line holding {@code offset}. */
    public static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** Offset of the next line's start after {@code offset}, or -1 on the last line. */
    public static int nextLineStart(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? -1 : newline + 1;
    }

    /** The leading spaces and tabs of the line holding {@code offset}. */
    public static String indentAt(String text, int offset) {
        int start = lineStart(text, offset);
        int end = start;
        while (end < text.length() && (text.charAt(end) == '\t' || text.charAt(end) == ' ')) {
            end++;
        }
        return text.substring(start, end);
    }

    /** Whether only spaces and tabs precede {@code offset} on its line. */
    public static boolean startsLine(String text, int offset) {
        return text.substring(lineStart(text, offset), offset).isBlank();
    }

    /** Whether the line starting at {@code lineStart} holds nothing (a line ending follows at once). */
    public static boolean isEmptyLine(String text, int lineStart) {
        return lineStart >= text.length() || text.charAt(lineStart) == '\n'
                || (text.charAt(lineStart) == '\r' && lineStart + 1 < text.length() && text.charAt(lineStart + 1) == '\n');
    }

    /** The offset of the line break ending the line of {@code offset} (the "\r" of "\r\n"), or the text's end. */
    public static int lineBreak(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        if (newline < 0) {
            return text.length();
        }
        return newline > 0 && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
    }

    /** The start of the line before the line starting at {@code lineStart}, or -1 on the first line. */
    public static int previousLineStart(String text, int lineStart) {
        return lineStart == 0 ? -1 : lineStart(text, lineStart - 1);
    }

    /**
     * What follows {@code offset} on its line, stripped: "" or a "//" comment
     * when nothing else does; null when code or a block comment follows.
     */
    public static String trailingComment(String text, int offset) {
        String rest = text.substring(offset, lineBreak(text, offset)).strip();
        return rest.isEmpty() || rest.startsWith("//") ? rest : null;
    }

    /** The text's lines, without their LF or CRLF line ends (the last one may be empty). */
    public static String[] split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
        }
        lines.add(text.substring(start));
        return lines.toArray(new String[0]);
    }
}
