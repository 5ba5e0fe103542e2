package dev.deferfix.fix;

import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import java.util.HashMap;
import java.util.Map;

/**
 * The lines that end with a comment after code. gofmt aligns such comments
 * across consecutive lines, so an edit that adds, removes or separates them
 * changes the alignment of its neighbours.
 */
final class TrailingComments {
    private final Map<Integer, Integer> commentStarts = new HashMap<>();

    TrailingComments(ParsedFile file) {
        int codeLine = -1;
        for (GoToken token : file.tokens()) {
            if (token.start() == token.end()) {
                continue;
            }
            int line = file.source().line(token.start());
            if (token.isComment()) {
                if (line == codeLine) {
                    commentStarts.putIfAbsent(line, token.start());
                }
            } else if (!token.isHidden()) {
                codeLine = file.source().line(token.end() - 1);
            }
        }
    }

    boolean has(int line) {
        return commentStarts.containsKey(line);
    }

    /** The offset where the trailing comment of {@code line} starts, or -1. */
    int startOn(int line) {
        return commentStarts.getOrDefault(line, -1);
    }
}
