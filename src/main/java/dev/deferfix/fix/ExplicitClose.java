package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.WhiteSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes each defer of a loop body and calls the deferred function where the
 * iteration ends: at the end of the body and before every break/continue that
 * leaves the iteration after the defer, several defers in reverse order. A
 * deferred function literal becomes a direct call. Refuses unless every defer
 * is a statement directly in the body, nothing after it leaves the iteration
 * in a way that cannot get a call (return, goto), no defer that stays (refused,
 * suppressed or a note) follows a moved one, and the call reads the same
 * values later (see {@link LateCallCheck}).
 *
 * <p>A trailing comment on the defer's line moves with the call at the end of
 * the body (it describes the cleanup); the copies before early exits stay bare,
 * so the comment is not duplicated.
 */
public final class ExplicitClose implements Strategy {
    /** (A class, not a lambda: each lambda's first call costs start-up.) */
    private static final Comparator<DeferSite> IN_SOURCE_ORDER = new Comparator<>() {
        @Override
        public int compare(DeferSite a, DeferSite b) {
            return Integer.compare(a.defer().start(), b.defer().start());
        }
    };

    public static final String NAME = "explicit-close";

    /** The rest of each package, read once per directory in a run (shared): its interface types. */
    private final PackageDeclarations declarations;

    ExplicitClose(PackageDeclarations declarations) {
        this.declarations = declarations;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(LoopUnit unit, FixOptions options) {
        SyntaxNode body = unit.body();
        List<SyntaxNode> statements = GoTrees.statements(GoTrees.listOf(body));
        List<DeferSite> sites = new ArrayList<>(unit.sites());
        sites.sort(IN_SOURCE_ORDER);
        List<Integer> indexes = new ArrayList<>();
        for (DeferSite site : sites) {
            int index = statements.indexOf(site.defer());
            if (index < 0) {
                return refuse(RefusalReason.CONDITIONAL_DEFER, "the defer at line " + line(unit, site.defer())
                        + " is inside another statement of the loop body");
            }
            indexes.add(index);
        }
        String laterDefer = deferStayingAfter(unit, sites.get(0));
        if (laterDefer != null) {
            return refuse(RefusalReason.OTHER_DEFER_IN_BODY, laterDefer);
        }
        String gotoProblem = anyGoto(body);
        if (gotoProblem != null) {
            return refuse(RefusalReason.JUMP_AFTER_DEFER, gotoProblem);
        }
        List<SyntaxNode> jumps = new ArrayList<>();
        int firstDeferEnd = statements.get(indexes.get(0)).end();
        for (BodyExits.Exit exit : BodyExits.of(unit.loop())) {
            if (exit.statement().start() < firstDeferEnd) {
                continue;
            }
            if (exit.kind() == BodyExits.Kind.RETURN) {
                return refuse(RefusalReason.JUMP_AFTER_DEFER, "return at line " + line(unit, exit.statement()));
            }
            jumps.add(exit.statement());
        }
        SyntaxNode unwinding = NoReturnCalls.firstUnwinding(body, firstDeferEnd,
                GoTrees.outermostFunction(unit.body()), unit.file(), declarations);
        if (unwinding != null) {
            return refuse(RefusalReason.JUMP_AFTER_DEFER, WhiteSpace.collapsed(unwinding.text().strip()) + " at line "
                    + line(unit, unwinding) + " unwinds the stack, which runs deferred calls but would skip the moved"
                    + " call");
        }
        List<DeferredCall> calls = new ArrayList<>();
        for (DeferSite site : sites) {
            DeferredCall call = DeferredCall.of(site.defer());
            String problem = call.notMovable() != null ? call.notMovable()
                    : LateCallCheck.problem(site, call, body, options.goVersion(), declarations);
            if (problem != null) {
                return refuse(RefusalReason.VALUE_REASSIGNED, problem);
            }
            calls.add(call);
        }
        CleanupPlacement placement = new CleanupPlacement(unit.file(), body, statements, indexes, calls);
        List<Edit> edits = placement.edits(jumps);
        if (edits == null) {
            return refuse(RefusalReason.UNSUPPORTED_SYNTAX, placement.problem());
        }
        return Plan.rewrite(NAME, edits, explanation(unit, sites, jumps));
    }

    private static String explanation(LoopUnit unit, List<DeferSite> sites, List<SyntaxNode> jumps) {
        StringBuilder text = new StringBuilder();
        for (int i = sites.size() - 1; i >= 0; i--) {
            text.append(i == sites.size() - 1 ? "" : ", then ")
                    .append(WhiteSpace.collapsed(sites.get(i).call().text().strip()));
        }
        text.append(sites.size() > 1 ? " now run" : " now runs").append(" at the end of each iteration");
        if (!jumps.isEmpty()) {
            text.append(" and before the ").append(jumps.size() == 1 ? "jump" : "jumps").append(" at line");
            text.append(jumps.size() == 1 ? " " : "s ");
            for (int i = 0; i < jumps.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(line(unit, jumps.get(i)));
            }
        }
        text.append(" instead of when the function returns. Unlike a defer, the call is skipped when"
                + " something the iteration calls panics (or calls runtime.Goexit) between the former defer"
                + " and the end of the iteration (a panic, runtime.Goexit or t.Fatal written in the body there"
                + " keeps the defer).");
        return text.toString();
    }

    /**
     * A defer of the body that stays (refused, suppressed or a note) and comes
     * after a moved one: its call ran before that cleanup (last deferred, first
     * run) and would now run after it, when the function returns.
     */
    private static String deferStayingAfter(LoopUnit unit, DeferSite firstMoved) {
        for (SyntaxNode node : GoTrees.sameFunction(unit.body())) {
            if (node.is(NodeKind.DEFER_STMT) && node.start() > firstMoved.defer().start() && !moves(unit, node)) {
                return "the defer at line " + line(unit, node) + " stays until the function returns; it ran before "
                        + WhiteSpace.collapsed(firstMoved.call().text().strip()) + " and would then run after it";
            }
        }
        return null;
    }

    private static boolean moves(LoopUnit unit, SyntaxNode defer) {
        for (DeferSite site : unit.sites()) {
            if (site.defer() == defer) {
                return true;
            }
        }
        return false;
    }

    /** Any goto in the body: one that jumps over the defer or out of the body would skip or double the call. */
    private static String anyGoto(SyntaxNode body) {
        for (SyntaxNode node : GoTrees.sameFunction(body)) {
            if (node.is(NodeKind.GOTO_STMT)) {
                return "goto at line " + node.source().line(node.start());
            }
        }
        return null;
    }

    private static Plan refuse(RefusalReason reason, String detail) {
        return Plan.refuse(NAME, reason, new Refusal(reason, detail).explanation());
    }

    private static int line(LoopUnit unit, SyntaxNode node) {
        return unit.file().source().line(node.start());
    }
}
