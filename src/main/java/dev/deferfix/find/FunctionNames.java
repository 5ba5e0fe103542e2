package dev.deferfix.find;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;

/** Go-style names of functions: "Open", "(*File).Close", "Set[T].Add", or "func literal". */
public final class FunctionNames {
    public static final String LITERAL = "func literal";

    private FunctionNames() {
    }

    public static String of(SyntaxNode function) {
        if (function == null || function.is(NodeKind.FUNC_LIT)) {
            return LITERAL;
        }
        String name = function.firstChild(TokenKind.IDENTIFIER).text();
        SyntaxNode receiver = function.firstChild(NodeKind.RECEIVER);
        if (receiver == null) {
            return name;
        }
        SyntaxNode parameter = receiver.descendants(NodeKind.PARAMETER_DECL).stream().findFirst().orElse(null);
        if (parameter == null) {
            return name;
        }
        String type = WhiteSpace.removed(parameter.firstChild(NodeKind.TYPE).text());
        return (type.startsWith("*") ? "(" + type + ")" : type) + "." + name;
    }
}
