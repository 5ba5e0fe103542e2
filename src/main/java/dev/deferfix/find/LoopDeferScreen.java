package dev.deferfix.find;

import dev.deferfix.parse.SourceText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A byte-level screen run before parsing. It answers false only when no {@code defer} of the
 * file can be a site: none sits in a for-loop of its own function (a function literal starts a
 * fresh function) and the file has no {@code goto} that could make a loop out of a label. Such a
 * file cannot have a finding and is not parsed. Most files that mention {@code defer} defer once,
 * before any loop, or inside a goroutine's literal.
 *
 * <p>The screen follows Go's lexical rules (comments, strings, runes, identifiers, operators,
 * semicolon insertion) without building tokens, and errs towards true: where it cannot tell
 * whether a brace closed a loop, the loop stays open until its enclosing block closes, and input
 * it does not understand (text {@link SourceText} would refuse, an unterminated literal or
 * comment, unbalanced braces) goes to the parser, which reports it.
 */
public final class LoopDeferScreen {

    private static final boolean[] WORD_BYTES = wordBytes();

    private final byte[] src;
    private int pos;
    private int depth;

    // Open loops, innermost last: the brace depth of the `for`, and facts about its header (the
    // tokens at that depth) that decide whether a `}` followed by a semicolon ended it.
    private int[] loopDepths = new int[16];
    private int[] headerSemicolons = new int[16];
    private boolean[] headerAssigns = new boolean[16];
    private boolean[] headerRanges = new boolean[16];
    private int loops;
    // A `}` brought the depth back to the innermost loop's: the next token tells whether it
    // closed the body (a semicolon or `}` follows) or a literal in the header (anything else).
    private boolean loopMayEnd;

    // Function bodies entered, innermost last: the depth outside each and the loop count there.
    private int[] functionDepths = new int[16];
    private int[] outerLoopFloors = new int[16];
    private int functions;
    private int loopFloor; // loops below this index belong to enclosing functions

    // After `func`, the bracket nesting within its signature; -1 when no signature is open.
    private int signatureNesting = -1;
    private boolean afterStructOrInterface;
    // Go inserts a semicolon at a newline after an identifier, a literal, `)`, `]`, `}`, `++`,
    // `--`, break, continue, fallthrough or return.
    private boolean newlineInsertsSemicolon;
    private boolean sawGoto;
    private boolean sawDefer;
    private boolean deferInLoop;

    private LoopDeferScreen(byte[] src) {
        this.src = src;
    }

    /** False only when parsing the file cannot find a defer-in-loop site. */
    public static boolean mayHoldLoopDefer(byte[] content) {
        return mentionsDefer(content) && (!SourceText.decodes(content) || new LoopDeferScreen(content).scan());
    }

    private boolean scan() {
        while (pos < src.length) {
            byte c = src[pos];
            boolean understood = switch (c) {
                case ' ', '\t', '\r' -> {
                    pos++;
                    yield true;
                }
                case '\n' -> {
                    pos++;
                    lineEnd();
                    yield true;
                }
                case '/' -> slash();
                case '"', '\'' -> quoted(c);
                case '`' -> rawString();
                case '{' -> openBrace();
                case '}' -> closeBrace();
                case '(', '[' -> openBracket();
                case ')', ']' -> closeBracket();
                case ';' -> {
                    pos++;
                    semicolon();
                    yield true;
                }
                default -> isWordByte(c) ? word() : operator();
            };
            if (!understood) {
                return true;
            }
            if (deferInLoop) {
                return true;
            }
        }
        return sawGoto && sawDefer;
    }

    /** A comment or a division operator; false for an unterminated block comment. */
    private boolean slash() {
        if (pos + 1 < src.length && src[pos + 1] == '/') {
            int newline = indexOf('\n', pos, src.length);
            pos = newline < 0 ? src.length : newline;
            return true;
        }
        if (pos + 1 < src.length && src[pos + 1] == '*') {
            int close = indexOfCommentEnd(pos + 2);
            if (close < 0) {
                return false;
            }
            boolean spansLines = indexOf('\n', pos, close) >= 0;
            pos = close + 2;
            if (spansLines) {
                lineEnd(); // a comment across lines acts like a newline
            }
            return true;
        }
        return operator();
    }

    /** A string or rune literal; false when it does not end on its line. */
    private boolean quoted(byte quote) {
        int i = pos + 1;
        while (i < src.length && src[i] != quote) {
            if (src[i] == '\n') {
                return false;
            }
            i += src[i] == '\\' ? 2 : 1;
        }
        if (i >= src.length) {
            return false;
        }
        pos = i + 1;
        literal();
        return true;
    }

    private boolean rawString() {
        int close = indexOf('`', pos + 1, src.length);
        if (close < 0) {
            return false;
        }
        pos = close + 1;
        literal();
        return true;
    }

    /** An identifier, keyword or number. */
    private boolean word() {
        int start = pos;
        while (pos < src.length && isWordByte(src[pos])) {
            pos++;
        }
        if (src[start] >= '0' && src[start] <= '9') {
            literal();
            return true;
        }
        Keyword keyword = keyword(start, pos - start);
        if (keyword == null) {
            token(true, true);
            return true;
        }
        switch (keyword) {
            case FOR -> {
                token(false, false);
                pushLoop();
            }
            case DEFER -> {
                token(false, false);
                sawDefer = true;
                deferInLoop = loops > loopFloor;
            }
            case GOTO -> {
                token(false, false);
                sawGoto = true;
            }
            case RANGE -> {
                token(false, false);
                if (innermostLoopAtThisDepth()) {
                    headerRanges[loops - 1] = true;
                }
            }
            case FUNC -> {
                token(true, false);
                signatureNesting = 0;
            }
            case STRUCT, INTERFACE -> {
                token(true, false);
                afterStructOrInterface = true;
            }
            case MAP, CHAN -> token(true, false);
            case BREAK, CONTINUE, FALLTHROUGH, RETURN -> token(false, true);
            default -> token(false, false);
        }
        return true;
    }

    private boolean operator() {
        int start = pos;
        int length = operatorLength();
        byte c = src[start];
        pos += length;
        if (c == '.' && length == 1 && pos < src.length && src[pos] >= '0' && src[pos] <= '9') {
            return word(); // a number like .5
        }
        if (assigns(start, length) && innermostLoopAtThisDepth()) {
            headerAssigns[loops - 1] = true;
        }
        // A signature may hold `.` (qualified names), `*` (pointers) and `<-` (channel directions).
        boolean arrow = length == 2 && c == '<' && src[start + 1] == '-';
        boolean increment = length == 2 && (c == '+' || c == '-') && src[start + 1] == c;
        token(length == 1 && (c == '.' || c == '*') || arrow, increment);
        return true;
    }

    private void literal() {
        token(false, true);
    }

    /**
     * Notes any token but a brace: after a `}` at a loop's depth it means the header goes on (a
     * literal in it closed), and in a signature at its outer level anything that cannot be part
     * of a type means a function type without a body.
     */
    private void token(boolean fitsSignature, boolean insertsSemicolon) {
        loopMayEnd = false;
        afterStructOrInterface = false;
        newlineInsertsSemicolon = insertsSemicolon;
        if (signatureNesting == 0 && !fitsSignature) {
            signatureNesting = -1;
        }
    }

    private boolean openBracket() {
        pos++;
        token(true, false);
        if (signatureNesting >= 0) {
            signatureNesting++;
        }
        return true;
    }

    private boolean closeBracket() {
        pos++;
        token(true, true);
        if (signatureNesting >= 0) {
            signatureNesting--; // -1 when the bracket closes outside the signature
        }
        return true;
    }

    private boolean openBrace() {
        pos++;
        if (signatureNesting == 0 && !afterStructOrInterface) {
            enterFunction();
            signatureNesting = -1;
        } else if (signatureNesting >= 0) {
            signatureNesting++; // a struct or interface type in the signature
        }
        loopMayEnd = false;
        afterStructOrInterface = false;
        newlineInsertsSemicolon = false;
        depth++;
        return true;
    }

    /** False when braces do not balance. */
    private boolean closeBrace() {
        pos++;
        decideLoopEnd(); // a `}` right after a loop's `}`: the loop's block closes
        if (depth == 0) {
            return false;
        }
        depth--;
        signatureNesting = signatureNesting > 0 ? signatureNesting - 1 : -1;
        afterStructOrInterface = false;
        newlineInsertsSemicolon = true;
        if (functions > 0 && functionDepths[functions - 1] == depth) {
            functions--;
            loops = loopFloor;
            loopFloor = outerLoopFloors[functions];
        }
        while (loops > loopFloor && loopDepths[loops - 1] > depth) {
            loops--; // the block holding the loop closed
        }
        loopMayEnd = innermostLoopAtThisDepth();
        return true;
    }

    private void lineEnd() {
        if (newlineInsertsSemicolon) {
            semicolon();
        }
    }

    private void semicolon() {
        decideLoopEnd();
        token(false, false);
        if (innermostLoopAtThisDepth()) {
            headerSemicolons[loops - 1]++; // counts only while in the loop's header
        }
    }

    /**
     * After a `}` at the innermost loop's depth, a semicolon or `}` ends the loop unless its
     * header may still go on: a three-clause header whose init assigned a literal, say
     * {@code for s := []int{}; len(s) < 3; {}}. A range header has no semicolons, one with two is
     * complete, and one with none and no assignment or arrow is a bare condition.
     */
    private void decideLoopEnd() {
        if (!loopMayEnd) {
            return;
        }
        loopMayEnd = false;
        int top = loops - 1;
        if (headerRanges[top] || headerSemicolons[top] >= 2 || headerSemicolons[top] == 0 && !headerAssigns[top]) {
            loops--;
        }
    }

    private boolean innermostLoopAtThisDepth() {
        return loops > loopFloor && loopDepths[loops - 1] == depth;
    }

    private void pushLoop() {
        if (loops == loopDepths.length) {
            int size = loops * 2;
            loopDepths = Arrays.copyOf(loopDepths, size);
            headerSemicolons = Arrays.copyOf(headerSemicolons, size);
            headerAssigns = Arrays.copyOf(headerAssigns, size);
            headerRanges = Arrays.copyOf(headerRanges, size);
        }
        loopDepths[loops] = depth;
        headerSemicolons[loops] = 0;
        headerAssigns[loops] = false;
        headerRanges[loops] = false;
        loops++;
    }

    private void enterFunction() {
        if (functions == functionDepths.length) {
            functionDepths = Arrays.copyOf(functionDepths, functions * 2);
            outerLoopFloors = Arrays.copyOf(outerLoopFloors, functions * 2);
        }
        functionDepths[functions] = depth;
        outerLoopFloors[functions] = loopFloor;
        functions++;
        loopFloor = loops;
    }

    /** The length of the operator at pos, longest match first, as Go's scanner reads it. */
    private int operatorLength() {
        byte c = src[pos];
        byte next = at(pos + 1);
        return switch (c) {
            case '<', '>' -> next == c ? (at(pos + 2) == '=' ? 3 : 2) : next == '=' || c == '<' && next == '-' ? 2 : 1;
            case '&' -> next == '^' ? (at(pos + 2) == '=' ? 3 : 2) : next == '&' || next == '=' ? 2 : 1;
            case '.' -> next == '.' && at(pos + 2) == '.' ? 3 : 1;
            case '+', '-', '|' -> next == c || next == '=' ? 2 : 1;
            case '*', '/', '%', '^', '=', '!', ':' -> next == '=' ? 2 : 1;
            default -> 1;
        };
    }

    private byte at(int index) {
        return index < src.length ? src[index] : 0;
    }

    /** An assignment ({@code =}, {@code :=}, {@code +=}, {@code <<=}, ...) or an arrow. */
    private boolean assigns(int start, int length) {
        if (src[start + length - 1] != '=') {
            return length == 2 && src[start] == '<' && src[start + 1] == '-';
        }
        return length != 2 || "=!<>".indexOf(src[start]) < 0;
    }

    /** The keyword spelled by src[start, start+length), or null for any other word. */
    private Keyword keyword(int start, int length) {
        if (length >= Keyword.BY_LENGTH.length || src[start] < 'a' || src[start] > 'z') {
            return null;
        }
        for (Keyword keyword : Keyword.BY_LENGTH[length]) {
            if (spells(keyword.spelling, start)) {
                return keyword;
            }
        }
        return null;
    }

    private boolean spells(byte[] spelling, int start) {
        for (int i = 0; i < spelling.length; i++) {
            if (src[start + i] != spelling[i]) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits, `_` and every byte of a multi-byte UTF-8 sequence (Unicode letters). */
    private static boolean isWordByte(byte c) {
        return WORD_BYTES[c & 0xFF];
    }

    private static boolean[] wordBytes() {
        boolean[] word = new boolean[256];
        for (int c = 0; c < 256; c++) {
            word[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80;
        }
        return word;
    }

    /** The first index of {@code c} in [from, to), or -1. */
    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (src[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfCommentEnd(int from) {
        for (int i = from; i + 1 < src.length; i++) {
            if (src[i] == '*' && src[i + 1] == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Horspool's search: the last byte of each five-byte window says how far the next may start. */
    private static boolean mentionsDefer(byte[] text) {
        int i = 4;
        while (i < text.length) {
            byte last = text[i];
            if (last == 'r' && text[i - 4] == 'd' && text[i - 3] == 'e' && text[i - 2] == 'f' && text[i - 1] == 'e') {
                return true;
            }
            i += switch (last) {
                case 'd' -> 4;
                case 'e' -> 1;
                case 'f' -> 2;
                default -> 5;
            };
        }
        return false;
    }

    private enum Keyword {
        BREAK, CASE, CHAN, CONST, CONTINUE, DEFAULT, DEFER, ELSE, FALLTHROUGH, FOR, FUNC, GO, GOTO, IF, IMPORT,
        INTERFACE, MAP, PACKAGE, RANGE, RETURN, SELECT, STRUCT, SWITCH, TYPE, VAR;

        static final Keyword[][] BY_LENGTH = new Keyword[12][0];

        static {
            for (Keyword keyword : values()) {
                Keyword[] same = Arrays.copyOf(BY_LENGTH[keyword.spelling.length], BY_LENGTH[keyword.spelling.length].length + 1);
                same[same.length - 1] = keyword;
                BY_LENGTH[keyword.spelling.length] = same;
            }
        }

        final byte[] spelling = name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
}
