package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lexer inserts a semicolon exactly where the Go specification says: when
 * a line's last token is an identifier, a basic literal, one of the keywords
 * break, continue, fallthrough, return, or one of ++ -- ) ] }. A block comment
 * spanning lines counts as a newline, and so does the end of the file.
 */
class SemicolonInsertionTest {

    /** The text with "⁏" wherever the lexer put a zero-width semicolon. */
    private static String marked(String text) throws SyntaxError {
        SourceText source = SourceText.decode("t.go", text.getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (GoToken token : GoParsing.tokenize(source)) {
            out.append(token.kind() == TokenKind.SEMI && token.start() == token.end() ? "⁏" : token.text(source));
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            identifier             | "x\\n"          | "x⁏\\n"
            int literal            | "1\\n"          | "1⁏\\n"
            float literal          | "1.5\\n"        | "1.5⁏\\n"
            imaginary literal      | "2i\\n"         | "2i⁏\\n"
            rune literal           | "'a'\\n"        | "'a'⁏\\n"
            string literal         | "`s`\\n"        | "`s`⁏\\n"
            break                  | "break\\n"      | "break⁏\\n"
            continue               | "continue\\n"   | "continue⁏\\n"
            fallthrough            | "fallthrough\\n"| "fallthrough⁏\\n"
            return                 | "return\\n"     | "return⁏\\n"
            increment              | "i++\\n"        | "i++⁏\\n"
            decrement              | "i--\\n"        | "i--⁏\\n"
            closing paren          | "f()\\n"        | "f()⁏\\n"
            closing bracket        | "a[i]\\n"       | "a[i]⁏\\n"
            closing brace          | "{}\\n"         | "{}⁏\\n"
            binary operator        | "a +\\nb"       | "a +\\nb⁏"
            opening paren          | "f(\\n)"        | "f(\\n)⁏"
            opening brace          | "{\\n}"         | "{\\n}⁏"
            comma                  | "a,\\nb"        | "a,\\nb⁏"
            dot                    | "a.\\nb"        | "a.\\nb⁏"
            other keywords         | "go\\ndefer\\nfunc\\nif\\nfor\\nvar\\nrange\\n" | "go\\ndefer\\nfunc\\nif\\nfor\\nvar\\nrange\\n"
            assignment             | "x =\\n1"       | "x =\\n1⁏"
            only once per line run | "x\\n\\n\\ny"   | "x⁏\\n\\n\\ny⁏"
            after a line comment   | "x // c\\n"     | "x // c⁏\\n"
            after a one-line block comment | "x /* c */\\n" | "x /* c */⁏\\n"
            one-line block comment is no newline | "x /* c */ y" | "x /* c */ y⁏"
            multi-line block comment is a newline | "x /* a\\nb */ y" | "x ⁏/* a\\nb */ y⁏"
            end of file            | "x"             | "x⁏"
            carriage return        | "x\\r\\ny"      | "x\\r⁏\\ny⁏"
            raw string spanning lines | "`a\\nb`\\n"  | "`a\\nb`⁏\\n"
            empty file             | ""              | ""
            """)
    void insertsWhereTheSpecSays(String name, String input, String expected) throws SyntaxError {
        assertEquals(unescape(expected), marked(unescape(input)));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r");
    }
}
