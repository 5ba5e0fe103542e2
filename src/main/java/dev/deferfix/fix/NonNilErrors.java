package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.List;

/**
 * Decides, from the syntax alone, that a return statement returns an error
 * that is not nil: {@code return err} right inside {@code if err != nil {}}
 * with no assignment to err before it in that block, or
 * {@code return fmt.Errorf(...)} / {@code return errors.New(...)} with the
 * package imported under its own name.
 */
public final class NonNilErrors {
    private NonNilErrors() {
    }

    public static boolean provablyNonNil(SyntaxNode returnStatement, ParsedFile file) {
        SyntaxNode values = returnStatement.firstChild(NodeKind.EXPRESSION_LIST);
        if (values == null || values.children(NodeKind.EXPRESSION).size() != 1) {
            return false;
        }
        SyntaxNode value = values.child(0);
        String callee = GoTrees.calleeText(value);
        if ("fmt.Errorf".equals(callee)) {
            return imports(file, "fmt");
        }
        if ("errors.New".equals(callee)) {
            return imports(file, "errors");
        }
        return isIdentifier(value) && checkedNonNilJustBefore(returnStatement, value.text());
    }

    private static boolean checkedNonNilJustBefore(SyntaxNode returnStatement, String name) {
        SyntaxNode statement = returnStatement.parent();
        SyntaxNode list = statement.parent();
        SyntaxNode block = list.parent();
        SyntaxNode ifStatement = block.parent();
        if (!block.is(NodeKind.BLOCK) || ifStatement == null || !ifStatement.is(NodeKind.IF_STMT)
                || ifStatement.firstChild(NodeKind.BLOCK) != block) {
            return false;
        }
        if (!WhiteSpace.removed(condition(ifStatement.firstChild(NodeKind.IF_HEADER))).equals(name + "!=nil")) {
            return false;
        }
        for (SyntaxNode earlier : list.children()) {
            if (earlier == statement) {
                return true;
            }
            if (assigns(earlier, name)) {
                return false;
            }
        }
        return false;
    }

    /** The if's condition text; without an init statement the grammar reads it as a simple statement. */
    private static String condition(SyntaxNode header) {
        List<SyntaxNode> parts = header.children();
        if (parts.isEmpty()) {
            return "";
        }
        SyntaxNode last = parts.get(parts.size() - 1);
        if (last.is(NodeKind.SIMPLE_STMT)) {
            return last.children().size() == 1 ? last.text() : "";
        }
        return last.text();
    }

    private static boolean assigns(SyntaxNode statement, String name) {
        boolean[] found = new boolean[1];
        statement.walk(node -> true, node -> {
            if (node.is(NodeKind.SIMPLE_STMT) && node.children().size() > 1 && !node.child(1).is(TokenKind.ARROW)) {
                for (SyntaxNode target : node.child(0).children(NodeKind.EXPRESSION)) {
                    found[0] |= target.text().equals(name);
                }
            }
            found[0] |= node.is(NodeKind.UNARY_OP) && node.text().equals("&");
        });
        return found[0];
    }

    private static boolean isIdentifier(SyntaxNode expression) {
        return Identifiers.isIdentifier(expression.text());
    }

    private static boolean imports(ParsedFile file, String path) {
        for (SyntaxNode spec : ImportNames.specs(file.root())) {
            if (spec.children().size() == 1 && spec.text().equals("\"" + path + "\"")) {
                return true;
            }
        }
        return false;
    }
}
