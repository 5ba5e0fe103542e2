package dev.deferfix.robust;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One file the fuzzer starts from, with the places its mutations aim at:
 * token ranges (every token, hidden ones too) and the ranges of whole
 * statements, blocks and loops, whose deletion or duplication often still
 * parses and so reaches the rewriter. A seed that does not parse has neither
 * and gets byte-level mutations only.
 */
record FuzzSeed(String name, byte[] bytes, String text, List<GoToken> tokens, List<Range> nodes) {
    private static final Set<NodeKind> NODE_TARGETS = Set.of(NodeKind.STATEMENT, NodeKind.BLOCK,
            NodeKind.FOR_STMT, NodeKind.DEFER_STMT, NodeKind.IF_STMT, NodeKind.FUNC_LIT, NodeKind.FUNC_DECL,
            NodeKind.EXPRESSION, NodeKind.RANGE_CLAUSE, NodeKind.FOR_CLAUSE, NodeKind.LABELED_STMT,
            NodeKind.SWITCH_STMT, NodeKind.SELECT_STMT, NodeKind.CASE_CLAUSE, NodeKind.RETURN_STMT);

    /** A half-open range of the seed's text. */
    record Range(int start, int end) {
    }

    static FuzzSeed of(String name, byte[] bytes) {
        try {
            ParsedFile parsed = GoParsing.parse(name, bytes);
            List<Range> nodes = new ArrayList<>();
            parsed.root().walk(node -> true, node -> {
                if (NODE_TARGETS.contains(node.kind()) && node.end() > node.start()) {
                    nodes.add(new Range(node.start(), node.end()));
                }
            });
            return new FuzzSeed(name, bytes, parsed.source().text(), parsed.tokens(), nodes);
        } catch (SyntaxError notGo) {
            return new FuzzSeed(name, bytes, null, List.of(), List.of());
        }
    }

    boolean hasStructure() {
        return text != null && !tokens.isEmpty();
    }

    byte[] utf8(String mutated) {
        return mutated.getBytes(StandardCharsets.UTF_8);
    }
}
