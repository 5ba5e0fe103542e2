package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a defer guarded to run once: it sits in an {@code if} whose
 * condition reads a variable from outside the loop that the same branch sets
 * ({@code if !setupDone { setup(); defer teardown(); setupDone = true }}).
 * Such a defer does not pile up: it is registered once and meant to run when
 * the function returns, after the code that follows the loop (a test suite's
 * teardown after its tests). Any strategy would run it at the end of the
 * first iteration instead.
 */
public final class OnceGuardCheck implements SiteCheck {

    @Override
    public Refusal check(LoopUnit unit, DeferSite site) {
        LocalScopes scopes = LocalScopes.of(site.function());
        SyntaxNode body = unit.body();
        for (SyntaxNode node = site.defer(); node != body && node != null; node = node.parent()) {
            SyntaxNode branch = node.parent();
            if (branch == null || !branch.is(NodeKind.BLOCK) || !branch.parent().is(NodeKind.IF_STMT)
                    || branch.parent().firstChild(NodeKind.BLOCK) != branch) {
                continue;
            }
            SyntaxNode header = branch.parent().firstChild(NodeKind.IF_HEADER);
            String guard = guardSetIn(branch, conditionVariables(header, scopes, unit.loop()), scopes);
            if (guard != null) {
                return new Refusal(RefusalReason.GUARDED_ONCE, "the if at line "
                        + unit.file().source().line(branch.parent().start()) + " tests " + guard
                        + ", which its branch sets");
            }
        }
        return null;
    }

    /** The variables declared outside the loop that the condition (not an init statement) reads. */
    private static Set<Declaration> conditionVariables(SyntaxNode header, LocalScopes scopes, SyntaxNode loop) {
        Set<Declaration> variables = new HashSet<>();
        List<SyntaxNode> parts = header.children();
        SyntaxNode condition = parts.get(parts.size() - 1);
        for (SyntaxNode use : LocalScopes.identifierUses(condition)) {
            Declaration declaration = scopes.resolve(use);
            if (declaration != null && !declaration.isInside(loop)) {
                variables.add(declaration);
            }
        }
        return variables;
    }

    /** The name of a condition variable that a plain assignment directly in the branch sets, or null. */
    private static String guardSetIn(SyntaxNode branch, Set<Declaration> variables, LocalScopes scopes) {
        if (variables.isEmpty()) {
            return null;
        }
        for (SyntaxNode statement : GoTrees.statements(GoTrees.listOf(branch))) {
            if (!statement.is(NodeKind.SIMPLE_STMT) || !statement.hasChild(TokenKind.ASSIGN)) {
                continue;
            }
            for (SyntaxNode target : statement.child(0).children(NodeKind.EXPRESSION)) {
                SyntaxNode name = LocalScopes.plainIdentifier(target);
                if (name != null && variables.contains(scopes.resolve(name))) {
                    return name.text();
                }
            }
        }
        return null;
    }
}
