package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a file's imports bind, read by hand (no regular expressions: a
 * one-file run executes this): the explicit name, else the path's last
 * element without a "go-" prefix, a ".go" suffix or a version ({@code v2},
 * {@code yaml.v3}).
 */
final class ImportNames {
    private ImportNames() {
    }

    static Set<String> of(SyntaxNode root) {
        Set<String> names = new HashSet<>();
        for (SyntaxNode spec : specs(root)) {
            SyntaxNode name = spec.firstChild(TokenKind.IDENTIFIER);
            SyntaxNode path = spec.firstChild(NodeKind.IMPORT_PATH);
            if (name != null) {
                names.add(name.text());
            } else if (path != null) {
                names.add(lastElement(path.text().replace("\"", "").replace("`", "")));
            }
        }
        return names;
    }

    /**
     * The file's import specs. Imports come right after the package clause,
     * so only the root's import declarations are read, not the whole tree
     * (the escape analysis asks for every use it follows).
     */
    static List<SyntaxNode> specs(SyntaxNode root) {
        List<SyntaxNode> specs = new ArrayList<>();
        for (SyntaxNode declaration : root.children(NodeKind.IMPORT_DECL)) {
            specs.addAll(declaration.children(NodeKind.IMPORT_SPEC));
        }
        return specs;
    }

    static String lastElement(String path) {
        String[] elements = path.split("/");
        String last = elements[elements.length - 1];
        if (isVersion(last, 0) && elements.length > 1) {
            last = elements[elements.length - 2];
        }
        if (last.startsWith("go-")) {
            last = last.substring(3);
        }
        if (last.endsWith(".go")) {
            last = last.substring(0, last.length() - 3);
        }
        int cut = Math.max(last.lastIndexOf('.'), last.lastIndexOf('-'));
        if (cut > 0 && isVersion(last, cut + 1)) {
            last = last.substring(0, cut);
        }
        return last;
    }

    /** "v" and digits from {@code from} to the end. */
    private static boolean isVersion(String text, int from) {
        if (text.length() < from + 2 || text.charAt(from) != 'v') {
            return false;
        }
        for (int i = from + 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
