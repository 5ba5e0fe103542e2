package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;

/**
 * Whether the function takes the address of a variable that a deferred call
 * evaluates, anywhere (before or after the defer, in a function literal, in
 * the defer itself): a write through that pointer ({@code p := &r; ...; *p = x})
 * changes the variable without naming it, so the call moved to the end of
 * the iteration might not see the value the defer saw. Names are matched by
 * scope, so another variable of the same name does not count. Slicing a
 * variable that may hold an array ({@code arr[:]}) takes its address too.
 */
final class AddressTaken {
    private AddressTaken() {
    }

    /** Why a call evaluating {@code names} ({@link DeferredCall#evaluatedNames}) may read another value later, or null. */
    static String problem(List<SyntaxNode> names, PossibleValue values) {
        FunctionVariables variables = values.variables();
        for (SyntaxNode operator : variables.function().descendants(NodeKind.UNARY_OP)) {
            if (!operator.child(0).is(TokenKind.AMP)) {
                continue;
            }
            SyntaxNode primary = operator.parent().firstChild(NodeKind.PRIMARY_EXPR);
            SyntaxNode taken = primary == null ? null : NameWrites.rootIdentifier(primary);
            SyntaxNode name = taken == null ? null : sameValue(taken, names, variables);
            if (name != null) {
                return "the address of " + name.text() + " is taken at line "
                        + name.source().line(operator.start()) + ", by " + operator.parent().text().strip()
                        + ", so a write through that pointer can change " + name.text()
                        + " before the moved call";
            }
        }
        return sliced(names, values);
    }

    /**
     * A slice expression on an evaluated variable that may hold a value
     * ({@code s := arr[:]}): slicing an array takes its address, so a write
     * through the slice ({@code s[0] = 4}) changes the array.
     */
    private static String sliced(List<SyntaxNode> names, PossibleValue values) {
        for (SyntaxNode slice : values.variables().function().descendants(NodeKind.SLICE_TAIL)) {
            SyntaxNode suffix = slice.parent().parent();
            SyntaxNode primary = suffix.parent();
            SyntaxNode head = primary.child(0);
            if (!head.is(NodeKind.OPERAND) || !head.child(0).is(TokenKind.IDENTIFIER)) {
                continue;
            }
            SyntaxNode taken = head.child(0);
            if (primary.child(1 + SelectorChain.after(taken).size()) != suffix) {
                continue; // x[i][:] or f()[:]: not the variable's own storage
            }
            SyntaxNode name = sameValue(taken, names, values.variables());
            String origin = name == null ? null : values.origin(values.variables().variableOf(name));
            if (origin != null) {
                return name.text() + " is sliced at line " + name.source().line(slice.start()) + ", by "
                        + primary.text().strip() + ", and " + name.text() + ", " + origin
                        + ", may be an array, so a write through the slice can change it before the moved call";
            }
        }
        return null;
    }

    /** The evaluated name whose variable and selected part {@code taken} (with its selectors) overlaps, or null. */
    private static SyntaxNode sameValue(SyntaxNode taken, List<SyntaxNode> names, FunctionVariables variables) {
        for (SyntaxNode name : names) {
            if (name.text().equals(taken.text()) && variables.same(name, taken)
                    && SelectorChain.overlap(SelectorChain.after(taken), SelectorChain.evaluated(name))) {
                return name;
            }
        }
        return null;
    }
}
