package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of a function as written in its signature: the type text of
 * each result and, for named results, the names. In Go a result list is
 * either all named or all unnamed; "(a, b int)" names two ints.
 *
 * @param names empty for unnamed results, else one name per type
 * @param types the type text of each result, in order
 */
public record FunctionResults(List<String> names, List<String> types) {

    public static FunctionResults of(SyntaxNode function) {
        SyntaxNode result = function.firstChild(NodeKind.SIGNATURE).firstChild(NodeKind.RESULT);
        if (result == null) {
            return new FunctionResults(List.of(), List.of());
        }
        SyntaxNode single = result.firstChild(NodeKind.TYPE);
        if (single != null) {
            return new FunctionResults(List.of(), List.of(single.text()));
        }
        List<SyntaxNode> declarations = result.firstChild(NodeKind.PARAMETERS).children(NodeKind.PARAMETER_DECL);
        boolean named = false;
        for (SyntaxNode declaration : declarations) {
            named |= declaration.hasChild(TokenKind.IDENTIFIER);
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (SyntaxNode declaration : declarations) {
            String type = declaration.firstChild(NodeKind.TYPE).text();
            if (!named) {
                types.add(type);
            } else if (!declaration.hasChild(TokenKind.IDENTIFIER)) {
                waiting.add(type); // "a" of "a, b int": a name whose type comes later
            } else {
                waiting.add(declaration.firstChild(TokenKind.IDENTIFIER).text());
                for (String name : waiting) {
                    names.add(name);
                    types.add(type);
                }
                waiting.clear();
            }
        }
        return new FunctionResults(List.copyOf(names), List.copyOf(types));
    }

    public boolean isNamed() {
        return !names.isEmpty();
    }

    public int count() {
        return types.size();
    }

    /** The function returns one unnamed error, the shape of the article's "if err := func() error". */
    public boolean isOnlyUnnamedError() {
        return !isNamed() && types.equals(List.of("error"));
    }
}
