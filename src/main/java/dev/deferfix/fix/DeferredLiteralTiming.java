package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.find.GoVersion;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.fix.NameWrites.Write;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every strategy runs a deferred call when its iteration ends instead of when
 * the function returns. That is the point for a cleanup, but it changes the
 * program when the call depends on what happens between those two moments:
 * <ul>
 * <li>a named result that a deferred function literal reads or assigns, or
 * that the call gets by address ({@code defer closeInto(&err, f)}): return
 * statements set the results before deferred calls run, so those calls see
 * and can change what the function returns;</li>
 * <li>a variable from outside the loop body that a deferred function literal
 * (its own or one passed as an argument) reads, when anything in the function
 * writes it, including a loop variable that all iterations share before Go 1.22; for
 * a defer in a function literal, "the function" is the declaration around it,
 * whose variables the literal captures;</li>
 * <li>a package-level variable that a deferred function literal reads, when the
 * function writes it (writes by the functions it calls are not followed).</li>
 * </ul>
 */
public final class DeferredLiteralTiming implements UnitCheck {

    @Override
    public Refusal check(LoopUnit unit, FixOptions options) {
        for (DeferSite site : unit.sites()) {
            String problem = problem(site, unit.body(), options.goVersion());
            if (problem != null) {
                return new Refusal(RefusalReason.READS_LATER_STATE, problem);
            }
        }
        return null;
    }

    private static String problem(DeferSite site, SyntaxNode body, GoVersion version) {
        SyntaxNode outermost = outermostFunction(site.function());
        LocalScopes scopes = LocalScopes.of(outermost);
        List<Write> writes = null;
        for (SyntaxNode use : LocalScopes.identifierUses(site.defer())) {
            Declaration declaration = scopes.resolve(use);
            boolean runsLater = inDeferredLiteral(use, site.defer());
            if (declaration == null) {
                if (!runsLater) {
                    continue;
                }
                // Package level: the function itself may change it before it returns.
                writes = writes != null ? writes : NameWrites.in(outermost);
                Write write = firstWrite(writes, use.text(), w -> scopes.resolve(w.at()) == null);
                if (write != null) {
                    return "the deferred function literal reads the package-level " + use.text() + ", changed at line "
                            + site.file().source().line(write.at().start()) + ", so it would read it at another time";
                }
                continue;
            }
            if (declaration.isInside(site.defer())) {
                continue;
            }
            if (isNamedResult(declaration)) {
                if (runsLater || addressTaken(use, site.defer())) {
                    return "the deferred call uses the named result " + use.text()
                            + ", which return statements set before deferred calls run";
                }
                continue;
            }
            if (!runsLater || declaration.isInside(body) || isPerIterationLoopVariable(declaration, site, version)) {
                continue;
            }
            if (declaration.statement().is(NodeKind.RANGE_CLAUSE) && site.loops().contains(declaration.scope())) {
                return "the deferred function literal reads the loop variable " + use.text()
                        + ", which before Go 1.22 holds the last iteration's value when the function returns";
            }
            writes = writes != null ? writes : NameWrites.in(outermost);
            Write write = firstWrite(writes, use.text(), w -> w.at() != declaration.token());
            if (write != null) {
                return "the deferred function literal reads " + use.text() + ", declared outside the loop body and "
                        + "changed at line " + site.file().source().line(write.at().start())
                        + ", so it would read it at another time";
            }
        }
        return null;
    }

    private static Write firstWrite(List<Write> writes, String name, Predicate<Write> sameVariable) {
        for (Write write : writes) {
            if (write.name().equals(name) && sameVariable.test(write)) {
                return write;
            }
        }
        return null;
    }

    /**
     * From Go 1.22 each iteration has its own copy of the loop header's
     * variables; the copy of a finished iteration never changes again, so it
     * behaves like a variable of the body.
     */
    static boolean isPerIterationLoopVariable(Declaration declaration, DeferSite site, GoVersion version) {
        return version.hasPerIterationLoopVariables() && site.loops().contains(declaration.scope());
    }

    /**
     * The function declaration (or outermost literal) around a function: a
     * literal's loop may defer a literal reading a variable it captures from
     * there, which the enclosing code changes too.
     */
    private static SyntaxNode outermostFunction(SyntaxNode function) {
        SyntaxNode outermost = function;
        for (SyntaxNode up = GoTrees.enclosingFunction(function); up != null; up = GoTrees.enclosingFunction(up)) {
            outermost = up;
        }
        return outermost;
    }

    private static boolean isNamedResult(Declaration declaration) {
        return declaration.statement().is(NodeKind.PARAMETER_DECL)
                && declaration.statement().ancestor(NodeKind.RESULT) != null;
    }

    /** Inside a function literal of the defer statement: its body runs when the deferred call does. */
    private static boolean inDeferredLiteral(SyntaxNode use, SyntaxNode defer) {
        SyntaxNode literal = use.ancestor(NodeKind.FUNC_LIT);
        return literal != null && defer.isAncestorOf(literal);
    }

    /** {@code &name} (or {@code &name.field}): the callee may read or write the variable whenever it runs. */
    private static boolean addressTaken(SyntaxNode use, SyntaxNode defer) {
        for (SyntaxNode up = use.parent(); up != defer; up = up.parent()) {
            if (up.is(NodeKind.UNARY_EXPR)) {
                return up.children(NodeKind.UNARY_OP).stream().anyMatch(op -> op.child(0).is(TokenKind.AMP));
            }
        }
        return false;
    }
}
