package dev.deferfix.find;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A defer statement that can run once per iteration of a loop, with the
 * control-flow facts the later stages need.
 *
 * @param loops       the enclosing for/range loops of the same function, outermost first
 * @param gotoLabel   the label of a backward goto in the same function that can run the defer
 *                    again, or null
 * @param function    the FUNC_DECL or FUNC_LIT whose body holds the defer
 * @param severity    NOTE when every path from the defer leaves the loop for good
 */
public record DeferSite(ParsedFile file, SyntaxNode defer, List<SyntaxNode> loops, SyntaxNode gotoLabel,
                        SyntaxNode function, Severity severity) {

    /** The innermost enclosing for/range loop, or null for a loop made only by goto. */
    public SyntaxNode innermostLoop() {
        return loops.isEmpty() ? null : loops.get(loops.size() - 1);
    }

    /** The deferred call expression. */
    public SyntaxNode call() {
        return defer.firstChild(NodeKind.EXPRESSION);
    }

    /** "range>for" style chain of loop kinds, outermost first. */
    public String loopChain() {
        return loops.stream().map(loop -> GoTrees.isRangeLoop(loop) ? "range" : "for")
                .collect(Collectors.joining(">"));
    }

    public boolean inGotoLoop() {
        return gotoLabel != null;
    }

    /** The statement that makes the loop: the innermost for/range loop, else the goto's label. */
    public SyntaxNode loopAnchor() {
        return loops.isEmpty() ? gotoLabel : innermostLoop();
    }
}
