package dev.deferfix.fix;

import java.util.List;

/**
 * Joins new lines of code with their trailing comments the way gofmt prints
 * them: in each run of consecutive lines that have a comment, the comments
 * start one space after the longest code of the run.
 */
final class CommentAlignment {

    /** A line of code with its trailing comment, or null for none; the code includes its indentation. */
    record Line(String code, String comment) {
    }

    private CommentAlignment() {
    }

    /** Each line preceded by {@code lineEnding}. */
    static String join(List<Line> lines, String lineEnding) {
        StringBuilder text = new StringBuilder();
        int runWidth = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.comment() != null && (i == 0 || lines.get(i - 1).comment() == null)) {
                runWidth = runWidth(lines, i);
            }
            text.append(lineEnding).append(line.code());
            if (line.comment() != null) {
                text.append(" ".repeat(runWidth - width(line.code()) + 1)).append(line.comment());
            }
        }
        return text.toString();
    }

    private static int runWidth(List<Line> lines, int from) {
        int widest = 0;
        for (int i = from; i < lines.size() && lines.get(i).comment() != null; i++) {
            widest = Math.max(widest, width(lines.get(i).code()));
        }
        return widest;
    }

    /** Width after the leading tabs, in characters as gofmt's tabwriter counts them. */
    private static int width(String line) {
        int tabs = 0;
        while (tabs < line.length() && line.charAt(tabs) == '\t') {
            tabs++;
        }
        return line.codePointCount(tabs, line.length());
    }
}
