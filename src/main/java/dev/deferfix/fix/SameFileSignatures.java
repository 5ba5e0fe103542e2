package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one file declares about types at package level, read from its tree
 * without a type checker: the written result types of its functions and
 * methods (a method found by its name alone, since the receiver's type is not
 * known at the call), and the names of its interface types.
 */
final class SameFileSignatures {
    private final Map<String, List<SyntaxNode>> functions = new HashMap<>();
    private final Map<String, List<SyntaxNode>> methods = new HashMap<>();
    private final Set<String> interfaces = new HashSet<>();

    private SameFileSignatures() {
    }

    static SameFileSignatures of(SyntaxNode root) {
        SameFileSignatures file = new SameFileSignatures();
        for (SyntaxNode declaration : root.children(NodeKind.TOP_LEVEL_DECL)) {
            SyntaxNode function = declaration.firstChild(NodeKind.FUNC_DECL);
            if (function != null && function.firstChild(TokenKind.IDENTIFIER) != null) {
                Map<String, List<SyntaxNode>> byName =
                        function.firstChild(NodeKind.RECEIVER) == null ? file.functions : file.methods;
                String name = function.firstChild(TokenKind.IDENTIFIER).text();
                List<SyntaxNode> sameName = byName.get(name);
                if (sameName == null) {
                    sameName = new ArrayList<>();
                    byName.put(name, sameName);
                }
                sameName.add(function);
            }
        }
        for (SyntaxNode spec : root.descendants(NodeKind.TYPE_SPEC)) {
            SyntaxNode type = spec.firstChild(NodeKind.TYPE);
            if (type != null && type.firstChild(NodeKind.TYPE_LIT) != null
                    && type.firstChild(NodeKind.TYPE_LIT).firstChild(NodeKind.INTERFACE_TYPE) != null) {
                file.interfaces.add(spec.child(0).text());
            }
        }
        return file;
    }

    /** The file's functions without a receiver named {@code name}. */
    List<SyntaxNode> functionsNamed(String name) {
        return functions.getOrDefault(name, List.of());
    }

    /** The file's methods named {@code name}, of any receiver type. */
    List<SyntaxNode> methodsNamed(String name) {
        return methods.getOrDefault(name, List.of());
    }

    /** Whether the file declares {@code name} as an interface type. */
    boolean isInterface(String name) {
        return interfaces.contains(name);
    }

    /** The TYPE node of each result of a function, in order; "(a, b T)" gives T twice. */
    static List<SyntaxNode> resultTypes(SyntaxNode function) {
        List<SyntaxNode> types = new ArrayList<>();
        SyntaxNode result = function.firstChild(NodeKind.SIGNATURE).firstChild(NodeKind.RESULT);
        if (result == null) {
            return types;
        }
        if (result.firstChild(NodeKind.TYPE) != null) {
            types.add(result.firstChild(NodeKind.TYPE));
            return types;
        }
        List<SyntaxNode> declarations = result.firstChild(NodeKind.PARAMETERS).children(NodeKind.PARAMETER_DECL);
        boolean named = false;
        for (SyntaxNode declaration : declarations) {
            named |= declaration.hasChild(TokenKind.IDENTIFIER);
        }
        int waiting = 0; // "a" of "a, b T": a name whose type comes later
        for (SyntaxNode declaration : declarations) {
            if (named && !declaration.hasChild(TokenKind.IDENTIFIER)) {
                waiting++;
                continue;
            }
            for (int i = 0; i <= waiting; i++) {
                types.add(declaration.firstChild(NodeKind.TYPE));
            }
            waiting = 0;
        }
        return types;
    }
}
