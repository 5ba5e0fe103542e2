package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.SyntaxNode;
import java.util.Map;

/**
 * Which variable a name in one function refers to: a local of the function
 * (its function literals' included), by Go's scoping, or a package-level
 * variable of the file. The scopes are read on first use, since most deferred
 * calls never need them.
 */
final class FunctionVariables {
    private final SyntaxNode function;
    private LocalScopes scopes;
    private Map<String, Declaration> packageVariables;

    /** For the names of {@code function}, a FUNC_DECL or FUNC_LIT: the outermost one around the code asked about. */
    FunctionVariables(SyntaxNode function) {
        this.function = function;
    }

    SyntaxNode function() {
        return function;
    }

    /** The variable an identifier refers to, or null (a package, function, type, builtin or another file's name). */
    Declaration variableOf(SyntaxNode identifier) {
        if (scopes == null) {
            scopes = LocalScopes.of(function);
            packageVariables = DeclaredTypes.packageVariables(GoTrees.root(function));
        }
        Declaration local = scopes.resolve(identifier);
        return local != null ? local : packageVariables.get(identifier.text());
    }

    /** Whether two identifiers name the same variable. */
    boolean same(SyntaxNode one, SyntaxNode other) {
        Declaration variable = variableOf(one);
        return variable != null && variable.equals(variableOf(other));
    }
}
