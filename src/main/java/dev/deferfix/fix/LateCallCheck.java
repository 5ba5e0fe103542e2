package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoVersion;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.fix.NameWrites.Write;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a deferred call, run later in the iteration instead of at the defer
 * (for its values) and at function exit (for a literal's body), still does the
 * same thing. Go evaluates the function value, receiver and arguments at the
 * defer, so none of those variables may be written or shadowed after it. A
 * deferred literal reads its variables when it runs: a variable of the
 * iteration ends with the same value either way, but a variable from outside
 * the loop body that anything writes would be read at a different time.
 */
final class LateCallCheck {
    private LateCallCheck() {
    }

    /** Why the call cannot run later with the same meaning, or null. */
    static String problem(DeferSite site, DeferredCall call, SyntaxNode body, GoVersion version) {
        SyntaxNode defer = site.defer();
        List<Write> afterDefer = writesAfter(body, defer);
        List<Write> inLiterals = writesInLiterals(site.function(), defer);
        for (SyntaxNode name : call.evaluatedNames()) {
            Write write = firstWrite(name.text(), SelectorChain.evaluated(name), afterDefer, inLiterals, false);
            if (write != null) {
                return name.text() + " is " + (write.declares() ? "declared again" : "changed") + " at line "
                        + line(site, write.at()) + ", after the defer evaluated it";
            }
        }
        SyntaxNode literal = call.literal();
        if (literal == null) {
            return null;
        }
        LocalScopes scopes = LocalScopes.of(site.function());
        List<Write> inFunction = NameWrites.in(site.function(), node -> true);
        for (SyntaxNode use : LocalScopes.identifierUses(literal)) {
            Declaration declaration = scopes.resolve(use);
            if (declaration == null || declaration.isInside(literal)) {
                continue;
            }
            if (declaration.isInside(body) || isPerIterationLoopVariable(declaration, site, version)) {
                Write shadow = firstWrite(use.text(), List.of(), afterDefer, List.of(), true);
                if (shadow != null) {
                    return use.text() + " is declared again at line " + line(site, shadow.at())
                            + ", so the moved call would read another variable";
                }
                continue;
            }
            String outer = outerVariableProblem(declaration, use, inFunction, site, version);
            if (outer != null) {
                return outer;
            }
        }
        return null;
    }

    /**
     * From Go 1.22 each iteration has its own copy of the loop header's
     * variables; the copy of a finished iteration never changes again, so it
     * behaves like a variable of the body.
     */
    private static boolean isPerIterationLoopVariable(Declaration declaration, DeferSite site, GoVersion version) {
        return version.hasPerIterationLoopVariables() && site.loops().contains(declaration.scope());
    }

    private static String outerVariableProblem(Declaration declaration, SyntaxNode use, List<Write> inFunction,
                                               DeferSite site, GoVersion version) {
        String name = use.text();
        if (declaration.statement().is(NodeKind.PARAMETER_DECL)
                && declaration.statement().ancestor(NodeKind.RESULT) != null) {
            return "the deferred function literal reads the named result " + name
                    + ", which has its final value only when the function returns";
        }
        boolean sharedLoopVariable = declaration.statement().is(NodeKind.RANGE_CLAUSE)
                && !version.hasPerIterationLoopVariables();
        if (sharedLoopVariable) {
            return "the deferred function literal reads the loop variable " + name
                    + ", which before Go 1.22 holds the last iteration's value when the function returns";
        }
        for (Write write : inFunction) {
            if (write.name().equals(name) && write.at() != declaration.token()) {
                return "the deferred function literal reads " + name + ", declared outside the loop body and "
                        + "changed at line " + line(site, write.at()) + ", so it would read it at another time";
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
        for (Write write : NameWrites.in(body, node -> true)) {
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
        for (Write write : NameWrites.in(function, node -> true)) {
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
