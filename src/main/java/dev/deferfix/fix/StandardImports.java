package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;

/** Whether a file imports a standard package under its own name (the names imports bind: {@link ImportNames}). */
final class StandardImports {
    private StandardImports() {
    }

    /**
     * {@code import "sync"} or {@code import sync "sync"} for path "sync":
     * the package is bound to the last element of its path
     * ({@code filepath} for "path/filepath").
     */
    static boolean importsAsItself(SyntaxNode root, String path) {
        String ownName = path.substring(path.lastIndexOf('/') + 1);
        for (SyntaxNode spec : ImportNames.specs(root)) {
            SyntaxNode name = spec.firstChild(TokenKind.IDENTIFIER);
            boolean named = name == null ? spec.firstChild(TokenKind.DOT) == null : name.text().equals(ownName);
            if (named && spec.firstChild(NodeKind.IMPORT_PATH).text().equals("\"" + path + "\"")) {
                return true;
            }
        }
        return false;
    }
}
