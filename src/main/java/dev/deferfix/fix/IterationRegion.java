package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;

/** One iteration of a loop body, which the value a defer cleans up must not outlive. */
record IterationRegion(LoopUnit unit, DeferSite site, GoroutineJoins joins) implements FlowRegion {
    @Override
    public SyntaxNode body() {
        return unit.body();
    }

    @Override
    public ParsedFile file() {
        return unit.file();
    }

    @Override
    public boolean outlivedBy(SyntaxNode goStatement, LocalScopes scopes) {
        return !joins.joinedWithinIteration(goStatement, unit, scopes);
    }

    /**
     * A return from the function after the defer hands the value over; a
     * call's result that may keep it is let go (whatever it keeps was
     * cleaned up at that return before the rewrite as well).
     */
    @Override
    public String returned(SyntaxNode statement, String where, boolean throughCall) {
        if (GoTrees.enclosingFunction(statement) != site.function()) {
            return where + " is returned from a function literal";
        }
        return statement.start() > site.defer().end() && !throughCall ? where + " is returned from the function" : null;
    }

    /** A variable from outside the body lives on after the iteration. */
    @Override
    public boolean keepsWithin(LocalScopes.Declaration variable, boolean whole, boolean holdsValue) {
        return variable.isInside(unit.body());
    }

    @Override
    public boolean isCleanup(SyntaxNode node) {
        return site.defer().isAncestorOf(node);
    }

    @Override
    public String ending() {
        return "the iteration";
    }

    @Override
    public String place() {
        return "the loop body";
    }
}
