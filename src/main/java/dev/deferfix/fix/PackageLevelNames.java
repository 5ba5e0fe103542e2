package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.HashSet;
import java.util.Set;

/**
 * Which names that no local declaration explains may be package-level
 * variables. Without the other files of the package, a name counts unless
 * this file shows it is something else: an import, a predeclared constant,
 * or a function, type or constant declared at its top level; and a name that
 * is called ({@code open(i)}) is taken for a function.
 */
final class PackageLevelNames {
    private static final Set<String> PREDECLARED = Set.of("true", "false", "nil", "iota", "_");

    private final Set<String> importNames;
    private final Set<String> notVariables = new HashSet<>();

    private PackageLevelNames(SyntaxNode root) {
        importNames = ImportNames.of(root);
        for (SyntaxNode function : root.descendants(NodeKind.FUNC_DECL)) {
            if (function.firstChild(NodeKind.RECEIVER) == null && function.firstChild(TokenKind.IDENTIFIER) != null) {
                notVariables.add(function.firstChild(TokenKind.IDENTIFIER).text());
            }
        }
        for (SyntaxNode spec : root.descendants(NodeKind.TYPE_SPEC)) {
            if (spec.firstChild(TokenKind.IDENTIFIER) != null && GoTrees.enclosingFunction(spec) == null) {
                notVariables.add(spec.firstChild(TokenKind.IDENTIFIER).text());
            }
        }
        for (SyntaxNode spec : root.descendants(NodeKind.CONST_SPEC)) {
            if (GoTrees.enclosingFunction(spec) != null) {
                continue;
            }
            for (SyntaxNode name : spec.child(0).children()) {
                if (name.is(TokenKind.IDENTIFIER)) {
                    notVariables.add(name.text());
                }
            }
        }
    }

    static PackageLevelNames of(SyntaxNode root) {
        return new PackageLevelNames(root);
    }

    Set<String> importNames() {
        return importNames;
    }

    /** Whether an identifier that resolves to no local declaration may be a package-level variable. */
    boolean mayBeVariable(SyntaxNode identifier) {
        String name = identifier.text();
        if (PREDECLARED.contains(name) || importNames.contains(name) || notVariables.contains(name)) {
            return false;
        }
        SyntaxNode operand = identifier.parent();
        SyntaxNode primary = operand.parent();
        boolean called = primary != null && primary.is(NodeKind.PRIMARY_EXPR) && primary.children().size() > 1
                && primary.child(0) == operand && primary.child(1).firstChild(NodeKind.ARGUMENTS) != null;
        return !called;
    }
}
