package dev.deferfix.parse;

/**
 * One token of a file, hidden ones (spaces, newlines, comments) included.
 * Semicolons inserted by the lexer are zero-width ({@code start == end}).
 */
public record GoToken(TokenKind kind, int start, int end) {

    public boolean isHidden() {
        switch (kind) {
            case WS, NEWLINE, LINE_COMMENT, BLOCK_COMMENT, BOM:
                return true;
            default:
                return false;
        }
    }

    public boolean isComment() {
        return kind == TokenKind.LINE_COMMENT || kind == TokenKind.BLOCK_COMMENT;
    }

    public String text(SourceText source) {
        return source.text().substring(start, end);
    }
}
