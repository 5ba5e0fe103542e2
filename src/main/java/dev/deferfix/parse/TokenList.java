package dev.deferfix.parse;

import dev.deferfix.parse.antlr.TokenSink;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Every token of a file, packed into arrays as the lexer reports them; a
 * {@link GoToken} is only made when one is asked for. A file has about one
 * token per three characters, so this saves an object per token.
 */
final class TokenList extends AbstractList<GoToken> implements RandomAccess, TokenSink {
    private byte[] types;
    private int[] starts;
    private int[] ends;
    private int size;

    TokenList(int expected) {
        int capacity = Math.max(16, expected);
        types = new byte[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    @Override
    public void token(int type, int start, int end) {
        if (size == types.length) {
            int capacity = size * 2;
            types = Arrays.copyOf(types, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        types[size] = (byte) type;
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    @Override
    public GoToken get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new GoToken(GoParsing.kindOfToken(types[index]), starts[index], ends[index]);
    }

    @Override
    public int size() {
        return size;
    }
}
