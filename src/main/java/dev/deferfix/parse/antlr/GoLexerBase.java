package dev.deferfix.parse.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Inserts semicolons as the Go specification says: after a line's final token
 * if that token is an identifier, a basic literal, one of the keywords break,
 * continue, fallthrough, return, or one of ++ -- ) ] }. A multi-line block
 * comment and the end of the file count as a newline.
 *
 * <p>The inserted semicolon is a zero-width token placed just before the
 * newline, so the token stream still prints back to the exact input.
 */
public abstract class GoLexerBase extends Lexer {
    private boolean semicolonDue;
    private Token pending;

    protected GoLexerBase(CharStream input) {
        super(input);
    }

    @Override
    public Token nextToken() {
        if (pending != null) {
            Token next = pending;
            pending = null;
            return next;
        }
        Token token = super.nextToken();
        int type = token.getType();
        if (type == GoLexer.NEWLINE || type == Token.EOF || isMultiLineComment(token)) {
            if (semicolonDue) {
                semicolonDue = false;
                pending = token;
                return virtualSemicolon(token);
            }
            return token;
        }
        if (token.getChannel() != Token.HIDDEN_CHANNEL) {
            semicolonDue = endsStatement(type);
        }
        return token;
    }

    @Override
    public void reset() {
        super.reset();
        semicolonDue = false;
        pending = null;
    }

    private static boolean isMultiLineComment(Token token) {
        return token.getType() == GoLexer.BLOCK_COMMENT && token.getText().indexOf('\n') >= 0;
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

    private Token virtualSemicolon(Token before) {
        int at = before.getStartIndex();
        CommonToken semicolon = new CommonToken(_tokenFactorySourcePair, GoLexer.SEMI,
                Token.DEFAULT_CHANNEL, at, at - 1);
        semicolon.setText("");
        semicolon.setLine(before.getLine());
        semicolon.setCharPositionInLine(before.getCharPositionInLine());
        return semicolon;
    }
}
