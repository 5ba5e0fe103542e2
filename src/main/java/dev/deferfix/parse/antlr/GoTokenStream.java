package dev.deferfix.parse.antlr;

import java.util.Arrays;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The parser's tokens, all lexed up front into an array. Our lexer hands out
 * only the tokens the parser needs, so unlike ANTLR's CommonTokenStream this
 * never skips hidden tokens, and each step is an array access.
 */
public final class GoTokenStream implements TokenStream {
    private final TokenSource source;
    private final Token[] tokens;
    /** The tokens' types again: the parser asks for the next type at almost every step. */
    private final int[] types;
    private final int size;
    private int index;

    /** Lexes everything now, so a lexical error anywhere is reported before any syntax error. */
    public GoTokenStream(TokenSource source, int expectedTokens) {
        this.source = source;
        Token[] read = new Token[Math.max(16, expectedTokens)];
        int count = 0;
        Token token;
        do {
            token = source.nextToken();
            if (token instanceof CommonToken writable) {
                writable.setTokenIndex(count);
            }
            if (count == read.length) {
                read = Arrays.copyOf(read, count * 2);
            }
            read[count++] = token;
        } while (token.getType() != Token.EOF);
        this.tokens = read;
        this.size = count;
        this.types = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = read[i].getType();
        }
    }

    @Override
    public Token LT(int k) {
        if (k == 1) { // index never passes EOF, the last token
            return tokens[index];
        }
        if (k == 0) {
            return null;
        }
        int at = k > 0 ? index + k - 1 : index + k;
        if (at < 0) {
            return null;
        }
        return tokens[Math.min(at, size - 1)];
    }

    @Override
    public int LA(int i) {
        if (i == 1) {
            return types[index];
        }
        Token token = LT(i);
        return token == null ? Token.INVALID_TYPE : token.getType();
    }

    @Override
    public void consume() {
        if (types[index] == Token.EOF) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public Token get(int i) {
        return tokens[i];
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // every token stays in memory, nothing to release
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = Math.min(index, size - 1);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String getSourceName() {
        return source.getSourceName();
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public String getText(Interval interval) {
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, interval.a); i <= interval.b && i < size; i++) {
            if (tokens[i].getType() != Token.EOF) {
                text.append(tokens[i].getText());
            }
        }
        return text.toString();
    }

    @Override
    public String getText() {
        return getText(Interval.of(0, size - 1));
    }

    @Override
    public String getText(RuleContext ctx) {
        return getText(ctx.getSourceInterval());
    }

    @Override
    public String getText(Token start, Token stop) {
        return start == null || stop == null ? "" : getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }
}
