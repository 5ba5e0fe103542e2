package dev.deferfix.parse.antlr;

/**
 * Receives the parse as it happens: rules opening and closing, and the
 * tokens they consume. Offsets are UTF-16 indexes, {@code end} exclusive.
 */
public interface TreeSink {
    /** A rule starts; it spans the tokens it consumes until it exits, or sits after the previous token if none. */
    void enterRule(int ruleIndex);

    void token(int type, int start, int end);

    void exitRule();
}
