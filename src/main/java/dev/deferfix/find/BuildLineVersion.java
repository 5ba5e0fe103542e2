package dev.deferfix.find;

/**
 * The Go version a file's {@code //go:build} line sets for it. Since Go 1.21 a
 * build line that needs an older Go than the module's {@code go} directive
 * ({@code //go:build go1.21} in a {@code go 1.22} module) makes the compiler
 * use that older version's semantics for the file, shared loop variables
 * included; modules before Go 1.21 ignore it. The version a constraint needs
 * is the one {@code go/build/constraint.GoVersion} computes: the lowest
 * {@code go1.N} that every way of satisfying it requires ({@code go1.21 && linux}
 * needs 1.21, {@code go1.21 || linux} nothing). Read by hand: a one-file run
 * executes this.
 */
public final class BuildLineVersion {
    private static final String PREFIX = "//go:build";

    private BuildLineVersion() {
    }

    /**
     * The version to judge the file by: {@code module}, or the older one its build line names.
     *
     * @param text        the file's source
     * @param displayPath how messages name the file
     */
    public static GoVersion apply(GoVersion module, String text, String displayPath) {
        boolean downgradable = module.major() > 1 || module.minor() >= 21;
        String expression = downgradable ? buildExpression(text) : null;
        if (expression == null) {
            return module;
        }
        int needed = new Parser(expression).minimumMinor();
        if (needed < 0 || module.major() == 1 && needed >= module.minor()) {
            return module;
        }
        return new GoVersion(1, needed, PREFIX + " " + expression + " in " + displayPath + " (the module says "
                + module.text() + ", from " + module.source() + ")");
    }

    /** The expression of the {@code //go:build} line of the file's header (before the package clause), or null. */
    static String buildExpression(String text) {
        int lineStart = 0;
        boolean inBlockComment = false;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd).strip();
            lineStart = lineEnd + 1;
            if (inBlockComment) {
                inBlockComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith(PREFIX) && (line.length() == PREFIX.length()
                    || Character.isWhitespace(line.charAt(PREFIX.length())))) {
                return line.substring(PREFIX.length()).strip();
            }
            if (line.startsWith("/*")) {
                inBlockComment = !line.contains("*/");
                continue;
            }
            if (!line.isEmpty() && !line.startsWith("//") && !line.startsWith("\uFEFF")) {
                return null;
            }
        }
        return null;
    }

    /**
     * Recursive descent over {@code || && ! ( )} and tags. minVersion's sign says whether the
     * expression is under an odd number of negations, where a go1.N tag requires nothing.
     */
    private static final class Parser {
        private static final int NONE = -1;
        private final String text;
        private int at;
        private boolean failed;

        Parser(String text) {
            this.text = text;
        }

        /** The minor version N of the go1.N the expression needs, or NONE. */
        int minimumMinor() {
            Node root = or();
            skipSpace();
            return failed || root == null || at != text.length() ? NONE : root.minVersion(true);
        }

        private Node or() {
            Node left = and();
            while (!failed && consume("||")) {
                left = new Node('|', left, and(), null);
            }
            return left;
        }

        private Node and() {
            Node left = not();
            while (!failed && consume("&&")) {
                left = new Node('&', left, not(), null);
            }
            return left;
        }

        private Node not() {
            if (consume("!")) {
                return new Node('!', not(), null, null);
            }
            if (consume("(")) {
                Node inner = or();
                failed |= !consume(")");
                return inner;
            }
            skipSpace();
            int start = at;
            while (at < text.length() && isTagChar(text.charAt(at))) {
                at++;
            }
            failed |= at == start;
            return new Node('t', null, null, text.substring(start, at));
        }

        private boolean consume(String token) {
            skipSpace();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private static boolean isTagChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }

        /** One operator ('|', '&', '!') or tag ('t') of the expression. */
        private record Node(char kind, Node left, Node right, String tag) {

            /** The lowest minor version satisfying the node requires (positive: not negated), or NONE. */
            int minVersion(boolean positive) {
                switch (kind) {
                    case '!':
                        return left.minVersion(!positive);
                    case '&':
                    case '|':
                        int a = left.minVersion(positive);
                        int b = right.minVersion(positive);
                        boolean both = (kind == '&') == positive;
                        // Both needed: the higher; either one: the lower (NONE, needing nothing, wins).
                        return both ? Math.max(a, b) : Math.min(a, b);
                    default:
                        return positive ? tagVersion(tag) : NONE;
                }
            }

            private static int tagVersion(String tag) {
                if (tag.equals("go1")) {
                    return 0;
                }
                if (!tag.startsWith("go1.") || tag.length() == 4 || tag.length() > 8) {
                    return NONE;
                }
                int minor = 0;
                for (int i = 4; i < tag.length(); i++) {
                    char c = tag.charAt(i);
                    if (c < '0' || c > '9') {
                        return NONE;
                    }
                    minor = minor * 10 + (c - '0');
                }
                return minor;
            }
        }
    }
}
