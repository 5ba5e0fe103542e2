package dev.deferfix.fix;

import java.util.HashSet;
import java.util.Set;

/**
 * The names of the functions (no receiver) a file may declare, read from
 * its bytes alone: each name that follows {@code func} and blanks and is
 * followed by blanks and {@code (} or {@code [}. A match may also lie in a
 * comment or a string, so a file named here still needs parsing to be sure;
 * a file not named here for a name cannot declare that function. Far
 * cheaper than lexing, for a package like net with 196 files.
 */
final class FunctionHeaders {
    private static final ByteSearch FUNC = new ByteSearch("func");

    private FunctionHeaders() {
    }

    static Set<String> namesIn(byte[] content) {
        Set<String> names = new HashSet<>();
        for (int at = indexOfFunc(content, 0); at >= 0; at = indexOfFunc(content, at + 4)) {
            int start = at + 4;
            if (start >= content.length || !isBlank(content[start])) {
                continue; // funcs, func(
            }
            while (start < content.length && isBlank(content[start])) {
                start++;
            }
            int end = start;
            while (end < content.length && isNamePart(content[end])) {
                end++;
            }
            int next = end;
            while (next < content.length && isBlank(content[next])) {
                next++;
            }
            if (end > start && next < content.length && (content[next] == '(' || content[next] == '[')) {
                names.add(new String(content, start, end - start, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    /** The next "func" at or after {@code from} that starts the file or follows a blank; -1 if none. */
    private static int indexOfFunc(byte[] content, int from) {
        int at = FUNC.in(content, from);
        while (at > 0 && !isBlank(content[at - 1])) {
            at = FUNC.in(content, at + 1);
        }
        return at;
    }

    /** A letter, digit, underscore, or a byte of a multi-byte UTF-8 character (Go allows Unicode letters). */
    private static boolean isNamePart(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b < 0;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
