package dev.deferfix.fix;

import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import java.util.List;

/**
 * The lines that end with a comment after code. gofmt aligns such comments
 * across consecutive lines, so an edit that adds, removes or separates them
 * changes the alignment of its neighbours. Lines are looked at when asked:
 * a rewrite asks about a few lines of a file that may have many thousands.
 */
final class TrailingComments {
    private final SourceText source;
    private final List<GoToken> tokens;
    private final ParsedFile file;

    TrailingComments(ParsedFile file) {
        this.file = file;
        this.source = file.source();
        this.tokens = file.tokens();
    }

    boolean has(int line) {
        return startOn(line) >= 0;
    }

    /**
     * The offset where the trailing comment of {@code line} starts, or -1: the first comment
     * starting on the line after a code token that ends on it (a raw string may start above).
     */
    int startOn(int line) {
        if (line < 1 || line > source.line(source.length())) {
            return -1;
        }
        int index = file.tokenIndexAt(source.lineStart(line));
        int codeLine = -1;
        for (int i = index - 1; i >= 0; i--) {
            GoToken token = tokens.get(i);
            if (isCode(token)) {
                codeLine = source.line(token.end() - 1);
                break;
            }
        }
        for (int i = index; i < tokens.size(); i++) {
            GoToken token = tokens.get(i);
            if (token.start() == token.end()) {
                continue;
            }
            if (source.line(token.start()) != line) {
                break;
            }
            if (token.isComment()) {
                if (codeLine == line) {
                    return token.start();
                }
            } else if (isCode(token)) {
                codeLine = source.line(token.end() - 1);
            }
        }
        return -1;
    }

    private static boolean isCode(GoToken token) {
        return token.start() != token.end() && !token.isHidden();
    }
}
