package dev.deferfix.parse.antlr;

/**
 * Receives the parse as it happens: rules opening and closing, and the
 * tokens they consume. Offsets are UTF-16 indexes, {@code end} exclusive.
 */
public interface TreeSink {
    /** A rule starts; {@code start} is where its first token (or, if it is empty, the next token) starts. */
    void enterRule(int ruleIndex, int start);

    void token(int type, int start, int end);

    void exitRule();
}
