package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;

/**
 * Refuses a loop body that defers a call to recover(), directly, inside a
 * deferred function literal, or in the function the defer calls: a function
 * of the package, a method of that name of the package (of any receiver:
 * without types), or a local variable given such a function or a literal
 * that calls recover. Recover only works in a function deferred by the
 * panicking function itself, so moving or wrapping it changes which panics it
 * stops. Not read: another package's function ({@code defer pkg.Recover()}).
 */
public final class RecoverCheck implements UnitCheck {
    private final RecoveringFunctions functions;

    /** @param declarations the package's other files, read once per run */
    RecoverCheck(PackageDeclarations declarations) {
        this.functions = new RecoveringFunctions(declarations);
    }

    @Override
    public Refusal check(LoopUnit unit, FixOptions options) {
        for (SyntaxNode node : GoTrees.sameFunction(unit.body())) {
            if (!node.is(NodeKind.DEFER_STMT)) {
                continue;
            }
            String line = "line " + unit.file().source().line(node.start());
            if (callsRecover(node)) {
                return new Refusal(RefusalReason.RECOVER_IN_LOOP, line);
            }
            CalledFunction called = CalledFunction.ofCall(node.firstChild(NodeKind.EXPRESSION));
            String recovering = called == null ? null : new Callee(unit, node).recovering(called, true);
            if (recovering != null) {
                return new Refusal(RefusalReason.RECOVER_IN_LOOP, line + ": " + recovering);
            }
        }
        return null;
    }

    private static boolean callsRecover(SyntaxNode defer) {
        for (SyntaxNode node : defer.subtree()) {
            if (RecoverCalls.isRecoverCall(node)) {
                return true;
            }
        }
        return false;
    }

    /** The function literal an expression is, or null. */
    private static SyntaxNode functionLiteral(SyntaxNode value) {
        SyntaxNode node = value;
        while (node != null && !node.is(NodeKind.FUNC_LIT)) {
            node = node.children().size() == 1 ? node.child(0) : null;
        }
        return node;
    }

    /** What one deferred call calls, its local names read only when it names a plain function. */
    private final class Callee {
        private final LoopUnit unit;
        private final SyntaxNode defer;
        private LocalScopes scopes;

        Callee(LoopUnit unit, SyntaxNode defer) {
            this.unit = unit;
            this.defer = defer;
        }

        /**
         * How the function named calls recover ("rescue, declared at line 9, calls recover()"), or null;
         * {@code throughVariables} whether a local variable's values are read (one level: h := rescue).
         */
        String recovering(CalledFunction called, boolean throughVariables) {
            String name = called.name().text();
            if (called.selected()) {
                String where = functions.declaration(unit.file(), name, true);
                return where == null || imported(called.qualifier()) ? null
                        : "the method " + name + ", declared " + where + ", calls recover()";
            }
            Declaration variable = scopes().resolve(called.name());
            if (variable == null) {
                String where = functions.declaration(unit.file(), name, false);
                return where == null ? null : name + ", declared " + where + ", calls recover()";
            }
            return throughVariables ? recoveringValue(variable) : null;
        }

        /** How a value the local variable is given calls recover, or null. */
        private String recoveringValue(Declaration variable) {
            SyntaxNode function = GoTrees.outermostFunction(defer);
            for (SyntaxNode value : AssignedValues.of(function, scopes(), variable)) {
                SyntaxNode literal = functionLiteral(value);
                if (literal != null && RecoverCalls.direct(literal) != null) {
                    return variable.name() + " is given a function literal at line "
                            + unit.file().source().line(literal.start()) + " that calls recover()";
                }
                CalledFunction named = literal == null ? CalledFunction.ofValue(value) : null;
                String recovering = named == null ? null : recovering(named, false);
                if (recovering != null) {
                    return variable.name() + " is given " + recovering;
                }
            }
            return null;
        }

        /** Whether the qualifier names an imported package (pkg.F is no method), not a variable. */
        private boolean imported(SyntaxNode qualifier) {
            return qualifier != null && ImportNames.of(unit.file().root()).contains(qualifier.text())
                    && scopes().resolve(qualifier) == null;
        }

        private LocalScopes scopes() {
            if (scopes == null) {
                scopes = LocalScopes.of(GoTrees.outermostFunction(defer));
            }
            return scopes;
        }

    }
}
