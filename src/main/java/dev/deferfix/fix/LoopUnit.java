package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import java.util.List;

/**
 * One loop body with the defers that sit in it (this loop is their innermost
 * loop). A strategy transforms a whole unit at once, so several defers of one
 * body keep their order.
 */
public record LoopUnit(ParsedFile file, SyntaxNode loop, List<DeferSite> sites) {

    public SyntaxNode body() {
        return dev.deferfix.find.GoTrees.body(loop);
    }
}
