package dev.deferfix.fix;

import java.util.List;

/**
 * Joins new lines of code with their trailing comments the way gofmt prints
 * them: in each run of consecutive lines that have a comment, the comments
 * start one space after the longest code of the run.
 */
final class CommentAlignment {
    private CommentAlignment() {
    }

    /**
     * Each line preceded by {@code lineEnding}; {@code comments.get(i)} is
     * null for a line without a comment.
     */
    static String join(List<String> code, List<String> comments, String lineEnding) {
        StringBuilder text = new StringBuilder();
        int runWidth = 0;
        for (int i = 0; i < code.size(); i++) {
            if (comments.get(i) != null && (i == 0 || comments.get(i - 1) == null)) {
                runWidth = runWidth(code, comments, i);
            }
            text.append(lineEnding).append(code.get(i));
            if (comments.get(i) != null) {
                text.append(" ".repeat(runWidth - width(code.get(i)) + 1)).append(comments.get(i));
            }
        }
        return text.toString();
    }

    private static int runWidth(List<String> code, List<String> comments, int from) {
        int widest = 0;
        for (int i = from; i < code.size() && comments.get(i) != null; i++) {
            widest = Math.max(widest, width(code.get(i)));
        }
        return widest;
    }

    /** Width after the leading tabs, in characters as gofmt's tabwriter counts them. */
    private static int width(String line) {
        String content = line.replaceFirst("^\\t+", "");
        return content.codePointCount(0, content.length());
    }
}
