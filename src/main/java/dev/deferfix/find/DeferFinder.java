package dev.deferfix.find;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every defer that can run more than once per call of its function: a
 * defer inside a for/range loop body with no function literal in between, or
 * between a label and a later goto back to it.
 */
public final class DeferFinder {
    private DeferFinder() {
    }

    public static List<DeferSite> find(ParsedFile file) {
        List<DeferSite> sites = new ArrayList<>();
        Map<SyntaxNode, List<SyntaxNode>> gotosByFunction = new IdentityHashMap<>();
        for (SyntaxNode defer : file.deferStatements()) {
            SyntaxNode function = GoTrees.enclosingFunction(defer);
            List<SyntaxNode> loops = enclosingLoops(defer);
            SyntaxNode gotoLabel = null;
            if (function != null) {
                List<SyntaxNode> gotos = gotosByFunction.get(function);
                if (gotos == null) {
                    gotos = gotosOf(function);
                    gotosByFunction.put(function, gotos);
                }
                gotoLabel = backwardGotoLabel(defer, gotos);
            }
            if (loops.isEmpty() && gotoLabel == null) {
                continue;
            }
            Severity severity = gotoLabel == null && LoopExitAnalysis.leavesLoopAfter(defer, loops.get(0))
                    ? Severity.NOTE : Severity.WARNING;
            sites.add(new DeferSite(file, defer, loops, gotoLabel, function, severity));
        }
        return sites;
    }

    /** For/range loops whose body holds the defer, up to the enclosing function, outermost first. */
    private static List<SyntaxNode> enclosingLoops(SyntaxNode defer) {
        List<SyntaxNode> loops = new ArrayList<>();
        SyntaxNode child = defer;
        for (SyntaxNode up = defer.parent(); up != null && !GoTrees.isFunction(up); up = up.parent()) {
            if (up.is(NodeKind.FOR_STMT) && child.is(NodeKind.BLOCK)) {
                loops.add(up);
            }
            child = up;
        }
        Collections.reverse(loops);
        return loops;
    }

    /** A label before the defer with a goto to it after the defer, all in the same function body; or null. */
    private static SyntaxNode backwardGotoLabel(SyntaxNode defer, List<SyntaxNode> gotos) {
        for (SyntaxNode jump : gotos) {
            if (jump.start() > defer.end()) {
                SyntaxNode label = JumpTargets.targetOf(jump);
                if (label != null && label.start() < defer.start()) {
                    return label;
                }
            }
        }
        return null;
    }

    /**
     * The goto statements of a function body (not of its function literals), in source order.
     * Collected once per function: walking the body again for every defer is quadratic.
     */
    private static List<SyntaxNode> gotosOf(SyntaxNode function) {
        SyntaxNode body = function.firstChild(NodeKind.BLOCK);
        List<SyntaxNode> gotos = new ArrayList<>();
        if (body != null) {
            for (SyntaxNode node : GoTrees.sameFunction(body)) {
                if (node.is(NodeKind.GOTO_STMT)) {
                    gotos.add(node);
                }
            }
        }
        return gotos;
    }
}
