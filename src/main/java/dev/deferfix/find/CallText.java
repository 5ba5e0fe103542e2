package dev.deferfix.find;

import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The deferred call as one line of code for messages and fingerprints:
 * comments dropped, line breaks turned into spaces (or ";" between
 * statements), no space just inside brackets, no trailing comma of a
 * multi-line argument list. Editing a comment inside the call therefore
 * changes neither the message nor the fingerprint.
 */
final class CallText {
    private static final Set<TokenKind> NO_SPACE_AFTER = Set.of(TokenKind.L_PAREN, TokenKind.L_BRACKET, TokenKind.DOT);
    private static final Set<TokenKind> NO_SPACE_BEFORE =
            Set.of(TokenKind.R_PAREN, TokenKind.R_BRACKET, TokenKind.COMMA, TokenKind.DOT);
    private static final Set<TokenKind> CLOSERS = Set.of(TokenKind.R_PAREN, TokenKind.R_BRACE, TokenKind.R_BRACKET);

    private record Piece(GoToken token, boolean spaceBefore) {
    }

    private CallText() {
    }

    static String of(ParsedFile file, SyntaxNode call) {
        List<Piece> pieces = pieces(file, call);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            GoToken token = pieces.get(i).token();
            TokenKind next = i + 1 < pieces.size() ? pieces.get(i + 1).token().kind() : null;
            boolean closerFollows = next == null || CLOSERS.contains(next);
            if ((token.kind() == TokenKind.COMMA || token.kind() == TokenKind.SEMI) && closerFollows) {
                continue;
            }
            GoToken previous = i > 0 ? pieces.get(i - 1).token() : null;
            if (pieces.get(i).spaceBefore() && previous != null && !NO_SPACE_AFTER.contains(previous.kind())
                    && !NO_SPACE_BEFORE.contains(token.kind()) && token.kind() != TokenKind.SEMI) {
                text.append(' ');
            }
            text.append(token.start() == token.end() ? ";" : token.text(file.source()));
        }
        return text.toString();
    }

    /** The visible tokens of the call (inserted semicolons included), each noting whether space preceded it. */
    private static List<Piece> pieces(ParsedFile file, SyntaxNode call) {
        List<Piece> pieces = new ArrayList<>();
        boolean space = false;
        for (int i = file.tokenIndexAt(call.start()); i < file.tokens().size(); i++) {
            GoToken token = file.tokens().get(i);
            if (token.start() >= call.end()) {
                break;
            }
            if (token.isHidden()) {
                space = true;
            } else {
                pieces.add(new Piece(token, space));
                space = false;
            }
        }
        return pieces;
    }
}
