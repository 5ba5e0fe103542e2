package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.HashSet;
import java.util.Set;

/** Which names a file's imports bind, and whether one is a standard package under its own name. */
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
        for (SyntaxNode spec : root.descendants(NodeKind.IMPORT_SPEC)) {
            SyntaxNode name = spec.firstChild(TokenKind.IDENTIFIER);
            boolean named = name == null ? spec.firstChild(TokenKind.DOT) == null : name.text().equals(ownName);
            if (named && spec.firstChild(NodeKind.IMPORT_PATH).text().equals("\"" + path + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** The names the file's imports bind: the explicit name, else the path's last element without "go-" or ".vN". */
    static Set<String> boundNames(SyntaxNode root) {
        Set<String> names = new HashSet<>();
        for (SyntaxNode spec : root.descendants(NodeKind.IMPORT_SPEC)) {
            SyntaxNode name = spec.firstChild(TokenKind.IDENTIFIER);
            if (name != null) {
                names.add(name.text());
                continue;
            }
            String path = spec.firstChild(NodeKind.IMPORT_PATH).text().replace("\"", "").replace("`", "");
            String[] elements = path.split("/");
            String last = elements[elements.length - 1];
            if (last.matches("v[0-9]+") && elements.length > 1) {
                last = elements[elements.length - 2];
            }
            last = last.replaceFirst("^go-", "").replaceFirst("[.-]v[0-9]+$", "").replaceFirst("\\.go$", "");
            names.add(last);
        }
        return names;
    }
}
