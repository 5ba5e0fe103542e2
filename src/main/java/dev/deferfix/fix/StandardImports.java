package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;

/** Whether a file imports a standard package under its own name, so that name means that package. */
final class StandardImports {
    private StandardImports() {
    }

    /** {@code import "sync"} or {@code import sync "sync"} for path "sync" (a path of one element). */
    static boolean importsAsItself(SyntaxNode root, String path) {
        for (SyntaxNode spec : root.descendants(NodeKind.IMPORT_SPEC)) {
            SyntaxNode name = spec.firstChild(TokenKind.IDENTIFIER);
            boolean named = name == null ? spec.firstChild(TokenKind.DOT) == null : name.text().equals(path);
            if (named && spec.firstChild(NodeKind.IMPORT_PATH).text().equals("\"" + path + "\"")) {
                return true;
            }
        }
        return false;
    }
}
