package dev.deferfix.parse.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.LexerInterpreter;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lexer reads most tokens by hand; the grammar is the judge. Every token it
 * gives (less the zero-width semicolons it inserts) must be the token that
 * ANTLR's interpreter finds running the generated lexer ATN alone, with no
 * hand-written path: same type, same start, same end.
 */
class HandLexingTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "a.b ... x[1:] y:=2 z=3 a==b a!=b !c ~d",
        "i++ j-- k+=1 l-=1 m*=2 n/=2 o%=2 p^=1 q|=1 r&=1 s&^=1 t<<=1 u>>=1",
        "a&&b a||b a&b a|b a^b a&^b a<<b a>>b a<b a<=b a>b a>=b <-ch ch<-v a/b",
        "x := .5 + 1.5 + 1e3 + 0x1F + 0o17 + 017 + 0b1 + 1_000 + 0 + 7 + 3i + 0.i + 089i",
        "s := \"plain\" + \"tab\there\" + \"esc\\n\" + \"\\\"\" + \"ünï\" + \"\" + 'r' + `raw`",
        "a /* block */ b // line\n/* multi\nline */ c",
        "x := 1.\ny := a[1..2]\n",
        "a..b",
        "x := 0x + 1__2",
        "r := []rune{'a', '\\n', '\\'', '\\x41', '\\101', '\\u00e9', '\\U0001F600', '\u00e9', '\uD83D\uDE00', '\\\\', '\"'}",
        "s := \"a\\tb\" + \"\\\"q\\\"\" + \"\u00e9\uD83D\uDE00\" + \"\\u00e9\\U0001F600\\x41\\101\" + \"'\"",
        "q := `a\nb\r\nc \uD83D\uDE00 \\ \"` + ``",
        "/* a\n b */ x /**/ y /* \uD83D\uDE00 */ z /* * / */",
        "x /* multi\nline */ y\nreturn /* c */\na /* x */ b\n/* last\nline */",
        "n := []float64{0, 07, 0755, 0x1F, 0XaB, 1.5, 1., 1.e3, 6e-2, 6E+2, 09.5, 123, 1.5e10, 0.0}",
        "m := 1.5.String() + 0x1p-2 + 1_000.5 + 0b101 + 0o17 + 5i + 08 + .5e3 + 1e9i + 0x.8p1",
        "e := 1e + 1e+ + 2E- + 0x",
        "\u03b1\u03b2 := 1; x := \u03b1\u03b2 + a\u00e91",
        "\uFEFFpackage p",
    })
    void handWrittenPathsMatchTheGrammar(String text) {
        assertTrue(assertSameTokens("snippet", text), "our lexer rejects " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unterminated\n", "x := \"a\\q\"", "a @ b", "s := \"open", "'ab'", "''", "'\\q'",
        "'\\\"'", "\"\\'\"", "'\n'", "`open", "x := '", "s := \"\\x4\"", "r := '\\U0001F60'",
        "a\uD83D\uDE00"})
    void badInputFailsLikeTheGrammar(String text) {
        assertThrows(SyntaxError.class, () -> GoParsing.tokenize(SourceText.of("snippet", text)));
        assertNull(grammarTokens(text), "the grammar's lexer accepts " + text);
    }

    @Test
    void anUnterminatedBlockCommentIsAnErrorThoughTheGrammarMatchesIt() {
        SyntaxError error = assertThrows(SyntaxError.class,
                () -> GoParsing.tokenize(SourceText.of("snippet", "a /* open\n")));
        assertEquals("snippet:1:3: comment not terminated", error.getMessage());
        assertNotNull(grammarTokens("a /* open\n"), "the grammar matches it, so that '/' is not read as a division");
    }

    @Test
    void everyStandardLibraryFileLexesAsTheGrammarSays() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        int compared = 0;
        for (Path file : GoToolchain.goFilesUnder(src)) {
            String text;
            try {
                text = SourceText.decode(file.toString(), Files.readAllBytes(file)).text();
            } catch (SyntaxError notUtf8) {
                continue;
            }
            if (assertSameTokens(src.relativize(file).toString(), text)) {
                compared++;
            }
        }
        assertTrue(compared > 5500, "files compared: " + compared);
    }

    /**
     * False when our lexer rejects the text: it checks more than the grammar (escape values,
     * number forms), so the grammar may accept what it rejects, never the other way round.
     */
    private static boolean assertSameTokens(String name, String text) {
        List<GoToken> ours;
        try {
            ours = GoParsing.tokenize(SourceText.of(name, text));
        } catch (SyntaxError lexicalError) {
            return false;
        }
        List<String> expected = grammarTokens(text);
        assertNotNull(expected, name + ": the grammar's lexer rejects what ours accepts");
        List<String> actual = new ArrayList<>();
        for (GoToken token : ours) {
            if (token.start() != token.end()) {
                actual.add(token.kind() + " " + token.start() + " " + token.end());
            }
        }
        assertEquals(expected, actual, name);
        return true;
    }

    /** The tokens the generated ATN alone finds, or null when it reports a lexical error. */
    private static List<String> grammarTokens(String text) {
        LexerInterpreter lexer = new LexerInterpreter(GoLexer.class.getSimpleName(), GoLexer.VOCABULARY,
                List.of(GoLexer.ruleNames), List.of(GoLexer.channelNames), List.of(GoLexer.modeNames), GoLexer._ATN,
                new GoCharStream(text, "snippet"));
        boolean[] failed = {false};
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String message,
                                    RecognitionException e) {
                failed[0] = true;
            }
        });
        List<String> tokens = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            tokens.add(GoLexer.VOCABULARY.getSymbolicName(token.getType()) + " " + token.getStartIndex() + " "
                    + (token.getStopIndex() + 1));
        }
        return failed[0] ? null : tokens;
    }
}
