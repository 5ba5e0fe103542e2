package dev.deferfix.parse.antlr;

/**
 * Receives every token of a file in source order, hidden ones and inserted
 * semicolons included. Offsets are UTF-16 indexes, {@code end} exclusive.
 */
@FunctionalInterface
public interface TokenSink {
    TokenSink NONE = (type, start, end) -> { };

    void token(int type, int start, int end);
}
