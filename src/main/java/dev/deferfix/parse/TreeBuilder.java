package dev.deferfix.parse;

import dev.deferfix.parse.antlr.TreeSink;
import java.util.Arrays;
import java.util.List;

/**
 * Builds our {@link SyntaxNode} tree straight from the parser's rule and token
 * events, so no ANTLR parse tree is built or converted. Finished nodes wait on
 * one stack until the rule that holds them closes.
 */
final class TreeBuilder implements TreeSink {
    private final SourceText source;
    private SyntaxNode[] nodes = new SyntaxNode[64];
    private int nodeCount;
    /** Per open rule: rule index, start offset, index in {@link #nodes} of its first child. */
    private int[] frames = new int[3 * 64];
    private int frameCount;

    TreeBuilder(SourceText source) {
        this.source = source;
    }

    @Override
    public void enterRule(int ruleIndex, int start) {
        if (frameCount + 3 > frames.length) {
            frames = Arrays.copyOf(frames, frames.length * 2);
        }
        frames[frameCount++] = ruleIndex;
        frames[frameCount++] = start;
        frames[frameCount++] = nodeCount;
    }

    @Override
    public void token(int type, int start, int end) {
        push(new SyntaxNode(NodeKind.TOKEN, GoParsing.kindOfToken(type), source, start, end, List.of()));
    }

    @Override
    public void exitRule() {
        int first = frames[--frameCount];
        int start = frames[--frameCount];
        int ruleIndex = frames[--frameCount];
        List<SyntaxNode> children = List.of();
        int end = start;
        if (nodeCount > first) {
            children = Arrays.asList(Arrays.copyOfRange(nodes, first, nodeCount));
            start = children.get(0).start();
            end = children.get(children.size() - 1).end();
            nodeCount = first;
        }
        push(new SyntaxNode(GoParsing.kindOfRule(ruleIndex), null, source, start, end, children));
    }

    /** The tree once the start rule has closed. */
    SyntaxNode root() {
        if (nodeCount != 1 || frameCount != 0) {
            throw new IllegalStateException("parse did not finish: " + nodeCount + " nodes, " + frameCount / 3 + " open rules");
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
