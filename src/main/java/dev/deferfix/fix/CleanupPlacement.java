package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.fix.CommentAlignment.Line;
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
            if (!keepsCommentAlignment(removal, removals)) {
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
    private boolean keepsCommentAlignment(Edit removal, List<Edit> removals) {
        int above = survivingLineBefore(removal.start(), removals);
        int below = survivingLineAfter(removal.end(), removals);
        boolean before = above > 0 && trailing.has(above);
        boolean after = below > 0 && trailing.has(below);
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
        int below = survivingLineAfter(nextLine(anchorEnd), removals);
        boolean commentAbove = trailing.has(source.line(anchorEnd));
        boolean commentBelow = below > 0 && trailing.has(below);
        // A moved comment goes after its call; where gofmt would align it with a neighbour's
        // trailing comment, it goes on a line of its own above the call instead.
        for (boolean commentsAbove : new boolean[] {false, true}) {
            List<Line> lines = new ArrayList<>();
            for (int i = calls.size() - 1; i >= 0; i--) {
                List<Line> call = callLines(i, indent);
                if (call == null) {
                    return null;
                }
                if (!comments.get(i).isEmpty() && commentsAbove) {
                    lines.add(new Line(indent + comments.get(i), null));
                } else if (!comments.get(i).isEmpty()) {
                    call.set(call.size() - 1, new Line(call.get(call.size() - 1).code(), comments.get(i)));
                }
                lines.addAll(call);
            }
            if (keepsAlignment(commentAbove, lines, commentBelow)) {
                return Edit.insert(SourceLines.lineBreak(text, anchorEnd),
                        CommentAlignment.join(lines, source.lineEnding()));
            }
        }
        fail("the calls would change how gofmt aligns the trailing comments around line " + source.line(anchorEnd));
        return null;
    }

    /** New lines between two lines: no comment of theirs may end up beside a comment of a neighbour. */
    private static boolean keepsAlignment(boolean commentAbove, List<Line> lines, boolean commentBelow) {
        return !(commentAbove && commentBelow)
                && !(commentAbove && lines.get(0).comment() != null)
                && !(commentBelow && lines.get(lines.size() - 1).comment() != null);
    }

    /** The line that precedes the line starting at {@code offset} once the removals are applied, or -1. */
    private int survivingLineBefore(int offset, List<Edit> removals) {
        int at = offset;
        for (int i = removals.size() - 1; i >= 0; i--) {
            if (removals.get(i).end() == at) {
                at = removals.get(i).start();
            }
        }
        return at > 0 ? source.line(at - 1) : -1;
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
        int position = topLevelIndex(jump);
        String indent = SourceLines.indentAt(text, jump.start());
        List<Line> lines = new ArrayList<>();
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (deferIndexes.get(i) < position) {
                List<Line> call = callLines(i, indent);
                if (call == null) {
                    return null;
                }
                lines.addAll(call);
            }
        }
        int jumpLine = source.line(jump.start());
        if (!keepsAlignment(jumpLine > 1 && trailing.has(jumpLine - 1), lines, trailing.has(jumpLine))) {
            fail("the calls before line " + jumpLine + " would change how gofmt aligns trailing comments there");
            return null;
        }
        String joined = CommentAlignment.join(lines, source.lineEnding());
        return Edit.insert(SourceLines.lineStart(text, jump.start()),
                joined.substring(source.lineEnding().length()) + source.lineEnding());
    }

    private int topLevelIndex(SyntaxNode node) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == node || statements.get(i).isAncestorOf(node)) {
                return i;
            }
        }
        throw new IllegalStateException("not in the loop body: " + node);
    }

    /**
     * The call's lines, starting with {@code indent}, its later lines moved
     * from the defer's indentation to {@code indent}; a trailing comment inside
     * the call (after a literal's "{") is split off so it can be aligned.
     */
    private List<Line> callLines(int i, String indent) {
        SyntaxNode expression = calls.get(i).expression();
        String from = SourceLines.indentAt(text, statements.get(deferIndexes.get(i)).start());
        String[] parts = SourceLines.split(text.substring(expression.start(), expression.end()));
        int firstLine = source.line(expression.start());
        List<Line> lines = new ArrayList<>();
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            String code;
            if (k == 0) {
                code = indent + part;
            } else if (part.isBlank()) {
                code = part;
            } else if (part.startsWith(from)) {
                code = indent + part.substring(from.length());
            } else {
                fail("the deferred call at line " + line(expression) + " has a line that cannot be re-indented");
                return null;
            }
            int commentStart = trailing.startOn(firstLine + k);
            if (commentStart >= 0 && commentStart < expression.end()) {
                String comment = text.substring(commentStart, SourceLines.lineBreak(text, commentStart));
                int at = code.lastIndexOf(comment);
                lines.add(new Line(code.substring(0, at).stripTrailing(), comment));
            } else {
                lines.add(new Line(code, null));
            }
        }
        return lines;
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
