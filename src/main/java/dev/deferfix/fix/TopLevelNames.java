package dev.deferfix.fix;

import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a file declares at package level, read from its tokens alone: its
 * package name, the names of its functions without a receiver, and every
 * name its var, const, type and func declarations introduce at top level.
 * Lexing is a fraction of parsing, and the goroutine join proof asks this of
 * every other file of a package (net has 196). A file that may start a
 * function with {@code defer close(...)} still needs its tree, to see which
 * parameter such a function closes: {@link #mayCloseFirst()} tells.
 *
 * @param packageName   the package clause's name ("" if there is none)
 * @param functions     top-level functions without a receiver, in order
 * @param names         every top-level name, the functions' included
 * @param interfaces    the names of the interface types it declares ({@code type R interface {...}})
 * @param mayCloseFirst whether the tokens {@code defer close (} occur anywhere
 */
record TopLevelNames(String packageName, List<String> functions, Set<String> names, Set<String> interfaces,
                     boolean mayCloseFirst) {

    static TopLevelNames of(List<GoToken> allTokens, SourceText source) {
        List<GoToken> tokens = new ArrayList<>();
        for (GoToken token : allTokens) {
            if (!token.isHidden()) {
                tokens.add(token);
            }
        }
        return new Scan(tokens, source).run();
    }

    /** One pass over the significant tokens, keeping the nesting depth of (), [] and {}. */
    private static final class Scan {
        private final List<GoToken> tokens;
        private final SourceText source;
        private final List<String> functions = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private final Set<String> interfaces = new HashSet<>();
        private String packageName = "";
        private boolean mayCloseFirst;

        Scan(List<GoToken> tokens, SourceText source) {
            this.tokens = tokens;
            this.source = source;
        }

        TopLevelNames run() {
            int depth = 0;
            for (int i = 0; i < tokens.size(); i++) {
                TokenKind kind = kindAt(i);
                if (kind == TokenKind.DEFER && kindAt(i + 1) == TokenKind.IDENTIFIER && textAt(i + 1).equals("close")
                        && kindAt(i + 2) == TokenKind.L_PAREN) {
                    mayCloseFirst = true;
                }
                if (depth == 0) {
                    topLevel(kind, i);
                }
                depth += nesting(kind);
            }
            return new TopLevelNames(packageName, List.copyOf(functions), Set.copyOf(names), Set.copyOf(interfaces),
                    mayCloseFirst);
        }

        private void topLevel(TokenKind kind, int at) {
            switch (kind) {
                case PACKAGE -> {
                    if (kindAt(at + 1) == TokenKind.IDENTIFIER) {
                        packageName = textAt(at + 1);
                    }
                }
                case FUNC -> {
                    if (kindAt(at + 1) == TokenKind.IDENTIFIER) {
                        functions.add(textAt(at + 1));
                        names.add(textAt(at + 1));
                    }
                }
                case VAR, CONST, TYPE -> {
                    if (kindAt(at + 1) == TokenKind.L_PAREN) {
                        group(at + 2, kind);
                    } else {
                        spec(at + 1, kind);
                    }
                }
                default -> {
                    // anything else at top level declares nothing
                }
            }
        }

        /** The specs of {@code var (...)}: one starts after the parenthesis and after each semicolon at its level. */
        private void group(int from, TokenKind kind) {
            int depth = 0;
            boolean specStarts = true;
            for (int i = from; i < tokens.size(); i++) {
                TokenKind here = kindAt(i);
                if (depth == 0 && here == TokenKind.R_PAREN) {
                    return;
                }
                if (depth == 0 && specStarts) {
                    spec(i, kind);
                }
                specStarts = depth == 0 && here == TokenKind.SEMI;
                depth += nesting(here);
            }
        }

        /** A var or const spec names a list ({@code a, b int}), a type spec one name. */
        private void spec(int at, TokenKind kind) {
            if (kind == TokenKind.TYPE && kindAt(at) == TokenKind.IDENTIFIER && kindAt(at + 1) == TokenKind.INTERFACE) {
                interfaces.add(textAt(at));
            }
            for (int i = at; kindAt(i) == TokenKind.IDENTIFIER; i += 2) {
                names.add(textAt(i));
                if (kind == TokenKind.TYPE || kindAt(i + 1) != TokenKind.COMMA) {
                    return;
                }
            }
        }

        private TokenKind kindAt(int index) {
            return index < tokens.size() ? tokens.get(index).kind() : null;
        }

        private String textAt(int index) {
            return tokens.get(index).text(source);
        }

    }

    /** How a token changes the nesting depth of (), [] and {}. */
    static int nesting(TokenKind kind) {
        if (kind == TokenKind.L_PAREN || kind == TokenKind.L_BRACKET || kind == TokenKind.L_BRACE) {
            return 1;
        }
        return kind == TokenKind.R_PAREN || kind == TokenKind.R_BRACKET || kind == TokenKind.R_BRACE ? -1 : 0;
    }
}
