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
 * scope, so another variable of the same name does not count.
 */
final class AddressTaken {
    private AddressTaken() {
    }

    /** Why a call evaluating {@code names} ({@link DeferredCall#evaluatedNames}) may read another value later, or null. */
    static String problem(List<SyntaxNode> names, FunctionVariables variables) {
        for (SyntaxNode operator : variables.function().descendants(NodeKind.UNARY_OP)) {
            if (!operator.child(0).is(TokenKind.AMP)) {
                continue;
            }
            SyntaxNode primary = operator.parent().firstChild(NodeKind.PRIMARY_EXPR);
            SyntaxNode taken = primary == null ? null : NameWrites.rootIdentifier(primary);
            if (taken == null) {
                continue;
            }
            for (SyntaxNode name : names) {
                if (name.text().equals(taken.text()) && variables.same(name, taken)
                        && SelectorChain.overlap(SelectorChain.after(taken), SelectorChain.evaluated(name))) {
                    return "the address of " + name.text() + " is taken at line "
                            + name.source().line(operator.start()) + ", by " + operator.parent().text().strip()
                            + ", so a write through that pointer can change " + name.text()
                            + " before the moved call";
                }
            }
        }
        return null;
    }
}
