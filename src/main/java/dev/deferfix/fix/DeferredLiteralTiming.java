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

/**
 * Every strategy runs a deferred call when its iteration ends instead of when
 * the function returns. That is the point for a cleanup, but it changes the
 * program when the call depends on what happens between those two moments:
 * <ul>
 * <li>a named result that a deferred function literal reads or assigns, that
 * the call gets by address ({@code defer closeInto(&err, f)}) or is a method
 * of ({@code defer s.closeRes(r)}), or whose address the function takes
 * anywhere ({@code errp := &err}, see {@link NamedResultAddress}): return
 * statements set the results before deferred calls run, so those calls see
 * and can change what the function returns;</li>
 * <li>a variable from outside the loop body that a deferred function literal
 * (its own, one passed as an argument, or the one a local variable holds, see
 * {@link BoundLiteral}) reads, when anything in the function
 * writes it, including a loop variable that all iterations share before Go 1.22; for
 * a defer in a function literal, "the function" is the declaration around it,
 * whose variables the literal captures;</li>
 * <li>a package-level variable that such a literal reads, when the
 * function writes it;</li>
 * <li>since calls are not followed: what may be a package-level variable, or
 * state read through a variable from outside the body ({@code st.n},
 * {@code m[k]}, {@code *p}, see {@link ReadThrough}), when a call may run
 * before the function returns ({@link LaterCalls}), or a field of that name is
 * written through any variable.</li>
 * </ul>
 */
public final class DeferredLiteralTiming implements UnitCheck {

    @Override
    public Refusal check(LoopUnit unit, FixOptions options) {
        for (DeferSite site : unit.sites()) {
            String problem = new SiteJudgement(site, unit, options.goVersion()).problem();
            if (problem != null) {
                return new Refusal(RefusalReason.READS_LATER_STATE, problem);
            }
        }
        return null;
    }

    /** One defer's judgement, with what it looks up about the function computed once, when first needed. */
    private static final class SiteJudgement {
        private final DeferSite site;
        private final SyntaxNode loop;
        private final SyntaxNode body;
        private final GoVersion version;
        private final SyntaxNode outermost;
        private final LocalScopes scopes;
        private List<Write> writes;
        private PackageLevelNames packageNames;
        /** The literal that a deferred call of a local variable runs, or null. */
        private SyntaxNode bound;
        private boolean laterCallKnown;
        private SyntaxNode laterCall;

        SiteJudgement(DeferSite site, LoopUnit unit, GoVersion version) {
            this.site = site;
            this.loop = unit.loop();
            this.body = unit.body();
            this.version = version;
            this.outermost = outermostFunction(site.function());
            this.scopes = LocalScopes.of(outermost);
        }

        String problem() {
            SyntaxNode address = NamedResultAddress.first(site.function(), scopes);
            if (address != null) {
                return "the function takes the address of its named result " + address.text() + " at line "
                        + line(address) + ": the deferred call may change it through that pointer after return"
                        + " statements set it";
            }
            bound = BoundLiteral.of(site.call(), scopes, writes());
            String own = usesProblem(LocalScopes.identifierUses(site.defer()), null);
            if (own != null) {
                return own;
            }
            return bound == null ? null : usesProblem(LocalScopes.identifierUses(bound), bound);
        }

        /**
         * @param literal the literal a deferred call of a local variable runs (all its uses run later), or null
         *              for the defer statement itself
         */
        private String usesProblem(List<SyntaxNode> uses, SyntaxNode literal) {
            SyntaxNode region = literal != null ? literal : site.defer();
            String subject = literal != null ? "the function literal that the deferred " + site.call().text().strip()
                    + " runs" : "the deferred function literal";
            for (SyntaxNode use : uses) {
                Declaration declaration = scopes.resolve(use);
                boolean runsLater = literal != null || inDeferredLiteral(use, site.defer());
                if (declaration == null) {
                    String problem = runsLater ? packageLevelProblem(use, subject) : null;
                    if (problem != null) {
                        return problem;
                    }
                    continue;
                }
                if (declaration.isInside(region)) {
                    continue;
                }
                if (NamedResultAddress.isNamedResult(declaration)) {
                    if (runsLater || addressTaken(use, site.defer()) || isReceiverRoot(use, site.call())) {
                        return "the deferred call uses the named result " + use.text()
                                + ", which return statements set before deferred calls run";
                    }
                    continue;
                }
                if (!runsLater || declaration.isInside(body) || isPerIterationLoopVariable(declaration, site, version)) {
                    continue;
                }
                String problem = outerVariableProblem(use, declaration, subject, region);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        private String packageLevelProblem(SyntaxNode use, String subject) {
            // The function itself may change it before it returns.
            Write write = firstWrite(writes(), use.text(), null);
            if (write != null) {
                return subject + " reads the package-level " + use.text() + ", changed at line " + line(write.at())
                        + ", so it would read it at another time";
            }
            if (!packageNames().mayBeVariable(use)) {
                return null;
            }
            SyntaxNode call = laterCall();
            return call == null ? null : subject + " reads " + use.text() + ", which may be a package-level variable,"
                    + " and " + GoTrees.calleeText(call) + " (line " + line(call) + ") may change it before the"
                    + " function returns";
        }

        private String outerVariableProblem(SyntaxNode use, Declaration declaration, String subject,
                                            SyntaxNode region) {
            if (declaration.statement().is(NodeKind.RANGE_CLAUSE) && site.loops().contains(declaration.scope())) {
                return subject + " reads the loop variable " + use.text()
                        + ", which before Go 1.22 holds the last iteration's value when the function returns";
            }
            Write write = firstWrite(writes(), use.text(), declaration.token());
            if (write != null) {
                return subject + " reads " + use.text() + ", declared outside the loop body and "
                        + "changed at line " + line(write.at()) + ", so it would read it at another time";
            }
            String through = ReadThrough.of(use);
            if (through == null) {
                return null;
            }
            SyntaxNode call = laterCall();
            if (call != null) {
                return subject + " reads through " + use.text() + ", declared outside the loop body, and "
                        + GoTrees.calleeText(call) + " (line " + line(call) + ") may change what it points to"
                        + " before the function returns";
            }
            for (Write other : writes()) {
                if (!other.declares() && other.path().contains(through) && !region.isAncestorOf(other.at())) {
                    return subject + " reads the field " + use.text() + "." + through + ", and a field " + through
                            + " is written through " + other.name() + " at line " + line(other.at())
                            + ", which may be the same";
                }
            }
            return null;
        }

        private List<Write> writes() {
            if (writes == null) {
                writes = NameWrites.in(outermost);
            }
            return writes;
        }

        private PackageLevelNames packageNames() {
            if (packageNames == null) {
                packageNames = PackageLevelNames.of(GoTrees.root(site.defer()));
            }
            return packageNames;
        }

        private SyntaxNode laterCall() {
            if (!laterCallKnown) {
                laterCall = LaterCalls.first(site, loop, bound, packageNames().importNames());
                laterCallKnown = true;
            }
            return laterCall;
        }

        private int line(SyntaxNode node) {
            return site.file().source().line(node.start());
        }

        /** A write of {@code name} other than the declaration {@code declaring} (null: one at package level). */
        private Write firstWrite(List<Write> all, String name, SyntaxNode declaring) {
            for (Write write : all) {
                boolean same = declaring != null ? write.at() != declaring : scopes.resolve(write.at()) == null;
                if (write.name().equals(name) && same) {
                    return write;
                }
            }
            return null;
        }
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

    /** Inside a function literal of the defer statement: its body runs when the deferred call does. */
    private static boolean inDeferredLiteral(SyntaxNode use, SyntaxNode defer) {
        SyntaxNode literal = use.ancestor(NodeKind.FUNC_LIT);
        return literal != null && defer.isAncestorOf(literal);
    }

    /** {@code name.m(...)} or {@code name.f.m(...)} as the deferred call: a pointer method gets {@code &name}. */
    private static boolean isReceiverRoot(SyntaxNode use, SyntaxNode call) {
        SyntaxNode primary = use.parent().parent();
        return primary != null && primary.is(NodeKind.PRIMARY_EXPR) && primary.child(0) == use.parent()
                && primary.children().size() > 2 && call.isAncestorOf(primary) && call.start() == primary.start()
                && call.end() == primary.end();
    }

    /** {@code &name} (or {@code &name.field}): the callee may read or write the variable whenever it runs. */
    private static boolean addressTaken(SyntaxNode use, SyntaxNode defer) {
        for (SyntaxNode up = use.parent(); up != defer; up = up.parent()) {
            if (up.is(NodeKind.UNARY_EXPR)) {
                for (SyntaxNode op : up.children(NodeKind.UNARY_OP)) {
                    if (op.child(0).is(TokenKind.AMP)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }
}
