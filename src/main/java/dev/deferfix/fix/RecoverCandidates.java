package dev.deferfix.fix;

import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.TokenKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The top-level functions and methods of a file whose tokens hold
 * {@code recover (}, read from the tokens alone: a superset of those that
 * call recover themselves (a call in a nested literal counts here), so only
 * a file with a candidate of the name asked about needs parsing. Lexing is a
 * fraction of parsing.
 *
 * @param functions names of such functions without a receiver
 * @param methods   names of such methods, of any receiver
 */
record RecoverCandidates(Set<String> functions, Set<String> methods) {

    static RecoverCandidates of(List<GoToken> allTokens, SourceText source) {
        Set<String> functions = new HashSet<>();
        Set<String> methods = new HashSet<>();
        String name = null; // of the top-level function whose tokens these are
        boolean method = false;
        int depth = 0;
        TokenKind previous = null;
        String previousText = "";
        for (GoToken token : allTokens) {
            if (token.isHidden()) {
                continue;
            }
            TokenKind kind = token.kind();
            String text = kind == TokenKind.IDENTIFIER ? token.text(source) : "";
            if (depth == 0) {
                if (kind == TokenKind.FUNC || kind == TokenKind.VAR || kind == TokenKind.CONST
                        || kind == TokenKind.TYPE || kind == TokenKind.IMPORT) {
                    name = null; // a new declaration
                    method = false;
                } else if (kind == TokenKind.L_PAREN && previous == TokenKind.FUNC) {
                    method = true; // a receiver; the name follows it
                } else if (kind == TokenKind.IDENTIFIER && name == null
                        && (previous == TokenKind.FUNC || method && previous == TokenKind.R_PAREN)) {
                    name = text;
                }
            }
            if (kind == TokenKind.L_PAREN && name != null && previous == TokenKind.IDENTIFIER
                    && previousText.equals("recover")) {
                (method ? methods : functions).add(name);
            }
            depth += TopLevelNames.nesting(kind);
            previous = kind;
            previousText = text;
        }
        return new RecoverCandidates(functions, methods);
    }
}
