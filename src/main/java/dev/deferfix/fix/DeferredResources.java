package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables that hold what a defer cleans up: the local names the deferred
 * call refers to (function value, receiver, arguments, or what a deferred
 * function literal uses) that are declared in the loop, plus every variable
 * declared by the same statement, because values made together are often tied
 * together ({@code ctx, cancel := context.WithCancel(parent)}: cancelling ends ctx).
 * Subscripts are not part of the resource ({@code lss[i].teardown()} cleans up
 * the element, not i). One exception, by Go convention: the last of several names, when it is an
 * error ({@code err}, {@code ...Err}), is a status report, not part of the resource.
 * Each variable comes with the selector chains that reach the resource from it
 * ({@code resp.Body.Close()}: [Body, Close]); the empty chain means the whole value.
 */
final class DeferredResources {
    static final Set<List<String>> WHOLE_VALUE = Set.of(List.of());

    private DeferredResources() {
    }

    static Map<Declaration, Set<List<String>>> of(DeferSite site, LocalScopes scopes, SyntaxNode loop) {
        Map<Declaration, Set<List<String>>> roots = new LinkedHashMap<>();
        for (SyntaxNode use : LocalScopes.identifierUses(site.call())) {
            if (isSubscript(use, site.call())) {
                continue;
            }
            Declaration declaration = scopes.resolve(use);
            if (declaration != null && declaration.isInside(loop) && !declaration.isInside(site.defer())) {
                Set<List<String>> chains = roots.get(declaration);
                if (chains == null) {
                    chains = new LinkedHashSet<>();
                    roots.put(declaration, chains);
                }
                chains.add(SelectorChain.evaluated(use));
            }
        }
        Map<Declaration, Set<List<String>>> resources = new LinkedHashMap<>(roots);
        for (Declaration root : roots.keySet()) {
            SyntaxNode statement = root.statement();
            if (statement.is(NodeKind.SIMPLE_STMT) || statement.is(NodeKind.VAR_SPEC)) {
                List<Declaration> together = scopes.declaredBy(statement);
                for (int i = 0; i < together.size(); i++) {
                    boolean errorResult = together.size() > 1 && i == together.size() - 1
                            && isErrorName(together.get(i).name());
                    if (!errorResult) {
                        resources.putIfAbsent(together.get(i), WHOLE_VALUE);
                    }
                }
            }
        }
        return resources;
    }

    /** In {@code lss[i].teardown()} the resource is the element, not the index i. */
    static boolean isSubscript(SyntaxNode use, SyntaxNode call) {
        for (SyntaxNode up = use.parent(); up != call; up = up.parent()) {
            if (up.is(NodeKind.INDEX_SUFFIX)) {
                return true;
            }
        }
        return false;
    }

    static boolean isErrorName(String name) {
        return name.equals("err") || name.endsWith("Err");
    }
}
