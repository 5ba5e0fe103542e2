package dev.deferfix.fix;

import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The variables whose storage a variable may share, so that writing into a
 * part of it ({@code o.last = r}, {@code a[0] = r}, {@code *p = r}) writes
 * into theirs: the roots of the places assigned to it, in its declaration and
 * in later assignments ({@code o := s}, {@code a := &arr},
 * {@code buf := outer[:0]}, {@code p := s.next}, {@code h} of
 * {@code for _, h := range hs}). Without types a copy of a struct value
 * counts too. A fresh value (make, new, a literal) shares nothing, and
 * neither, by assumption, does a call's result.
 */
final class StorageSources {
    private StorageSources() {
    }

    /** The root names of the places assigned to {@code variable} where it is declared or later. */
    static List<SyntaxNode> of(Declaration variable, LocalScopes scopes) {
        List<SyntaxNode> roots = new ArrayList<>();
        if (variable.statement().is(NodeKind.RANGE_CLAUSE)) {
            addPlace(roots, EscapeAnalysis.rangedOver(variable.statement()));
        }
        for (SyntaxNode value : AssignedValues.of(variable.scope(), scopes, variable)) {
            addPlace(roots, value);
        }
        return roots;
    }

    /**
     * The root name of {@code value} when it is a place, possibly with &amp;
     * or *: a name followed by selectors, indexes, slices or type assertions,
     * and no call. A composite literal is fresh, but the places among its
     * elements are shared ({@code x} of {@code []*T{x}}).
     */
    private static void addPlace(List<SyntaxNode> roots, SyntaxNode value) {
        for (SyntaxNode node : value.subtree()) {
            if (node.is(NodeKind.LITERAL_VALUE)) {
                for (SyntaxNode element : node.children(NodeKind.ELEMENT)) {
                    for (SyntaxNode part : element.children(NodeKind.ELEMENT_VALUE)) {
                        addPlace(roots, part.child(0)); // an expression, or a nested literal
                    }
                }
                return;
            }
            if (node.is(NodeKind.ARGUMENTS) || node.is(NodeKind.BINARY_OP)) {
                return;
            }
        }
        SyntaxNode root = NameWrites.rootIdentifier(value);
        if (root != null && root.is(TokenKind.IDENTIFIER) && !PredeclaredNames.isFunctionOrConstant(root.text())) {
            roots.add(root); // not a literal or nil
        }
    }
}
