package dev.deferfix.fix;

import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import java.util.HashSet;
import java.util.Set;

/**
 * The lines that end with a comment after code. gofmt aligns such comments
 * across consecutive lines, so an edit that adds, removes or separates them
 * changes the alignment of its neighbours.
 */
final class TrailingComments {
    private final Set<Integer> lines = new HashSet<>();

    TrailingComments(ParsedFile file) {
        int codeLine = -1;
        for (GoToken token : file.tokens()) {
            if (token.start() == token.end()) {
                continue;
            }
            int line = file.source().line(token.start());
            if (token.isComment()) {
                if (line == codeLine) {
                    lines.add(line);
                }
            } else if (!token.isHidden()) {
                codeLine = file.source().line(token.end() - 1);
            }
        }
    }

    boolean has(int line) {
        return lines.contains(line);
    }
}
