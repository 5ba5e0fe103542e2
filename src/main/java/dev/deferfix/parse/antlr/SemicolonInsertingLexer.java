package dev.deferfix.parse.antlr;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.LexerATNSimulator;

/**
 * Inserts semicolons as the Go specification says: after a line's final token
 * if that token is an identifier, a basic literal, one of the keywords break,
 * continue, fallthrough, return, or one of ++ -- ) ] }. A multi-line block
 * comment and the end of the file count as a newline.
 *
 * <p>The inserted semicolon is a zero-width token placed just before the
 * newline, so the token stream still prints back to the exact input.
 *
 * <p>Nearly every token is read by hand (see {@link Literals}); the generated
 * ATN of {@link GoLexer} reads only what is rare or wrong: non-ASCII names,
 * numbers with separators or in binary, hexadecimal-float or imaginary form,
 * a byte order mark, and every lexical error, which it reports. The ATN is
 * loaded only then: deserializing it (building the 660 ranges of Unicode
 * letters is quadratic in ANTLR) took a tenth of a one-file run. Until then
 * this lexer keeps the line and column itself.
 *
 * <p>Hidden tokens (spaces, newlines, comments) never reach the parser and
 * are never allocated: they only go to the {@link TokenSink}, which also sees
 * every other token in order.
 */
public final class SemicolonInsertingLexer extends Lexer {
    /** What {@link #emit()} hands back for a hidden token; {@link #nextToken()} skips it. */
    private static final Token HIDDEN_MARK = new CommonToken(Token.INVALID_TYPE);

    private TokenSink sink = TokenSink.NONE;
    private boolean semicolonDue;
    /** The type of the token {@link #operatorOrLiteralEnd} read. */
    private int scannedType;
    /** Line and column (in code points), while the ATN is not matching: it keeps its own then. */
    private int line = 1;
    private int column;
    private boolean matching;

    /** The input's characters, which the hand-written paths scan directly (no call per character). */
    private final char[] chars;

    public SemicolonInsertingLexer(GoCharStream input) {
        super(input);
        this.chars = input.chars();
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
            if (_input.index() >= chars.length) {
                return emitEOF();
            }
            Token plain = plainToken();
            if (plain != null) {
                return plain;
            }
            Token token = matchWithAtn();
            if (token != HIDDEN_MARK) {
                return token;
            }
        }
    }

    /** One token read by the generated ATN, which is loaded on first use and shared by all lexers. */
    private Token matchWithAtn() {
        if (_interp == null) {
            _interp = new LexerATNSimulator(this, GoLexer._ATN, GoLexer._decisionToDFA, GoLexer._sharedContextCache);
        }
        _interp.setLine(line);
        _interp.setCharPositionInLine(column);
        matching = true;
        try {
            return super.nextToken();
        } finally {
            matching = false;
            line = _interp.getLine();
            column = _interp.getCharPositionInLine();
        }
    }

    @Override
    public int getLine() {
        return matching ? _interp.getLine() : line;
    }

    @Override
    public void setLine(int line) {
        if (matching) {
            _interp.setLine(line);
        } else {
            this.line = line;
        }
    }

    @Override
    public int getCharPositionInLine() {
        return matching ? _interp.getCharPositionInLine() : column;
    }

    @Override
    public void setCharPositionInLine(int column) {
        if (matching) {
            _interp.setCharPositionInLine(column);
        } else {
            this.column = column;
        }
    }

    // What ANTLR asks a generated lexer, answered from GoLexer only when asked.

    @Override
    public String getGrammarFileName() {
        return "GoLexer.g4";
    }

    @Override
    public String[] getRuleNames() {
        return GoLexer.ruleNames;
    }

    @Override
    public String[] getChannelNames() {
        return GoLexer.channelNames;
    }

    @Override
    public String[] getModeNames() {
        return GoLexer.modeNames;
    }

    @Override
    public Vocabulary getVocabulary() {
        return GoLexer.VOCABULARY;
    }

    @Override
    public String getSerializedATN() {
        return GoLexer._serializedATN;
    }

    @Override
    public ATN getATN() {
        return GoLexer._ATN;
    }

    /**
     * Scans spaces, newlines and comments (two in five tokens, and two in five
     * characters, of typical Go) without the ANTLR machinery, exactly as the WS,
     * NEWLINE, LINE_COMMENT and BLOCK_COMMENT rules would. Stops at anything
     * else (an unterminated block comment too, for the ATN to report), or
     * returns the semicolon due before a newline or a comment spanning lines.
     */
    private Token skipPlainHidden() {
        char[] text = chars;
        int length = text.length;
        int at = _input.index();
        while (at < length) {
            int start = at;
            char c = text[at];
            int type;
            if (c == ' ' || c == '\t' || c == '\r') {
                do {
                    at++;
                } while (at < length && ((c = text[at]) == ' ' || c == '\t' || c == '\r'));
                type = GoLexer.WS;
                column += at - start;
            } else if (c == '\n') {
                if (semicolonDue) {
                    _input.seek(start);
                    return virtualSemicolon(start, line, column);
                }
                at++;
                type = GoLexer.NEWLINE;
                line++;
                column = 0;
            } else if (c == '/' && at + 1 < length && text[at + 1] == '/') {
                do {
                    at++;
                } while (at < length && text[at] != '\n'); // a surrogate pair is never a newline
                type = GoLexer.LINE_COMMENT;
                advance(start, at);
            } else if (c == '/' && at + 1 < length && text[at + 1] == '*') {
                int end = Literals.blockCommentEnd(text, at);
                if (end < 0) {
                    break; // unterminated: the ATN reads it and reports it
                }
                at = end;
                if (semicolonDue && spansLines(start, at)) {
                    _input.seek(start);
                    return virtualSemicolon(start, line, column);
                }
                type = GoLexer.BLOCK_COMMENT;
                advance(start, at);
            } else {
                break;
            }
            sink.token(type, start, at);
        }
        _input.seek(at);
        return null;
    }

    /**
     * Reads an ASCII identifier or keyword, a punctuation mark, an operator, or a
     * literal of the forms {@link Literals} knows (nearly all the tokens the parser
     * sees) without the ANTLR machinery, exactly as the grammar's rules would, and
     * emits it as {@link Lexer#nextToken} would. Returns null, having read nothing,
     * for anything else, and for a name that goes on with a non-ASCII character
     * (a letter or digit for the grammar's rule to judge).
     */
    private Token plainToken() {
        char[] text = chars;
        int start = _input.index();
        char c = text[start];
        int end = start + 1;
        int type;
        if (isAsciiLetter(c)) {
            while (end < text.length && (isAsciiLetter(c = text[end]) || c >= '0' && c <= '9')) {
                end++;
            }
            if (end < text.length && c >= 0x80) {
                return null;
            }
            type = Keywords.typeOf(text, start, end - start);
        } else {
            type = punctuation(c);
            if (type == Token.INVALID_TYPE) {
                end = operatorOrLiteralEnd(text, start);
                if (end < 0) {
                    return null;
                }
                type = scannedType;
            }
        }
        _token = null;
        _channel = Token.DEFAULT_CHANNEL;
        _text = null;
        _type = type;
        _tokenStartCharIndex = start;
        _tokenStartLine = line;
        _tokenStartCharPositionInLine = column;
        if (type == GoLexer.STRING || type == GoLexer.RUNE || type == GoLexer.RAW_STRING) {
            advance(start, end); // may hold line breaks (raw strings) and surrogate pairs
        } else {
            column += end - start;
        }
        _input.seek(end);
        _hitEOF = end == text.length;
        return emit();
    }

    /**
     * The end of the operator or literal at {@code start}, with its type in {@link #scannedType};
     * -1 for anything else, which the generated ATN reads. Operators are read longest first, as
     * the grammar's rules match them.
     */
    private int operatorOrLiteralEnd(char[] text, int start) {
        char c = text[start];
        char next = start + 1 < text.length ? text[start + 1] : 0;
        char third = start + 2 < text.length ? text[start + 2] : 0;
        switch (c) {
            case '.':
                if (next >= '0' && next <= '9') {
                    return -1; // a number like .5
                }
                return next == '.' && third == '.' ? scanned(GoLexer.ELLIPSIS, start + 3) : scanned(GoLexer.DOT, start + 1);
            case ':':
                return next == '=' ? scanned(GoLexer.DEFINE, start + 2) : scanned(GoLexer.COLON, start + 1);
            case '=':
                return next == '=' ? scanned(GoLexer.EQUALS, start + 2) : scanned(GoLexer.ASSIGN, start + 1);
            case '!':
                return next == '=' ? scanned(GoLexer.NOT_EQUALS, start + 2) : scanned(GoLexer.NOT, start + 1);
            case '~':
                return scanned(GoLexer.TILDE, start + 1);
            case '+':
                return next == '+' ? scanned(GoLexer.INC, start + 2) : assignOr(GoLexer.PLUS, next, start);
            case '-':
                return next == '-' ? scanned(GoLexer.DEC, start + 2) : assignOr(GoLexer.MINUS, next, start);
            case '*':
                return assignOr(GoLexer.STAR, next, start);
            case '/':
                return next == '/' || next == '*' ? -1 : assignOr(GoLexer.DIV, next, start);
            case '%':
                return assignOr(GoLexer.MOD, next, start);
            case '^':
                return assignOr(GoLexer.CARET, next, start);
            case '|':
                return next == '|' ? scanned(GoLexer.LOGICAL_OR, start + 2) : assignOr(GoLexer.OR, next, start);
            case '&':
                if (next == '&') {
                    return scanned(GoLexer.LOGICAL_AND, start + 2);
                }
                if (next == '^') {
                    return third == '=' ? scanned(GoLexer.ASSIGN_OP, start + 3) : scanned(GoLexer.BIT_CLEAR, start + 2);
                }
                return assignOr(GoLexer.AMP, next, start);
            case '<':
                if (next == '<') {
                    return third == '=' ? scanned(GoLexer.ASSIGN_OP, start + 3) : scanned(GoLexer.SHL, start + 2);
                }
                if (next == '-') {
                    return scanned(GoLexer.ARROW, start + 2);
                }
                return next == '=' ? scanned(GoLexer.LESS_EQ, start + 2) : scanned(GoLexer.LESS, start + 1);
            case '>':
                if (next == '>') {
                    return third == '=' ? scanned(GoLexer.ASSIGN_OP, start + 3) : scanned(GoLexer.SHR, start + 2);
                }
                return next == '=' ? scanned(GoLexer.GREATER_EQ, start + 2) : scanned(GoLexer.GREATER, start + 1);
            case '"':
                return scanned(GoLexer.STRING, Literals.stringEnd(text, start));
            case '\'':
                return scanned(GoLexer.RUNE, Literals.runeEnd(text, start));
            case '`':
                return scanned(GoLexer.RAW_STRING, Literals.rawStringEnd(text, start));
            default:
                return c >= '0' && c <= '9' ? numberEnd(text, start) : -1;
        }
    }

    private int numberEnd(char[] text, int start) {
        int end = Literals.floatEnd(text, start);
        return end > 0 ? scanned(GoLexer.FLOAT, end) : scanned(GoLexer.INT, Literals.intEnd(text, start));
    }

    /** Moves the line and column over {@code text[start, end)}, counting code points as the ATN does. */
    private void advance(int start, int end) {
        char[] text = chars;
        for (int at = start; at < end; at++) {
            char c = text[at];
            if (c == '\n') {
                line++;
                column = 0;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
    }

    private boolean spansLines(int start, int end) {
        for (int at = start; at < end; at++) {
            if (chars[at] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** {@code op=} is an ASSIGN_OP, else the one-character operator. */
    private int assignOr(int type, char next, int start) {
        return next == '=' ? scanned(GoLexer.ASSIGN_OP, start + 2) : scanned(type, start + 1);
    }

    private int scanned(int type, int end) {
        scannedType = type;
        return end;
    }

    /** The grammar's LETTER, within ASCII. */
    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    /** Tokens of one character that never start a longer one; INVALID_TYPE for any other character. */
    private static int punctuation(char c) {
        return switch (c) {
            case '(' -> GoLexer.L_PAREN;
            case ')' -> GoLexer.R_PAREN;
            case '[' -> GoLexer.L_BRACKET;
            case ']' -> GoLexer.R_BRACKET;
            case '{' -> GoLexer.L_BRACE;
            case '}' -> GoLexer.R_BRACE;
            case ',' -> GoLexer.COMMA;
            case ';' -> GoLexer.SEMI;
            default -> Token.INVALID_TYPE;
        };
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
