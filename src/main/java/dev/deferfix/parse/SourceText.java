package dev.deferfix.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one Go file, decoded strictly as UTF-8, with the line table that
 * turns offsets into line and byte-column positions. Offsets everywhere in this
 * project are indexes into {@link #text()} (UTF-16 units).
 */
public final class SourceText {
    private static final char BOM = '\uFEFF';

    private final String path;
    private final String text;
    /** Where the file lies on disk, when known: {@link #path} is only how messages name it. */
    private final Path location;
    /** Made on first use: most files parse without anyone asking for a line number. */
    private volatile int[] lineStarts;

    private SourceText(String path, String text, Path location) {
        this.path = path;
        this.text = text;
        this.location = location;
    }

    private SourceText(String path, String text) {
        this(path, text, null);
    }

    /** The same text, known to lie at {@code location} on disk (the rest of its package lies beside it). */
    public SourceText at(Path location) {
        return new SourceText(path, text, location);
    }

    /** Other text (say, a rewrite of this one) with this one's name and place on disk. */
    public SourceText withText(String other) {
        return new SourceText(path, other, location);
    }

    /** Where the file lies on disk: as given to {@link #at}, else its path as a file name. */
    public Path location() {
        return location != null ? location : Path.of(path);
    }

    /** Decodes {@code content}; rejects malformed UTF-8, NUL bytes and misplaced byte order marks. */
    public static SourceText decode(String path, byte[] content) throws SyntaxError {
        if (isPlainAscii(content)) { // most Go files: a straight copy, nothing to reject
            return new SourceText(path, new String(content, StandardCharsets.ISO_8859_1));
        }
        String text = decodeStrictly(path, content);
        SourceText source = new SourceText(path, text);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw source.errorAt(nul, "invalid NUL character");
        }
        int bom = text.indexOf(BOM, 1);
        if (bom >= 0) {
            throw source.errorAt(bom, "invalid BOM in the middle of the file");
        }
        return source;
    }

    /** Whether {@link #decode} accepts the content; plain ASCII is answered without decoding. */
    public static boolean decodes(byte[] content) {
        if (isPlainAscii(content)) {
            return true;
        }
        try {
            decode("", content);
            return true;
        } catch (SyntaxError e) {
            return false;
        }
    }

    /** Wraps text that is already known to be well formed (for example, our own rewrite output). */
    public static SourceText of(String path, String text) {
        return new SourceText(path, text);
    }

    /** No NUL and no byte with the high bit set. */
    private static boolean isPlainAscii(byte[] content) {
        for (byte b : content) {
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    private static String decodeStrictly(String path, byte[] content) throws SyntaxError {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int badByte = in.position();
            throw invalidUtf8(path, content, badByte);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static SyntaxError invalidUtf8(String path, byte[] content, int badByte) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < badByte; i++) {
            if (content[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SyntaxError(path, line, badByte - lineStart + 1, "invalid UTF-8 encoding");
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = computeLineStarts(text);
            lineStarts = starts;
        }
        return starts;
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int index = Arrays.binarySearch(lineStarts(), offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** Offset where the given 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts()[line - 1];
    }

    /** 1-based column of an offset, counted in UTF-8 bytes like Go's tools. */
    public int byteColumn(int offset) {
        int start = lineStart(line(offset));
        int bytes = 0;
        for (int i = start; i < offset; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes + 1;
    }

    public SyntaxError errorAt(int offset, String reason) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return new SyntaxError(path, line(clamped), byteColumn(clamped), reason);
    }

    /** The line ending this file uses most ("\r\n" or "\n"), for text we insert. */
    public String lineEnding() {
        int[] lineStarts = lineStarts();
        int lf = lineStarts.length - 1;
        if (lf == 0) {
            return "\n";
        }
        int crlf = 0;
        for (int i = 1; i < lineStarts.length; i++) {
            int newline = lineStarts[i] - 1;
            if (newline > 0 && text.charAt(newline - 1) == '\r') {
                crlf++;
            }
        }
        return crlf * 2 > lf ? "\r\n" : "\n";
    }
}
