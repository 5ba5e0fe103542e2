package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves lines deeper by whole tabs, the way gofmt prints code that moved into
 * a new block. Empty lines stay empty (gofmt leaves no trailing whitespace), and
 * a line that starts inside a multi-line raw string is part of the string's
 * value, so it stays byte for byte. Lines inside a block comment do move: gofmt
 * keeps a comment's lines aligned with the comment's first line.
 */
public final class Reindent {
    private Reindent() {
    }

    /** Insertions of {@code tabs} tabs at every line start in [from, to). */
    public static List<Edit> deeper(ParsedFile file, int from, int to, int tabs) {
        String text = file.source().text();
        String indent = "\t".repeat(tabs);
        List<Edit> edits = new ArrayList<>();
        for (int line = SourceLines.lineStart(text, from) == from ? from : SourceLines.nextLineStart(text, from);
             line >= 0 && line < to; line = SourceLines.nextLineStart(text, line)) {
            if (!SourceLines.isEmptyLine(text, line) && !insideRawString(file, line)) {
                edits.add(Edit.insert(line, indent));
            }
        }
        return edits;
    }

    private static boolean insideRawString(ParsedFile file, int offset) {
        int index = file.tokenIndexAt(offset);
        if (index == 0) {
            return false;
        }
        GoToken before = file.tokens().get(index - 1);
        return before.kind() == TokenKind.RAW_STRING && before.start() < offset && offset < before.end();
    }
}
