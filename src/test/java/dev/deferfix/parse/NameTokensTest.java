package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lexer reads ASCII names and one-character punctuation by hand and
 * leaves the rest to the grammar: keywords must still be told from names
 * that merely start or end like one, and a name that goes on beyond ASCII
 * must stay one token.
 */
class NameTokensTest {

    /** The kinds of the tokens the parser sees, with the text of each name; the end of the file adds a semicolon after a name. */
    private static String kinds(String text) throws SyntaxError {
        SourceText source = SourceText.of("t.go", text);
        return GoParsing.tokenize(source).stream().filter(t -> !t.isHidden())
                .map(t -> t.kind().name() + (t.kind() == TokenKind.IDENTIFIER ? "(" + t.text(source) + ")" : ""))
                .collect(Collectors.joining(" "));
    }

    @Test
    void everyKeywordIsAKeywordAndOnlyWhenSpelledExactly() throws SyntaxError {
        assertEquals("BREAK CASE CHAN CONST CONTINUE DEFAULT DEFER ELSE FALLTHROUGH FOR FUNC GO GOTO IF IMPORT"
                        + " INTERFACE MAP PACKAGE RANGE RETURN SELECT STRUCT SWITCH TYPE VAR",
                kinds("break case chan const continue default defer else fallthrough for func go goto if import"
                        + " interface map package range return select struct switch type var"));
        assertEquals("IDENTIFIER(fallthroughs) IDENTIFIER(deferred) IDENTIFIER(fo) IDENTIFIER(For)"
                        + " IDENTIFIER(_for) IDENTIFIER(go2) IDENTIFIER(x_1) IDENTIFIER(_) IDENTIFIER(Z9) SEMI",
                kinds("fallthroughs deferred fo For _for go2 x_1 _ Z9"));
    }

    @Test
    void aNameGoesOnWithNonAsciiLettersAndDigits() throws SyntaxError {
        assertEquals("IDENTIFIER(forα) IDENTIFIER(a٣) IDENTIFIER(éfor) IDENTIFIER(x\uD835\uDC00) SEMI",
                kinds("forα a٣ éfor x\uD835\uDC00"));
    }

    @Test
    void punctuationAndSemicolonsAroundNames() throws SyntaxError {
        assertEquals("IDENTIFIER(f) L_PAREN IDENTIFIER(a) COMMA IDENTIFIER(b) R_PAREN L_BRACKET R_BRACKET"
                        + " L_BRACE R_BRACE SEMI RETURN SEMI IDENTIFIER(x) SEMI",
                kinds("f(a,b)[]{};return\nx"));
    }
}
