package dev.deferfix.parse;

import dev.deferfix.parse.antlr.TreeSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds our {@link SyntaxNode} tree straight from the parser's rule and token
 * events, so no ANTLR parse tree is built or converted. Finished nodes wait on
 * one stack until the rule that holds them closes. Each rule node is checked
 * against the {@link SyntaxRules} as it closes.
 */
final class TreeBuilder implements TreeSink {
    private final SourceText source;
    private final SyntaxRules rules;
    /** False when the tree only serves the rules: opaque nodes then drop their insides once checked. */
    private final boolean whole;
    private SyntaxNode[] nodes = new SyntaxNode[64];
    private int nodeCount;
    /** Per open rule: rule index, index in {@link #nodes} of its first child. */
    private int[] frames = new int[2 * 64];
    private int frameCount;
    private int lastTokenEnd;
    /** DEFER_STMT nodes in the order they closed (an inner one before the one around it). */
    private final List<SyntaxNode> defers = new ArrayList<>();
    /** What a rule check threw on a node that a failing parse closed half-built (see {@link #exitRule}). */
    private RuntimeException ruleCheckFailure;

    /** @param whole keep every node; false keeps only what the {@link SyntaxRules} look at, so memory stays small */
    TreeBuilder(SourceText source, boolean whole) {
        this.source = source;
        this.rules = new SyntaxRules(source);
        this.whole = whole;
    }

    @Override
    public void enterRule(int ruleIndex) {
        if (frameCount + 2 > frames.length) {
            frames = Arrays.copyOf(frames, frames.length * 2);
        }
        frames[frameCount++] = ruleIndex;
        frames[frameCount++] = nodeCount;
    }

    @Override
    public void token(int type, int start, int end) {
        push(new SyntaxNode(NodeKind.TOKEN, GoParsing.kindOfToken(type), source, start, end, List.of()));
        lastTokenEnd = end;
    }

    @Override
    public void exitRule() {
        int first = frames[--frameCount];
        int ruleIndex = frames[--frameCount];
        // An empty rule sits right after the token before it, not at the next one,
        // so that a clause never reaches over the blank lines that follow it.
        int start = lastTokenEnd;
        int end = start;
        if (nodeCount > first) {
            start = nodes[first].start();
            end = nodes[nodeCount - 1].end();
        }
        NodeKind kind = GoParsing.kindOfRule(ruleIndex);
        if (!whole && nodeCount - first == 1 && SyntaxRules.isPassThrough(kind)) {
            return; // its only child stands in for it (and was checked when it closed)
        }
        List<SyntaxNode> children = childrenFrom(first);
        nodeCount = first;
        SyntaxNode node = new SyntaxNode(kind, null, source, start, end, children);
        try {
            rules.visit(node);
        } catch (RuntimeException halfBuilt) {
            // A syntax error unwinds the parser through every open rule, which then closes
            // with children missing; the parse fails anyway, with that error. Should the
            // parse succeed, the failure is a bug, raised by checkRules.
            ruleCheckFailure = halfBuilt;
        }
        if (kind == NodeKind.DEFER_STMT) {
            defers.add(node);
        }
        if (!whole && SyntaxRules.isOpaque(kind)) {
            node = new SyntaxNode(kind, null, source, start, end, List.of());
        }
        push(node);
    }

    /** Most rules hold one or two children, which List.of keeps without an array. */
    private List<SyntaxNode> childrenFrom(int first) {
        switch (nodeCount - first) {
            case 0:
                return List.of();
            case 1:
                return List.of(nodes[first]);
            case 2:
                return List.of(nodes[first], nodes[first + 1]);
            default:
                return List.of(Arrays.copyOfRange(nodes, first, nodeCount));
        }
    }

    /** Forgets a failed pass. */
    void clear() {
        nodeCount = 0;
        frameCount = 0;
        lastTokenEnd = 0;
        rules.clear();
        ruleCheckFailure = null;
        defers.clear();
    }

    /** Throws the first violation of the {@link SyntaxRules} in the finished tree, if any. */
    void checkRules() throws SyntaxError {
        if (ruleCheckFailure != null) {
            throw ruleCheckFailure;
        }
        rules.throwFirst();
    }

    /** (A class, not a lambda: each lambda's first call costs every start-up.) */
    private static final Comparator<SyntaxNode> BY_START = new Comparator<>() {
        @Override
        public int compare(SyntaxNode a, SyntaxNode b) {
            return Integer.compare(a.start(), b.start());
        }
    };

    /** The defer statements of the finished tree, in source order (so every scan can skip a walk for them). */
    List<SyntaxNode> deferStatements() {
        List<SyntaxNode> inOrder = new ArrayList<>(defers);
        inOrder.sort(BY_START); // the one around a nested defer starts first
        return List.copyOf(inOrder);
    }

    /** The tree once the start rule has closed. */
    SyntaxNode root() {
        if (nodeCount != 1 || frameCount != 0) {
            throw new IllegalStateException("parse did not finish: " + nodeCount + " nodes, " + frameCount / 2 + " open rules");
        }
        return nodes[0];
    }

    private void push(SyntaxNode node) {
        if (nodeCount == nodes.length) {
            nodes = Arrays.copyOf(nodes, nodeCount * 2);
        }
        nodes[nodeCount++] = node;
    }
}
