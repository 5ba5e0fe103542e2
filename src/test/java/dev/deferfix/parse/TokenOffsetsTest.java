package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lexer reads the text directly and reports UTF-16 offsets itself, keeps
 * hidden tokens away from the parser and inserts semicolons on its own: these
 * check that the tokens and tree still line up with the text.
 */
class TokenOffsetsTest {

    private static ParsedFile parse(String text) throws SyntaxError {
        return GoParsing.parse("t.go", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String kinds(ParsedFile file) {
        return file.tokens().stream().map(t -> t.kind().name()).collect(Collectors.joining(" "));
    }

    @Test
    void tokensPrintBackTheTextAcrossSurrogatePairs() throws SyntaxError {
        String text = "package p\n\nvar s = \"\uD83D\uDE00x\" // \uD83D\uDE00 \u00e9\nvar y\uD835\uDC00 = 1\n";
        ParsedFile file = parse(text);

        StringBuilder printed = new StringBuilder();
        for (GoToken token : file.tokens()) {
            printed.append(token.text(file.source()));
        }
        assertEquals(text, printed.toString());
        List<SyntaxNode> names = file.root().descendants(NodeKind.TOKEN).stream()
                .filter(n -> n.is(TokenKind.IDENTIFIER)).toList();
        assertEquals(List.of("p", "s", "y\uD835\uDC00"), names.stream().map(SyntaxNode::text).toList());
        SyntaxNode literal = file.root().descendants(NodeKind.BASIC_LIT).get(0);
        assertEquals("\"\uD83D\uDE00x\"", literal.text());
    }

    @Test
    void semicolonIsInsertedAtTheEndOfTheFile() throws SyntaxError {
        ParsedFile file = parse("package p");

        assertEquals("PACKAGE WS IDENTIFIER SEMI", kinds(file));
        GoToken semicolon = file.tokens().get(3);
        assertEquals(9, semicolon.start());
        assertEquals(9, semicolon.end());
    }

    @Test
    void semicolonIsInsertedAtTheEndOfTheFileAfterSpacesOrAComment() throws SyntaxError {
        assertEquals("PACKAGE WS IDENTIFIER WS SEMI", kinds(parse("package p  ")));
        assertEquals("PACKAGE WS IDENTIFIER WS LINE_COMMENT SEMI", kinds(parse("package p // c")));
    }

    @Test
    void carriageReturnsAreSpacesAndTheSemicolonGoesBeforeTheNewline() throws SyntaxError {
        assertEquals("PACKAGE WS IDENTIFIER WS SEMI NEWLINE WS NEWLINE VAR WS IDENTIFIER WS ASSIGN WS INT WS SEMI NEWLINE",
                kinds(parse("package p\r\n\r\nvar x = 1\r\n")));
    }

    @Test
    void multiLineBlockCommentEndsTheStatementButOneLineCommentDoesNot() throws SyntaxError {
        ParsedFile file = parse("package p\nvar x = 1 /*\n*/ var y = 2\n");
        assertTrue(kinds(file).contains("INT WS SEMI BLOCK_COMMENT WS VAR"), kinds(file));

        SyntaxError error = assertThrows(SyntaxError.class, () -> parse("package p\nvar x = 1 /* c */ var y = 2\n"));
        assertEquals("t.go:2:19: syntax error: unexpected var", error.getMessage());
    }

    @Test
    void emptyFileIsASyntaxError() {
        SyntaxError error = assertThrows(SyntaxError.class, () -> parse(""));
        assertEquals("t.go:1:1: syntax error: unexpected EOF", error.getMessage());
    }

    @Test
    void errorColumnCountsBytesAfterAWideCharacter() {
        SyntaxError error = assertThrows(SyntaxError.class, () -> parse("package p\nvar s = \"\uD83D\uDE00\" )\n"));
        assertEquals("t.go:2:16: syntax error: unexpected )", error.getMessage());
    }
}
