package dev.deferfix.parse;

import static dev.deferfix.parse.Parsing.joined;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every byte of a file is in exactly one token, so the tokens print back to the exact file. */
class LosslessTokensTest {

    static List<String> files() {
        return List.of(
                "package p\n\nfunc f() {}\n",
                "package p\r\n\r\n// comment\r\nfunc f() {\r\n\treturn\r\n}\r\n",
                "\uFEFFpackage p\n\nvar x = 1\n",
                "package p\n\nvar x = 1",
                "package p /* a\nb */\n\nvar s = `raw\r\nwith CR` // end\n\t \n",
                "package p\n\nvar π, s = 3.14, \"😀 日本\" // ünïcödé\n",
                "package p;\n\n/**/var x int;// no newline at end");
    }

    @ParameterizedTest
    @MethodSource("files")
    void tokensOfAParsedFileReproduceItsBytes(String text) throws SyntaxError {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ParsedFile file = GoParsing.parse("t.go", bytes);
        assertArrayEquals(bytes, joined(file.tokens(), file.source()).getBytes(StandardCharsets.UTF_8));
        assertContiguous(file.tokens(), file.source().length());
    }

    @ParameterizedTest
    @MethodSource("files")
    void tokenizingAloneGivesTheSameTokens(String text) throws SyntaxError {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ParsedFile file = GoParsing.parse("t.go", bytes);
        assertEquals(file.tokens(), GoParsing.tokenize(file.source()));
    }

    /** Each token starts where the one before it ended; together they cover the text. */
    private static void assertContiguous(List<GoToken> tokens, int length) {
        int at = 0;
        for (GoToken token : tokens) {
            assertEquals(at, token.start(), () -> "gap or overlap before " + token);
            at = token.end();
        }
        assertEquals(length, at);
    }
}
