package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The edits of explicit-close for one loop body: each defer's lines are
 * removed (with a blank line that would otherwise double up), and the calls
 * are inserted, most recent defer first, after the body's last statement and
 * before each early exit, each on its own line with the indentation of that
 * line and the file's line ending. Lines of a multi-line call (a function
 * literal) are re-indented to the place they move to.
 */
final class CleanupPlacement {
    private final SourceText source;
    private final String text;
    private final TrailingComments trailing;
    private final SyntaxNode body;
    private final List<SyntaxNode> statements;
    private final List<Integer> deferIndexes;
    private final List<DeferredCall> calls;
    private String problem;

    CleanupPlacement(ParsedFile file, SyntaxNode body, List<SyntaxNode> statements, List<Integer> deferIndexes,
                     List<DeferredCall> calls) {
        this.source = file.source();
        this.text = source.text();
        this.trailing = new TrailingComments(file);
        this.body = body;
        this.statements = statements;
        this.deferIndexes = deferIndexes;
        this.calls = calls;
    }

    /** The edits, or null when the layout cannot be kept gofmt-clean (see {@link #problem()}). */
    List<Edit> edits(List<SyntaxNode> jumps) {
        List<Edit> edits = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (int index : deferIndexes) {
            SyntaxNode defer = statements.get(index);
            String comment = SourceLines.trailingComment(text, defer.end());
            if (!SourceLines.startsLine(text, defer.start()) || comment == null) {
                return fail("the defer at line " + line(defer) + " shares its line with other code");
            }
            comments.add(comment);
        }
        List<Edit> removals = removals();
        for (Edit removal : removals) {
            if (!keepsCommentAlignment(removal)) {
                return fail("removing the defer at line " + source.line(removal.start())
                        + " would change how gofmt aligns the trailing comments around it");
            }
        }
        edits.addAll(removals);
        Edit atEnd = endOfBody(comments, removals);
        if (problem != null) {
            return null;
        }
        if (atEnd != null) {
            edits.add(atEnd);
        }
        for (SyntaxNode jump : jumps) {
            Edit before = beforeJump(jump);
            if (before == null) {
                return null;
            }
            edits.add(before);
        }
        return edits;
    }

    String problem() {
        return problem;
    }

    /** Whole lines of the defers; runs of adjacent defer lines are removed together. */
    private List<Edit> removals() {
        List<Edit> removals = new ArrayList<>();
        int runStart = -1;
        int runEnd = -1;
        for (int index : deferIndexes) {
            SyntaxNode defer = statements.get(index);
            int start = SourceLines.lineStart(text, defer.start());
            int end = nextLine(defer.end());
            if (start != runEnd) {
                if (runStart >= 0) {
                    removals.add(withoutDoubleBlank(runStart, runEnd));
                }
                runStart = start;
            }
            runEnd = end;
        }
        removals.add(withoutDoubleBlank(runStart, runEnd));
        return removals;
    }

    /**
     * Removing [start, end) must not leave two blank lines in a row, nor a
     * blank line right after the body's "{" or right before its "}".
     */
    private Edit withoutDoubleBlank(int start, int end) {
        int previous = SourceLines.previousLineStart(text, start);
        boolean blankBefore = previous >= 0 && isEmptyLine(previous);
        boolean openBefore = previous >= 0 && previous <= body.start() && body.start() < start;
        boolean blankAfter = isEmptyLine(end);
        boolean closeAfter = SourceLines.lineStart(text, body.end() - 1) == end;
        if (blankAfter && (blankBefore || openBefore)) {
            return Edit.delete(start, nextLine(end));
        }
        if (blankBefore && closeAfter) {
            return Edit.delete(previous, end);
        }
        return Edit.delete(start, end);
    }

    /** Trailing comments on the removed lines or on both sides of them are aligned by gofmt as a group. */
    private boolean keepsCommentAlignment(Edit removal) {
        boolean before = removal.start() > 0 && trailing.has(source.line(removal.start() - 1));
        boolean after = removal.end() < source.length() && trailing.has(source.line(removal.end()));
        boolean removed = false;
        for (int line = source.line(removal.start()); line < source.line(removal.end()); line++) {
            removed |= trailing.has(line);
        }
        return !(before && after) && !(removed && (before || after));
    }

    /** The calls after the body's last statement, unless control never gets there. */
    private Edit endOfBody(List<String> comments, List<Edit> removals) {
        SyntaxNode last = statements.get(statements.size() - 1);
        if (Terminating.is(last, body)) {
            return null;
        }
        int anchorEnd = body.child(0).end();
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (!deferIndexes.contains(i)) {
                anchorEnd = statements.get(i).end();
                break;
            }
        }
        if (SourceLines.trailingComment(text, anchorEnd) == null) {
            fail("code follows the statement at line " + source.line(anchorEnd) + " on its line");
            return null;
        }
        String indent = SourceLines.indentAt(text, statements.get(deferIndexes.get(0)).start());
        List<String> code = new ArrayList<>();
        List<String> lineComments = new ArrayList<>();
        for (int i = calls.size() - 1; i >= 0; i--) {
            String call = callText(i, indent);
            if (call == null) {
                return null;
            }
            String[] callLines = call.split("\r?\n", -1);
            for (int k = 0; k < callLines.length; k++) {
                code.add(k == 0 ? indent + callLines[k] : callLines[k]);
                boolean lastLine = k == callLines.length - 1;
                lineComments.add(lastLine && !comments.get(i).isEmpty() ? comments.get(i) : null);
            }
        }
        int below = survivingLineAfter(nextLine(anchorEnd), removals);
        boolean joinsAbove = lineComments.get(0) != null && trailing.has(source.line(anchorEnd));
        boolean joinsBelow = lineComments.get(lineComments.size() - 1) != null && below > 0 && trailing.has(below);
        boolean splits = trailing.has(source.line(anchorEnd)) && below > 0 && trailing.has(below);
        if (joinsAbove || joinsBelow || splits) {
            fail("the calls would change how gofmt aligns the trailing comments after line "
                    + source.line(anchorEnd));
            return null;
        }
        return Edit.insert(SourceLines.lineBreak(text, anchorEnd), CommentAlignment.join(code, lineComments,
                source.lineEnding()));
    }

    /** The line that follows {@code offset} once the removals are applied, or -1 at the end of the text. */
    private int survivingLineAfter(int offset, List<Edit> removals) {
        int at = offset;
        for (Edit removal : removals) {
            if (removal.start() == at) {
                at = removal.end();
            }
        }
        return at < source.length() ? source.line(at) : -1;
    }

    /** The calls of the defers that ran before {@code jump}, on lines of their own just before it. */
    private Edit beforeJump(SyntaxNode jump) {
        if (!SourceLines.startsLine(text, jump.start())) {
            fail("the " + jump.text().strip() + " at line " + line(jump) + " shares its line with other code");
            return null;
        }
        int jumpLine = source.line(jump.start());
        if (trailing.has(jumpLine) && jumpLine > 1 && trailing.has(jumpLine - 1)) {
            fail("the calls before line " + jumpLine + " would change how gofmt aligns its trailing comment");
            return null;
        }
        int position = topLevelIndex(jump);
        String indent = SourceLines.indentAt(text, jump.start());
        StringBuilder text = new StringBuilder();
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (deferIndexes.get(i) < position) {
                String call = callText(i, indent);
                if (call == null) {
                    return null;
                }
                text.append(call).append(source.lineEnding()).append(indent);
            }
        }
        return Edit.insert(jump.start(), text.toString());
    }

    private int topLevelIndex(SyntaxNode node) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == node || statements.get(i).isAncestorOf(node)) {
                return i;
            }
        }
        throw new IllegalStateException("not in the loop body: " + node);
    }

    /** The call's text with its later lines moved from the defer's indentation to {@code indent}. */
    private String callText(int i, String indent) {
        SyntaxNode expression = calls.get(i).expression();
        String call = text.substring(expression.start(), expression.end());
        String from = SourceLines.indentAt(text, statements.get(deferIndexes.get(i)).start());
        if (from.equals(indent) || call.indexOf('\n') < 0) {
            return call;
        }
        String[] parts = call.split("\n", -1);
        StringBuilder moved = new StringBuilder(parts[0]);
        for (int k = 1; k < parts.length; k++) {
            String part = parts[k];
            moved.append('\n');
            if (part.isBlank()) {
                moved.append(part);
            } else if (part.startsWith(from)) {
                moved.append(indent).append(part.substring(from.length()));
            } else {
                fail("the deferred call at line " + line(expression) + " has a line that cannot be re-indented");
                return null;
            }
        }
        return moved.toString();
    }

    /** The start of the next line, or the text's end on the last line. */
    private int nextLine(int offset) {
        int next = SourceLines.nextLineStart(text, offset);
        return next < 0 ? text.length() : next;
    }

    private boolean isEmptyLine(int lineStart) {
        return lineStart < text.length() && SourceLines.isEmptyLine(text, lineStart);
    }

    private List<Edit> fail(String reason) {
        problem = reason;
        return null;
    }

    private int line(SyntaxNode node) {
        return source.line(node.start());
    }
}
