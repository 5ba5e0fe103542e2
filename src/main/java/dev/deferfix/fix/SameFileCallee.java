package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;
import java.util.Set;

/**
 * Whether a top-level function of the file only calls the function it gets
 * as one of its parameters in place: every use of that parameter calls it
 * ({@code fn(x)}) or compares it with nil, and none sits in a go statement or
 * a function literal (either could run it after the call has returned). A
 * function literal passed there has then run, if at all, by the time the call
 * returns, and nothing keeps it. Not read, so not trusted: a method (its
 * receiver's type is unknown without types), a function of another file, one
 * that another file of the package declares too (under other build tags), a
 * variadic parameter.
 */
final class SameFileCallee {
    private SameFileCallee() {
    }

    /** Whether the file's top-level function {@code name} only calls its parameter number {@code index}. */
    static boolean onlyCallsParameter(ParsedFile file, String name, int index, PackageDeclarations declarations) {
        SyntaxNode function = topLevelFunction(file.root(), name);
        if (function == null || function.firstChild(NodeKind.BLOCK) == null) {
            return false;
        }
        List<SyntaxNode> parameters = function.firstChild(NodeKind.SIGNATURE).firstChild(NodeKind.PARAMETERS)
                .children(NodeKind.PARAMETER_DECL);
        if (index >= parameters.size() || parameters.get(index).hasChild(TokenKind.ELLIPSIS)) {
            return false;
        }
        LocalScopes scopes = LocalScopes.of(function);
        for (Declaration parameter : scopes.declaredBy(parameters.get(index))) {
            for (SyntaxNode use : scopes.usesOf(Set.of(parameter), function.firstChild(NodeKind.BLOCK))) {
                if (!calledInPlace(use, function) && !comparedWithNil(use)) {
                    return false;
                }
            }
        }
        // asked last: it may read the package's other files
        return !declarations.declaresFunctionElsewhere(file, name);
    }

    /** The function declaration without a receiver named {@code name}, or null. */
    static SyntaxNode topLevelFunction(SyntaxNode root, String name) {
        for (SyntaxNode top : root.children(NodeKind.TOP_LEVEL_DECL)) {
            SyntaxNode function = top.firstChild(NodeKind.FUNC_DECL);
            SyntaxNode declared = function == null ? null : function.firstChild(TokenKind.IDENTIFIER);
            if (declared != null && declared.text().equals(name) && function.firstChild(NodeKind.RECEIVER) == null) {
                return function;
            }
        }
        return null;
    }

    /** {@code use(...)} with no go statement or function literal between it and {@code function}. */
    private static boolean calledInPlace(SyntaxNode use, SyntaxNode function) {
        for (SyntaxNode up = use.parent(); up != function; up = up.parent()) {
            if (up.is(NodeKind.GO_STMT) || up.is(NodeKind.FUNC_LIT)) {
                return false;
            }
        }
        SyntaxNode operand = use.parent();
        SyntaxNode primary = operand.parent();
        return primary.is(NodeKind.PRIMARY_EXPR) && primary.child(0) == operand && primary.children().size() > 1
                && primary.child(1).firstChild(NodeKind.ARGUMENTS) != null;
    }

    /** {@code use == x} or {@code use != x}: a function value compares only with nil. */
    private static boolean comparedWithNil(SyntaxNode use) {
        SyntaxNode primary = use.parent().parent();
        SyntaxNode unary = primary.parent();
        SyntaxNode comparison = unary.parent();
        if (primary.children().size() != 1 || unary.children().size() != 1 || !comparison.is(NodeKind.EXPRESSION)
                || comparison.children().size() != 3) {
            return false;
        }
        SyntaxNode operator = comparison.child(1);
        return operator.is(NodeKind.BINARY_OP)
                && (operator.hasChild(TokenKind.EQUALS) || operator.hasChild(TokenKind.NOT_EQUALS));
    }
}
