package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.find.GoVersion;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.fix.NameWrites.Write;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a deferred call, moved to the end of the iteration (explicit-close),
 * still works on the same values. Go evaluates the function value, receiver
 * and arguments at the defer, so none of those variables may be written or
 * shadowed after it, written through a pointer taken anywhere in the function
 * ({@link AddressTaken}), or changed after it by a method called on a value
 * ({@link ValueMethodCalls}); what it reads through a field or a
 * package-level variable may not be open to a call or an indirect write
 * after it ({@link IndirectChanges}); and a name a deferred literal reads
 * from the iteration must still mean the same variable where the call lands.
 * (What a literal reads from outside the iteration is
 * {@link DeferredLiteralTiming}'s concern, for every strategy.)
 */
final class LateCallCheck {
    private LateCallCheck() {
    }

    /**
     * Why the call cannot run later with the same meaning, or null.
     *
     * @param declarations the rest of the package, for the interface types its other files declare
     */
    static String problem(DeferSite site, DeferredCall call, SyntaxNode body, GoVersion version,
                          PackageDeclarations declarations) {
        SyntaxNode defer = site.defer();
        List<Write> afterDefer = writesAfter(body, defer);
        List<Write> inLiterals = writesInLiterals(site.function(), defer);
        List<SyntaxNode> evaluated = call.evaluatedNames();
        for (SyntaxNode name : evaluated) {
            Write write = firstWrite(name.text(), SelectorChain.evaluated(name), afterDefer, inLiterals, false);
            if (write != null) {
                return name.text() + " is " + (write.declares() ? "declared again" : "changed") + " at line "
                        + line(site, write.at()) + ", after the defer evaluated it";
            }
        }
        FunctionVariables variables = new FunctionVariables(GoTrees.outermostFunction(defer));
        PossibleValue values = new PossibleValue(variables, declarations, site.file());
        String throughPointer = AddressTaken.problem(evaluated, values);
        if (throughPointer != null) {
            return throughPointer;
        }
        String byMethod = ValueMethodCalls.problem(defer, evaluated, body, values);
        if (byMethod != null) {
            return byMethod;
        }
        String indirect = IndirectChanges.problem(call, defer, body, values, declarations, site.file());
        if (indirect != null) {
            return indirect;
        }
        SyntaxNode literal = call.literal();
        if (literal == null) {
            return null;
        }
        LocalScopes scopes = LocalScopes.of(site.function());
        for (SyntaxNode use : LocalScopes.identifierUses(literal)) {
            Declaration declaration = scopes.resolve(use);
            boolean ofIteration = declaration != null && !declaration.isInside(literal)
                    && (declaration.isInside(body) || DeferredLiteralTiming.isPerIterationLoopVariable(declaration, site, version));
            Write shadow = ofIteration ? firstWrite(use.text(), List.of(), afterDefer, List.of(), true) : null;
            if (shadow != null) {
                return use.text() + " is declared again at line " + line(site, shadow.at())
                        + ", so the moved call would read another variable";
            }
        }
        return null;
    }

    private static Write firstWrite(String name, List<String> evaluated, List<Write> afterDefer,
                                    List<Write> inLiterals, boolean declarationsOnly) {
        for (List<Write> writes : List.of(afterDefer, inLiterals)) {
            for (Write write : writes) {
                boolean relevant = declarationsOnly ? write.declares() : write.touches(evaluated);
                if (write.name().equals(name) && relevant) {
                    return write;
                }
            }
        }
        return null;
    }

    /** Writes in the body after the defer; declarations inside function literals there are their own names. */
    private static List<Write> writesAfter(SyntaxNode body, SyntaxNode defer) {
        List<Write> writes = new ArrayList<>();
        for (Write write : NameWrites.in(body)) {
            boolean ownNameOfLiteral = write.declares() && write.at().ancestor(NodeKind.FUNC_LIT) != null
                    && body.isAncestorOf(write.at().ancestor(NodeKind.FUNC_LIT));
            if (write.at().start() > defer.end() && !ownNameOfLiteral) {
                writes.add(write);
            }
        }
        return writes;
    }

    /** Assignments inside any function literal of the function: a closure may run after the defer. */
    private static List<Write> writesInLiterals(SyntaxNode function, SyntaxNode defer) {
        List<Write> writes = new ArrayList<>();
        for (Write write : NameWrites.in(function)) {
            SyntaxNode literal = write.at().ancestor(NodeKind.FUNC_LIT);
            boolean inOtherLiteral = literal != null && literal != function && function.isAncestorOf(literal)
                    && !defer.isAncestorOf(literal);
            if (inOtherLiteral && !write.declares()) {
                writes.add(write);
            }
        }
        return writes;
    }

    private static int line(DeferSite site, SyntaxNode node) {
        return site.file().source().line(node.start());
    }
}
