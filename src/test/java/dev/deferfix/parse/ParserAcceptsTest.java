package dev.deferfix.parse;

import static dev.deferfix.parse.Parsing.all;
import static dev.deferfix.parse.Parsing.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParserAcceptsTest {

    static List<Snippets.Valid> validSnippets() {
        return Snippets.valid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSnippets")
    void parsesAndShapesTheTree(Snippets.Valid snippet) {
        ParsedFile file = parse(snippet.source());
        List<String> spans = all(file, snippet.kind()).stream().map(SyntaxNode::text).toList();
        assertTrue(spans.contains(snippet.text()),
                () -> "no " + snippet.kind() + " spans <" + snippet.text() + ">; found " + spans);
        assertEquals(0, file.root().start());
        assertEquals(snippet.source().stripTrailing(), file.root().text().stripTrailing());
    }

    @Test
    void arrayTypeDeclarationHasNoTypeParameters() {
        ParsedFile file = parse("package p\n\ntype A [N]int\n");
        assertEquals(List.of(), all(file, NodeKind.TYPE_PARAMETERS));
        assertEquals(List.of("[N]int"), all(file, NodeKind.ARRAY_TYPE).stream().map(SyntaxNode::text).toList());
    }

    @Test
    void genericTypeDeclarationHasTypeParameters() {
        ParsedFile file = parse("package p\n\ntype A[T any] int\n");
        assertEquals(List.of("[T any]"), all(file, NodeKind.TYPE_PARAMETERS).stream().map(SyntaxNode::text).toList());
        assertEquals(List.of(), all(file, NodeKind.ARRAY_TYPE));
    }

    @Test
    void numberAndRuneLiteralsGetTheirTokenKinds() {
        ParsedFile file = parse(Snippets.inFunction("_ = []any{089i, 0x1p-2, 1_000, '\\'', 0o17, 0b1, .5e+1, 0X_Fp0}"));
        List<String> literals = file.root().descendants(NodeKind.BASIC_LIT).stream()
                .map(literal -> literal.child(0).token() + " " + literal.text()).toList();
        assertEquals(List.of("IMAGINARY 089i", "FLOAT 0x1p-2", "INT 1_000", "RUNE '\\''", "INT 0o17",
                "INT 0b1", "FLOAT .5e+1", "FLOAT 0X_Fp0"), literals);
    }

    @Test
    void typeSwitchKeepsEveryCaseClause() {
        ParsedFile file = parse(Snippets.inFunction(
                "switch v := x.(type) {\ncase int, *T:\ncase []byte:\ndefault:\n\t_ = v\n}"));
        assertEquals(List.of("case int, *T:", "case []byte:", "default:\n\t_ = v"),
                all(file, NodeKind.CASE_CLAUSE).stream().map(SyntaxNode::text).toList());
    }

    @Test
    void nodesNestAndKnowTheirParents() {
        ParsedFile file = parse(Snippets.inFunction("for i := 0; i < 3; i++ {\n\tdefer f(i)\n}"));
        SyntaxNode defer = all(file, NodeKind.DEFER_STMT).get(0);
        SyntaxNode loop = defer.ancestor(NodeKind.FOR_STMT);
        assertEquals("for i := 0; i < 3; i++ {\n\tdefer f(i)\n}", loop.text());
        assertTrue(loop.isAncestorOf(defer));
        assertEquals("i := 0; i < 3; i++", loop.firstChild(NodeKind.FOR_CLAUSE).text());
    }
}
