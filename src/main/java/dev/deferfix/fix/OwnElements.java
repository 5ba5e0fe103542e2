package dev.deferfix.fix;

import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes to the element of a slice or array from outside the body that only
 * its own iteration indexes: {@code results[i] = r}, {@code sums[i] += n},
 * {@code items[i].done = true}, where i is the iteration key
 * ({@link IterationKey}). Different elements are different variables, so
 * goroutines may write them at once (a map is not: Go's maps allow no
 * concurrent writes, even to different keys). Only when the body uses the
 * slice nowhere else: one iteration reading {@code results[i-1]} while
 * another writes it would be a data race.
 */
final class OwnElements {
    private OwnElements() {
    }

    /**
     * {@code writes} (from {@link OuterAssignments}) without those to the
     * iteration's own element; {@code scopes} are those of the function around
     * the loop, {@code key} its distinct variable or null.
     */
    static List<SyntaxNode> leftShared(List<SyntaxNode> writes, SyntaxNode body, LocalScopes scopes,
                                       Declaration key) {
        List<SyntaxNode> shared = new ArrayList<>();
        for (SyntaxNode target : writes) {
            Declaration collection = key == null ? null : ownElementOf(target, key, scopes);
            if (collection == null || !onlyIndexedBy(collection, key, scopes, body)) {
                shared.add(target);
            }
        }
        return shared;
    }

    /** The slice or array from outside whose element {@code key} indexes in the written expression, or null. */
    private static Declaration ownElementOf(SyntaxNode target, Declaration key, LocalScopes scopes) {
        SyntaxNode primary = primaryOf(target);
        if (primary == null || !primary.child(0).is(NodeKind.OPERAND)
                || !primary.child(0).child(0).is(TokenKind.IDENTIFIER) || primary.children().size() < 2
                || !indexesBy(primary.child(1), key, scopes)) {
            return null;
        }
        for (SyntaxNode suffix : primary.children().subList(2, primary.children().size())) {
            if (!suffix.is(NodeKind.SUFFIX) || !suffix.child(0).is(TokenKind.DOT)
                    || !suffix.child(1).is(TokenKind.IDENTIFIER)) {
                return null;
            }
        }
        Declaration collection = scopes.resolve(primary.child(0).child(0));
        return collection != null && DeclaredTypes.isSliceOrArray(collection) ? collection : null;
    }

    /** Whether every use of the collection in the body is {@code collection[key]}. */
    private static boolean onlyIndexedBy(Declaration collection, Declaration key, LocalScopes scopes,
                                         SyntaxNode body) {
        for (SyntaxNode use : scopes.usesOf(Set.of(collection), body)) {
            SyntaxNode primary = use.parent().parent();
            if (!primary.is(NodeKind.PRIMARY_EXPR) || primary.children().size() < 2
                    || !indexesBy(primary.child(1), key, scopes)) {
                return false;
            }
        }
        return true;
    }

    /** {@code [key]}: an index (not a slice expression) that is just the key. */
    private static boolean indexesBy(SyntaxNode suffix, Declaration key, LocalScopes scopes) {
        SyntaxNode index = suffix.is(NodeKind.SUFFIX) ? suffix.firstChild(NodeKind.INDEX_SUFFIX) : null;
        SyntaxNode tail = index == null ? null : index.firstChild(NodeKind.INDEX_TAIL);
        SyntaxNode name = index == null ? null : LocalScopes.plainIdentifier(index.firstChild(NodeKind.EXPRESSION));
        return tail != null && tail.children().isEmpty() && name != null && scopes.resolve(name) == key;
    }

    private static SyntaxNode primaryOf(SyntaxNode expression) {
        SyntaxNode unary = expression.children().size() == 1 ? expression.child(0) : null;
        if (unary == null || !unary.is(NodeKind.UNARY_EXPR) || unary.children().size() != 1) {
            return null;
        }
        return unary.child(0).is(NodeKind.PRIMARY_EXPR) ? unary.child(0) : null;
    }
}
