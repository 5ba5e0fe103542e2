package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the edits that move a loop body {@code depth} blocks deeper: opening
 * lines after the body's "{" line, every body line re-indented, closing lines
 * before the "}" line, all in the file's own line ending. Lines given to it are
 * relative to the body's indentation (extra leading tabs nest further). Needs
 * the layout gofmt prints: "{" ends its line (a comment may follow) and "}"
 * starts its line.
 */
public final class BodyWrapping {
    private final ParsedFile file;
    private final String text;
    private final String eol;
    private final String bodyIndent;
    private final int firstLine;
    private final int closingLine;
    private final int depth;

    private BodyWrapping(ParsedFile file, String bodyIndent, int firstLine, int closingLine, int depth) {
        this.file = file;
        this.text = file.source().text();
        this.eol = file.source().lineEnding();
        this.bodyIndent = bodyIndent;
        this.firstLine = firstLine;
        this.closingLine = closingLine;
        this.depth = depth;
    }

    /** The wrapping of the unit's body, or null when the body is not laid out as gofmt prints it. */
    public static BodyWrapping of(LoopUnit unit, int depth) {
        ParsedFile file = unit.file();
        String text = file.source().text();
        SyntaxNode body = unit.body();
        int open = body.start();
        int close = body.end() - 1;
        if (!SourceLines.startsLine(text, close) || !onlyCommentAfter(file, open + 1)) {
            return null;
        }
        int firstLine = SourceLines.nextLineStart(text, open);
        int closingLine = SourceLines.lineStart(text, close);
        if (firstLine < 0 || firstLine > closingLine) {
            return null;
        }
        return new BodyWrapping(file, SourceLines.indentAt(text, close) + "\t", firstLine, closingLine, depth);
    }

    private static boolean onlyCommentAfter(ParsedFile file, int offset) {
        for (int i = file.tokenIndexAt(offset); i < file.tokens().size(); i++) {
            GoToken token = file.tokens().get(i);
            switch (token.kind()) {
                case NEWLINE:
                    return true;
                case WS, LINE_COMMENT, SEMI:
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    /** Opening lines, the re-indented body, closing lines. */
    public List<Edit> wrap(List<String> opening, List<String> closing) {
        List<Edit> edits = new ArrayList<>();
        edits.add(Edit.insert(firstLine, lines(bodyIndent, opening)));
        edits.addAll(Reindent.deeper(file, firstLine, closingLine, depth));
        edits.add(Edit.insert(closingLine, lines(bodyIndent, closing)));
        return edits;
    }

    /** Lines at the indentation of the loop statement, each ended, for text placed before the loop. */
    public String linesAtLoopLevel(List<String> relative) {
        return lines(bodyIndent.substring(1), relative);
    }

    public String eol() {
        return eol;
    }

    /** Whether the statement starts its line, so a multi-line replacement can be indented like it. */
    public boolean startsLine(SyntaxNode statement) {
        return SourceLines.startsLine(text, statement.start());
    }

    /** Replaces a one-line statement of the body. */
    public Edit replace(SyntaxNode statement, String replacement) {
        return new Edit(statement.start(), statement.end(), replacement);
    }

    /**
     * Turns "return a, b" into "targets = a, b" followed by a line holding
     * {@code then}: the values are stored first, as return would, and the
     * expressions keep their own text and layout. Only the values marked in
     * {@code assigned} are kept, one per target; the others go with the text
     * before them (so a return whose values span lines must keep them all). With {@code oneByOne} each
     * target gets its own assignment line ("a" then "b"), which gofmt prints
     * exactly like the return's values; a tuple assignment of several values
     * makes gofmt print binary expressions tighter than the return did.
     */
    public List<Edit> assignThen(SyntaxNode returnStatement, List<String> targets, boolean[] assigned, String then,
            boolean oneByOne) {
        List<SyntaxNode> each = returnStatement.firstChild(NodeKind.EXPRESSION_LIST).children(NodeKind.EXPRESSION);
        String indent = SourceLines.indentAt(text, returnStatement.start()) + "\t".repeat(depth);
        List<Edit> edits = new ArrayList<>();
        String prefix = (oneByOne ? targets.get(0) : String.join(", ", targets)) + " = ";
        edits.add(new Edit(returnStatement.start(), each.get(0).start(), ""));
        int placed = 0;
        for (int i = 0; i < each.size(); i++) {
            // The text between two values, and a value not assigned, go; the targets go before the values kept.
            boolean separates = assigned[i] && placed > 0;
            if (i > 0 && (!separates || oneByOne)) {
                edits.add(new Edit(each.get(i - 1).end(), each.get(i).start(),
                        separates ? eol + indent + targets.get(placed) + " = " : ""));
            }
            if (!assigned[i]) {
                edits.add(new Edit(each.get(i).start(), each.get(i).end(), ""));
            } else if (placed++ == 0) {
                edits.add(Edit.insert(each.get(i).start(), prefix));
            }
        }
        edits.add(Edit.insert(returnStatement.end(), eol + indent + then));
        return edits;
    }

    private String lines(String indent, List<String> relative) {
        StringBuilder result = new StringBuilder();
        for (String line : relative) {
            result.append(line.isEmpty() ? "" : indent + line).append(eol);
        }
        return result.toString();
    }
}
