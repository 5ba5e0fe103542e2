package dev.deferfix.fix;

import java.nio.charset.StandardCharsets;

/**
 * A byte search for a function's declaration in a file not parsed yet:
 * {@code func name(} or {@code func name[}, with any blanks between. It may
 * also match inside a comment or a string, so a match still needs parsing;
 * a file without one cannot declare the function.
 */
final class FunctionHeaders {
    private static final byte[] FUNC = "func".getBytes(StandardCharsets.US_ASCII);

    private FunctionHeaders() {
    }

    static boolean mayDeclare(byte[] content, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = indexOf(content, wanted, 0); at >= 0; at = indexOf(content, wanted, at + 1)) {
            if (isHeader(content, at, wanted.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the name at {@code at} follows "func" and blanks and is followed by blanks and ( or [. */
    private static boolean isHeader(byte[] content, int at, int length) {
        int after = at + length;
        while (after < content.length && isBlank(content[after])) {
            after++;
        }
        if (after >= content.length || content[after] != '(' && content[after] != '[') {
            return false;
        }
        int before = at - 1;
        if (before < 0 || !isBlank(content[before])) {
            return false;
        }
        while (before >= 0 && isBlank(content[before])) {
            before--;
        }
        int start = before - FUNC.length + 1;
        if (start < 0 || start > 0 && !isBlank(content[start - 1])) {
            return false;
        }
        for (int i = 0; i < FUNC.length; i++) {
            if (content[start + i] != FUNC[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static int indexOf(byte[] content, byte[] wanted, int from) {
        outer:
        for (int i = from; i <= content.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (content[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
