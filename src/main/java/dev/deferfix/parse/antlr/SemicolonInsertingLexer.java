package dev.deferfix.parse.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Lexer;

/**
 * Inserts semicolons as the Go specification says: after a line's final token
 * if that token is an identifier, a basic literal, one of the keywords break,
 * continue, fallthrough, return, or one of ++ -- ) ] }. A multi-line block
 * comment and the end of the file count as a newline.
 *
 * <p>The inserted semicolon is a zero-width token placed just before the
 * newline, so the token stream still prints back to the exact input.
 *
 * <p>Hidden tokens (spaces, newlines, comments) never reach the parser and
 * are never allocated: they only go to the {@link TokenSink}, which also sees
 * every other token in order.
 */
public abstract class SemicolonInsertingLexer extends Lexer {
    /** What {@link #emit()} hands back for a hidden token; {@link #nextToken()} skips it. */
    private static final Token HIDDEN_MARK = new CommonToken(Token.INVALID_TYPE);

    private TokenSink sink = TokenSink.NONE;
    private boolean semicolonDue;

    protected SemicolonInsertingLexer(CharStream input) {
        super(input);
    }

    public void setTokenSink(TokenSink sink) {
        this.sink = sink;
    }

    @Override
    public Token nextToken() {
        while (true) {
            Token semicolon = skipPlainHidden();
            if (semicolon != null) {
                return semicolon;
            }
            Token token = super.nextToken();
            if (token != HIDDEN_MARK) {
                return token;
            }
        }
    }

    /**
     * Scans spaces, newlines and line comments (two in five tokens, and
     * two in five characters, of typical Go) without the ANTLR machinery,
     * exactly as the WS, NEWLINE and LINE_COMMENT rules would. Stops at
     * anything else, or returns the semicolon due before a newline.
     */
    private Token skipPlainHidden() {
        CharStream in = _input;
        while (true) {
            int start = in.index();
            int c = in.LA(1);
            int type;
            if (c == ' ' || c == '\t' || c == '\r') {
                do {
                    in.consume();
                    c = in.LA(1);
                } while (c == ' ' || c == '\t' || c == '\r');
                type = GoLexer.WS;
                setCharPositionInLine(getCharPositionInLine() + in.index() - start);
            } else if (c == '\n') {
                if (semicolonDue) {
                    return virtualSemicolon(start, getLine(), getCharPositionInLine());
                }
                in.consume();
                type = GoLexer.NEWLINE;
                setLine(getLine() + 1);
                setCharPositionInLine(0);
            } else if (c == '/' && in.LA(2) == '/') {
                do {
                    in.consume();
                    c = in.LA(1);
                } while (c != '\n' && c != CharStream.EOF);
                type = GoLexer.LINE_COMMENT;
                setCharPositionInLine(getCharPositionInLine() + in.index() - start);
            } else {
                return null;
            }
            sink.token(type, start, in.index());
        }
    }

    @Override
    public Token emit() {
        int start = _tokenStartCharIndex;
        if (_type == Token.EOF) { // the ATN matched the end of the input (hidden text ran up to it)
            return emitEOF();
        }
        if (!isHidden(_type)) {
            semicolonDue = endsStatement(_type);
            sink.token(_type, start, getCharIndex());
            return super.emit();
        }
        if (_type == GoLexer.BLOCK_COMMENT && isUnterminated(getText())) {
            getErrorListenerDispatch().syntaxError(this, null, _tokenStartLine, _tokenStartCharPositionInLine,
                    "comment not terminated", null);
        }
        Token result = HIDDEN_MARK;
        if (semicolonDue && endsLine()) {
            result = virtualSemicolon(start, _tokenStartLine, _tokenStartCharPositionInLine);
        }
        sink.token(_type, start, getCharIndex());
        emit(result);
        return result;
    }

    @Override
    public Token emitEOF() {
        if (semicolonDue) {
            Token semicolon = virtualSemicolon(getCharIndex(), getLine(), getCharPositionInLine());
            emit(semicolon);
            return semicolon;
        }
        return super.emitEOF();
    }

    @Override
    public void reset() {
        super.reset();
        semicolonDue = false;
    }

    /** Spaces, newlines, comments and a leading byte order mark: what only a printer needs. */
    private static boolean isHidden(int type) {
        switch (type) {
            case GoLexer.WS:
            case GoLexer.NEWLINE:
            case GoLexer.LINE_COMMENT:
            case GoLexer.BLOCK_COMMENT:
            case GoLexer.BOM:
                return true;
            default:
                return false;
        }
    }

    /** The grammar matches a block comment up to the end of the file, so "/" is not read as a division. */
    private static boolean isUnterminated(String comment) {
        return comment.length() < 4 || !comment.endsWith("*/");
    }

    /** A newline, or a block comment that spans lines (the lexer's line count moved past it). */
    private boolean endsLine() {
        return _type == GoLexer.NEWLINE || (_type == GoLexer.BLOCK_COMMENT && getLine() > _tokenStartLine);
    }

    private static boolean endsStatement(int type) {
        switch (type) {
            case GoLexer.IDENTIFIER:
            case GoLexer.INT:
            case GoLexer.FLOAT:
            case GoLexer.IMAGINARY:
            case GoLexer.RUNE:
            case GoLexer.STRING:
            case GoLexer.RAW_STRING:
            case GoLexer.BREAK:
            case GoLexer.CONTINUE:
            case GoLexer.FALLTHROUGH:
            case GoLexer.RETURN:
            case GoLexer.INC:
            case GoLexer.DEC:
            case GoLexer.R_PAREN:
            case GoLexer.R_BRACKET:
            case GoLexer.R_BRACE:
                return true;
            default:
                return false;
        }
    }

    private Token virtualSemicolon(int at, int line, int column) {
        semicolonDue = false;
        sink.token(GoLexer.SEMI, at, at);
        CommonToken semicolon = new CommonToken(_tokenFactorySourcePair, GoLexer.SEMI,
                Token.DEFAULT_CHANNEL, at, at - 1);
        semicolon.setText("");
        semicolon.setLine(line);
        semicolon.setCharPositionInLine(column);
        return semicolon;
    }
}
