package dev.deferfix.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of one file, in the form {@code git apply} and
 * {@code patch -p1} accept: {@code a/} and {@code b/} prefixes, three lines of
 * context, and {@code \ No newline at end of file} after a last line without
 * one. Lines keep their own line endings, so CRLF files diff correctly.
 * java-diff-utils finds the changes; this class only groups them into hunks.
 */
public final class UnifiedDiff {
    static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}; empty when they are equal. */
    public static String of(String path, String before, String after) {
        List<String> oldLines = lines(before);
        List<String> newLines = lines(after);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(oldLines, newLines).getDeltas();
        if (deltas.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(path).append('\n');
        out.append("+++ b/").append(path).append('\n');
        int first = 0;
        while (first < deltas.size()) {
            int last = first;
            while (last + 1 < deltas.size() && gap(deltas.get(last), deltas.get(last + 1)) <= 2 * CONTEXT) {
                last++;
            }
            appendHunk(out, oldLines, deltas.subList(first, last + 1));
            first = last + 1;
        }
        return out.toString();
    }

    private static int gap(AbstractDelta<String> earlier, AbstractDelta<String> later) {
        return later.getSource().getPosition() - (earlier.getSource().getPosition() + earlier.getSource().size());
    }

    private static void appendHunk(StringBuilder out, List<String> oldLines, List<AbstractDelta<String>> deltas) {
        AbstractDelta<String> firstDelta = deltas.get(0);
        AbstractDelta<String> lastDelta = deltas.get(deltas.size() - 1);
        int oldStart = Math.max(0, firstDelta.getSource().getPosition() - CONTEXT);
        int oldEnd = Math.min(oldLines.size(),
                lastDelta.getSource().getPosition() + lastDelta.getSource().size() + CONTEXT);
        int newStart = oldStart + firstDelta.getTarget().getPosition() - firstDelta.getSource().getPosition();
        int newCount = oldEnd - oldStart;
        for (AbstractDelta<String> delta : deltas) {
            newCount += delta.getTarget().size() - delta.getSource().size();
        }
        out.append("@@ -").append(range(oldStart, oldEnd - oldStart))
                .append(" +").append(range(newStart, newCount)).append(" @@\n");
        int index = oldStart;
        for (AbstractDelta<String> delta : deltas) {
            for (; index < delta.getSource().getPosition(); index++) {
                appendLine(out, ' ', oldLines.get(index));
            }
            for (String line : delta.getSource().getLines()) {
                appendLine(out, '-', line);
            }
            for (String line : delta.getTarget().getLines()) {
                appendLine(out, '+', line);
            }
            index += delta.getSource().size();
        }
        for (; index < oldEnd; index++) {
            appendLine(out, ' ', oldLines.get(index));
        }
    }

    /** "start,count" with a 1-based start; an empty range names the line before it, as diff(1) does. */
    private static String range(int start, int count) {
        return (count == 0 ? start : start + 1) + "," + count;
    }

    private static void appendLine(StringBuilder out, char marker, String line) {
        out.append(marker).append(line);
        if (!line.endsWith("\n")) {
            out.append('\n').append(NO_NEWLINE);
        }
    }

    /** The lines of a text, each with its own line ending (the last one may have none). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            lines.add(text.substring(start, newline + 1));
            start = newline + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
