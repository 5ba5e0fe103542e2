package dev.deferfix.fix;

import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.List;

/**
 * Whether a method is called, after the defer, on a variable the deferred
 * call evaluates and that may hold a value ({@link PossibleValue}):
 * {@code v := V{i}; defer v.Close(); v.inc()}. With a pointer receiver the
 * method changes the variable, as an assignment would, so the moved call
 * would read another value. Calls in function literals count wherever they
 * are, since a closure may run after the defer. Calls through a field
 * ({@code v.cfg.set(9)}) count when that field is part of what the defer
 * evaluated. So does a method value of a method this file declares
 * ({@code set := cfg.set}) taken anywhere in the function: it binds &amp;cfg
 * and may be called after the defer.
 */
final class ValueMethodCalls {
    private ValueMethodCalls() {
    }

    /** Why a call evaluating {@code names} ({@link DeferredCall#evaluatedNames}) may read another value later, or null. */
    static String problem(SyntaxNode defer, List<SyntaxNode> names, SyntaxNode body, PossibleValue values) {
        FunctionVariables variables = values.variables();
        for (SyntaxNode operand : variables.function().descendants(NodeKind.OPERAND)) {
            SyntaxNode receiver = operand.child(0);
            if (!receiver.is(TokenKind.IDENTIFIER)) {
                continue;
            }
            boolean calledLater = isMethodCall(receiver) && mayRunAfter(operand, defer, body);
            if (!calledLater && !isMethodValue(receiver, values)) {
                continue;
            }
            for (SyntaxNode name : names) {
                if (!name.text().equals(receiver.text()) || !variables.same(name, receiver)
                        || !SelectorChain.overlap(receiverChain(receiver), SelectorChain.evaluated(name))) {
                    continue;
                }
                Declaration variable = variables.variableOf(name);
                String origin = values.origin(variable);
                if (origin != null) {
                    String change = calledLater ? callText(receiver) + " at line " + line(receiver) + " may change"
                            : "the method value " + selectorText(receiver) + " at line " + line(receiver)
                            + " binds a pointer to " + name.text() + ", so calling it may change";
                    return change + " " + name.text() + " after the defer evaluated it: " + name.text() + ", "
                            + origin + ", may hold a value rather than a pointer, which a method with a pointer"
                            + " receiver changes";
                }
            }
        }
        return null;
    }

    /**
     * x.M or x.f.M not called, M a method of this file: with a pointer
     * receiver it holds &amp;x, and may be called anywhere later, so it counts
     * wherever it is taken.
     */
    private static boolean isMethodValue(SyntaxNode identifier, PossibleValue values) {
        List<String> chain = SelectorChain.after(identifier);
        return !chain.isEmpty() && !SelectorChain.isCalled(identifier)
                && values.fileDeclaresMethod(chain.get(chain.size() - 1));
    }

    /** x.M(...) or x.f.M(...): selectors after the name, the last one called. */
    private static boolean isMethodCall(SyntaxNode identifier) {
        return SelectorChain.isCalled(identifier) && !SelectorChain.after(identifier).isEmpty();
    }

    /** The part of the variable the method gets as its receiver: the chain without the method name. */
    private static List<String> receiverChain(SyntaxNode identifier) {
        List<String> chain = SelectorChain.after(identifier);
        return chain.subList(0, chain.size() - 1);
    }

    /** After the defer in the loop body, or in a function literal other than the deferred one and the defer's own. */
    private static boolean mayRunAfter(SyntaxNode operand, SyntaxNode defer, SyntaxNode body) {
        if (operand.start() >= defer.end() && body.isAncestorOf(operand)) {
            return true;
        }
        SyntaxNode literal = operand.ancestor(NodeKind.FUNC_LIT);
        return literal != null && !literal.isAncestorOf(defer) && !defer.isAncestorOf(literal);
    }

    /** The selector as written: "cfg.set". */
    private static String selectorText(SyntaxNode identifier) {
        SyntaxNode primary = identifier.parent().parent();
        SyntaxNode last = primary.child(SelectorChain.after(identifier).size());
        return WhiteSpace.collapsed(primary.source().text().substring(primary.start(), last.end()).strip());
    }

    private static int line(SyntaxNode node) {
        return node.source().line(node.start());
    }

    /** The call as written, up to its arguments: "cfg.set(9)". */
    private static String callText(SyntaxNode identifier) {
        SyntaxNode primary = identifier.parent().parent();
        SyntaxNode arguments = primary.child(1 + SelectorChain.after(identifier).size());
        String text = primary.source().text().substring(primary.start(), arguments.end());
        return WhiteSpace.collapsed(text.strip());
    }
}
