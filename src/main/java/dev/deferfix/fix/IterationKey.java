package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.find.GoVersion;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;

/**
 * The loop variable that holds a different value in every iteration, so that
 * {@code results[i]} is an element no other iteration touches: the key of a
 * range over a slice, array, string, map or integer, or the counter of a
 * three-clause loop that only counts it up or down ({@code i++}). A range
 * value can repeat (the same element twice), and so can a channel's element
 * and a key that a range-over-function iterator (Go 1.23) yields. A range
 * with both key and value declared cannot be over a channel, and below Go
 * 1.23 not over a function either; otherwise what is ranged over must be
 * known from its declaration (local, or a package-level var of the file), or
 * be an integer.
 */
final class IterationKey {
    private IterationKey() {
    }

    /** The declaration of the loop's distinct variable, or null when it has none or it cannot be told. */
    static Declaration of(SyntaxNode loop, LocalScopes scopes, GoVersion version) {
        SyntaxNode range = loop.firstChild(NodeKind.RANGE_CLAUSE);
        if (range != null) {
            return rangeKey(range, scopes, version);
        }
        SyntaxNode clause = loop.firstChild(NodeKind.FOR_CLAUSE);
        return clause == null ? null : counter(clause, scopes);
    }

    private static Declaration rangeKey(SyntaxNode range, LocalScopes scopes, GoVersion version) {
        SyntaxNode define = range.firstChild(TokenKind.DEFINE);
        List<SyntaxNode> expressions = range.children(NodeKind.EXPRESSION);
        if (define == null || expressions.size() < 2) {
            return null;
        }
        SyntaxNode key = LocalScopes.plainIdentifier(expressions.get(0));
        Declaration declaration = key == null ? null : scopes.resolve(key);
        if (declaration == null) {
            return null;
        }
        boolean keyAndValue = expressions.size() == 3;
        SyntaxNode ranged = expressions.get(expressions.size() - 1);
        return keyAndValue && !version.hasRangeOverFunctions() || isIndexedCollection(ranged, scopes)
                ? declaration : null;
    }

    /** An integer literal, a len(...) call, or a variable declared as a slice, array, string or map. */
    private static boolean isIndexedCollection(SyntaxNode ranged, LocalScopes scopes) {
        String callee = GoTrees.calleeText(ranged);
        if ("len".equals(callee) || ranged.text().strip().chars().allMatch(Character::isDigit)) {
            return true;
        }
        SyntaxNode name = LocalScopes.plainIdentifier(ranged);
        Declaration declaration = name == null ? null : scopes.resolve(name);
        if (name != null && declaration == null) {
            declaration = DeclaredTypes.packageVariables(GoTrees.root(ranged)).get(name.text());
        }
        return declaration != null && DeclaredTypes.isIndexedCollection(declaration);
    }

    /** {@code for i := a; cond; i++} (or i--). */
    private static Declaration counter(SyntaxNode clause, LocalScopes scopes) {
        SyntaxNode init = clause.child(0).is(NodeKind.SIMPLE_STMT) ? clause.child(0) : null;
        SyntaxNode post = clause.children().get(clause.children().size() - 1);
        if (init == null || !init.hasChild(TokenKind.DEFINE) || !post.is(NodeKind.SIMPLE_STMT)
                || post.children().size() != 2 || !(post.child(1).is(TokenKind.INC)
                || post.child(1).is(TokenKind.DEC))) {
            return null;
        }
        List<SyntaxNode> declared = init.child(0).children(NodeKind.EXPRESSION);
        SyntaxNode counted = LocalScopes.plainIdentifier(post.child(0));
        if (declared.size() != 1 || counted == null) {
            return null;
        }
        Declaration declaration = scopes.resolve(counted);
        return declaration != null && declaration.statement() == init ? declaration : null;
    }
}
