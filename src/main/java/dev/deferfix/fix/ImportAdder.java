package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a standard-library import the way gofmt would keep it: into the first
 * parenthesized import group at its sorted place, turning a single-line
 * {@code import "os"} into a block, or as a new declaration after the package
 * clause when the file imports nothing.
 */
public final class ImportAdder {
    private ImportAdder() {
    }

    /**
     * Edits that make {@code path} importable under its own name; empty when
     * it already is; null when the name is taken (imported under another name,
     * or declared by the file).
     */
    public static List<Edit> ensure(ParsedFile file, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        List<SyntaxNode> declarations = file.root().children(NodeKind.IMPORT_DECL);
        for (SyntaxNode spec : ImportNames.specs(file.root())) {
            String specPath = unquote(spec.firstChild(NodeKind.IMPORT_PATH).text());
            if (specPath.equals(path)) {
                return spec.children().size() == 1 ? List.of() : null;
            }
            SyntaxNode alias = spec.firstChild(TokenKind.IDENTIFIER);
            if (alias != null ? alias.text().equals(name) : specPath.endsWith("/" + name)) {
                return null;
            }
        }
        if (Declarations.declaredWithin(file.root()).contains(name)) {
            return null;
        }
        String eol = file.source().lineEnding();
        String quoted = "\"" + path + "\"";
        if (declarations.isEmpty()) {
            return List.of(Edit.insert(file.root().firstChild(NodeKind.PACKAGE_CLAUSE).end(),
                    eol + eol + "import " + quoted));
        }
        SyntaxNode first = declarations.get(0);
        List<SyntaxNode> specs = first.children(NodeKind.IMPORT_SPEC);
        if (!first.hasChild(TokenKind.L_PAREN)) {
            SyntaxNode only = specs.get(0);
            boolean before = path.compareTo(unquote(only.firstChild(NodeKind.IMPORT_PATH).text())) < 0;
            String lines = before ? "\t" + quoted + eol + "\t" + only.text() : "\t" + only.text() + eol + "\t" + quoted;
            return List.of(new Edit(first.start(), first.end(), "import (" + eol + lines + eol + ")"));
        }
        if (specs.isEmpty()) {
            return null;
        }
        Edit insertion = insertIntoFirstGroup(file, specs, path, quoted, eol);
        return insertion == null ? null : List.of(insertion);
    }

    /** The insertion at the sorted place of the first group, or null when the group's layout has no line for it. */
    private static Edit insertIntoFirstGroup(ParsedFile file, List<SyntaxNode> specs, String path, String quoted,
                                             String eol) {
        String text = file.source().text();
        List<SyntaxNode> group = new ArrayList<>();
        for (SyntaxNode spec : specs) {
            if (!group.isEmpty() && file.source().line(spec.start())
                    > file.source().line(group.get(group.size() - 1).end()) + 1) {
                break; // a blank line (or comment line) ends gofmt's sorting group
            }
            group.add(spec);
        }
        String indent = SourceLines.indentAt(text, group.get(0).start());
        for (SyntaxNode spec : group) {
            if (path.compareTo(unquote(spec.firstChild(NodeKind.IMPORT_PATH).text())) < 0) {
                return SourceLines.startsLine(text, spec.start())
                        ? Edit.insert(SourceLines.lineStart(text, spec.start()), indent + quoted + eol) : null;
            }
        }
        SyntaxNode last = group.get(group.size() - 1);
        // A ")" on the last spec's line (not gofmt's layout) leaves no line to add after it.
        return SourceLines.trailingComment(text, last.end()) == null ? null
                : Edit.insert(SourceLines.nextLineStart(text, last.end()), indent + quoted + eol);
    }

    private static String unquote(String literal) {
        return literal.substring(1, literal.length() - 1);
    }
}
