package dev.deferfix.parse.antlr;

/**
 * Receives every token of a file in source order, hidden ones and inserted
 * semicolons included. Offsets are UTF-16 indexes, {@code end} exclusive.
 */
@FunctionalInterface
public interface TokenSink {
    /** Ignores every token. (A class, not a lambda: a lambda's first call costs every start-up.) */
    TokenSink NONE = new TokenSink() {
        @Override
        public void token(int type, int start, int end) {
        }
    };

    void token(int type, int start, int end);
}
