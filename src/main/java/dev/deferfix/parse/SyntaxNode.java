package dev.deferfix.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A node of our own syntax tree: a grammar rule with its children, or a leaf
 * holding one token. Offsets are half-open indexes into the file's text.
 */
public final class SyntaxNode {
    private final NodeKind kind;
    private final TokenKind token;
    private final SourceText source;
    private final int start;
    private final int end;
    private final List<SyntaxNode> children;
    private SyntaxNode parent;

    /** {@code children} must be immutable (from {@code List.of}); it is kept as it is. */
    SyntaxNode(NodeKind kind, TokenKind token, SourceText source, int start, int end, List<SyntaxNode> children) {
        this.kind = kind;
        this.token = token;
        this.source = source;
        this.start = start;
        this.end = end;
        this.children = children;
        for (int i = 0; i < children.size(); i++) {
            children.get(i).parent = this;
        }
    }

    public NodeKind kind() {
        return kind;
    }

    /** The token kind of a leaf, or null for a rule node. */
    public TokenKind token() {
        return token;
    }

    public boolean is(NodeKind expected) {
        return kind == expected;
    }

    public boolean is(TokenKind expected) {
        return token == expected;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public SourceText source() {
        return source;
    }

    public String text() {
        return source.text().substring(start, end);
    }

    public SyntaxNode parent() {
        return parent;
    }

    public List<SyntaxNode> children() {
        return children;
    }

    public SyntaxNode child(int index) {
        return children.get(index);
    }

    public SyntaxNode firstChild(NodeKind wanted) {
        for (SyntaxNode child : children) {
            if (child.kind == wanted) {
                return child;
            }
        }
        return null;
    }

    public SyntaxNode firstChild(TokenKind wanted) {
        for (SyntaxNode child : children) {
            if (child.token == wanted) {
                return child;
            }
        }
        return null;
    }

    public List<SyntaxNode> children(NodeKind wanted) {
        List<SyntaxNode> found = new ArrayList<>();
        for (SyntaxNode child : children) {
            if (child.kind == wanted) {
                found.add(child);
            }
        }
        return found;
    }

    public boolean hasChild(TokenKind wanted) {
        return firstChild(wanted) != null;
    }

    /** The nearest proper ancestor of the given kind, or null. */
    public SyntaxNode ancestor(NodeKind wanted) {
        for (SyntaxNode up = parent; up != null; up = up.parent) {
            if (up.kind == wanted) {
                return up;
            }
        }
        return null;
    }

    public boolean isAncestorOf(SyntaxNode other) {
        for (SyntaxNode up = other.parent; up != null; up = up.parent) {
            if (up == this) {
                return true;
            }
        }
        return false;
    }

    /**
     * This node and all its descendants in source order, as a list to loop over: the
     * rewrite stage's checks run once per file, where a visitor lambda's first call
     * costs more start-up time than the walk.
     */
    public List<SyntaxNode> subtree() {
        return subtreeNotInto(null);
    }

    /** As {@link #subtree}, but below this node, nodes of the kind are listed without their insides. */
    public List<SyntaxNode> subtreeNotInto(NodeKind closed) {
        List<SyntaxNode> nodes = new ArrayList<>();
        List<SyntaxNode> stack = new ArrayList<>();
        stack.add(this);
        while (!stack.isEmpty()) {
            SyntaxNode node = stack.remove(stack.size() - 1);
            nodes.add(node);
            if (node != this && node.kind == closed) {
                continue;
            }
            for (int i = node.children.size() - 1; i >= 0; i--) {
                stack.add(node.children.get(i));
            }
        }
        return nodes;
    }

    /** Visits this node and its descendants in source order; children are skipped where {@code descend} says no. */
    public void walk(Predicate<SyntaxNode> descend, Consumer<SyntaxNode> visitor) {
        List<SyntaxNode> stack = new ArrayList<>();
        stack.add(this);
        while (!stack.isEmpty()) {
            SyntaxNode node = stack.remove(stack.size() - 1);
            visitor.accept(node);
            if (node != this && !descend.test(node)) {
                continue;
            }
            for (int i = node.children.size() - 1; i >= 0; i--) {
                stack.add(node.children.get(i));
            }
        }
    }

    /**
     * All descendants (and this node) of a kind, in source order. Runs once per
     * file in every scan, so token leaves (half the tree) are not even visited
     * unless tokens are wanted.
     */
    public List<SyntaxNode> descendants(NodeKind wanted) {
        List<SyntaxNode> found = new ArrayList<>();
        boolean leaves = wanted == NodeKind.TOKEN;
        SyntaxNode[] stack = new SyntaxNode[64];
        int size = 0;
        stack[size++] = this;
        while (size > 0) {
            SyntaxNode node = stack[--size];
            if (node.kind == wanted) {
                found.add(node);
            }
            List<SyntaxNode> below = node.children;
            for (int i = below.size() - 1; i >= 0; i--) {
                SyntaxNode child = below.get(i);
                if (child.token == null || leaves) {
                    if (size == stack.length) {
                        stack = Arrays.copyOf(stack, size * 2);
                    }
                    stack[size++] = child;
                }
            }
        }
        return found;
    }

    /** The first token leaf below this node, or null when the node is empty. */
    public SyntaxNode firstToken() {
        SyntaxNode node = this;
        while (node.token == null) {
            if (node.children.isEmpty()) {
                return null;
            }
            node = node.children.get(0);
        }
        return node;
    }

    /** The last token leaf below this node, or null when the node is empty. */
    public SyntaxNode lastToken() {
        SyntaxNode node = this;
        while (node.token == null) {
            if (node.children.isEmpty()) {
                return null;
            }
            node = node.children.get(node.children.size() - 1);
        }
        return node;
    }

    @Override
    public String toString() {
        return (token != null ? token.name() : kind.name()) + "[" + start + "," + end + ")";
    }
}
