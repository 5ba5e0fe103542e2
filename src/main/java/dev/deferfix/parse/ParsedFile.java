package dev.deferfix.parse;

import java.util.List;

/**
 * The result of parsing one file: its text, its syntax tree and every token
 * (hidden ones included, so the tokens print back to the exact text).
 *
 * @param deferStatements the DEFER_STMT nodes of the tree in source order, gathered while it was built
 *                        (walking a whole tree for them costs more than detecting)
 */
public record ParsedFile(SourceText source, SyntaxNode root, List<GoToken> tokens, List<SyntaxNode> deferStatements,
                         boolean neededFullContext) {

    public String path() {
        return source.path();
    }

    /** The index of the first token that starts at or after {@code offset}. */
    public int tokenIndexAt(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
