package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One loop body with the defers that sit in it (this loop is their innermost
 * loop). A strategy transforms a whole unit at once, so several defers of one
 * body keep their order. {@code namesOfRound} holds the names that rewrites
 * planned before it in the same round bring into its function: all of a
 * round's units are planned on the same text, so a fresh name must avoid
 * these too ({@link FreshNames}).
 */
public record LoopUnit(ParsedFile file, SyntaxNode loop, List<DeferSite> sites, Set<String> namesOfRound) {

    /** A unit planned alone on its text. */
    public LoopUnit(ParsedFile file, SyntaxNode loop, List<DeferSite> sites) {
        this(file, loop, sites, new HashSet<>());
    }

    public SyntaxNode body() {
        return dev.deferfix.find.GoTrees.body(loop);
    }
}
