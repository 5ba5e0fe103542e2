package dev.deferfix.parse.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's view of a file's text, read straight from the {@link String}.
 *
 * <p>Unlike ANTLR's own streams, indexes are UTF-16 offsets into the text
 * (the offsets the rest of the project uses), while {@link #LA} still yields
 * whole code points: {@link #consume} steps over a surrogate pair at once.
 * So token start and stop indexes need no conversion, and nothing is copied.
 * Being a single final class also keeps the lexer's calls monomorphic.
 */
public final class GoCharStream implements CharStream {
    private final String text;
    /** The text's characters again, because an array access is cheaper than {@link String#charAt}. */
    private final char[] chars;
    private final String sourceName;
    private int index;

    public GoCharStream(String text, String sourceName) {
        this.text = text;
        this.chars = text.toCharArray();
        this.sourceName = sourceName;
    }

    /** The characters themselves, for the lexer's hand-written paths; not to be changed. */
    char[] chars() {
        return chars;
    }

    // consume() and LA(1) run for every character: kept tiny so they inline,
    // with surrogate pairs (the only multi-unit code points) on the slow path.

    @Override
    public void consume() {
        if (index >= chars.length) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index += chars[index] < Character.MIN_SURROGATE ? 1 : Character.charCount(text.codePointAt(index));
    }

    @Override
    public int LA(int i) {
        if (i == 1 && index < chars.length && chars[index] < Character.MIN_SURROGATE) {
            return chars[index];
        }
        return codePointAround(i);
    }

    /** The code point {@code i} ahead (1 is the next one) or behind (-1 is the previous one). */
    private int codePointAround(int i) {
        if (i == 0) {
            return 0; // undefined by IntStream
        }
        int at = index;
        for (int k = 1; k < i && at < chars.length; k++) {
            at += Character.charCount(text.codePointAt(at));
        }
        for (int k = 0; k > i; k--) {
            if (at == 0) {
                return IntStream.EOF;
            }
            at -= Character.charCount(text.codePointBefore(at));
        }
        return at < chars.length ? text.codePointAt(at) : IntStream.EOF;
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // the whole text stays in memory, nothing to release
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = index;
    }

    /** The length in UTF-16 units (ANTLR only uses it to bound {@link #getText}). */
    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return sourceName;
    }

    /** The text from {@code interval.a} to {@code interval.b}, both inclusive, clamped to the text. */
    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(interval.b, text.length() - 1);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
