package dev.deferfix.parse;

import static dev.deferfix.parse.Parsing.PATH;
import static dev.deferfix.parse.Parsing.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParserRejectsTest {

    static List<Snippets.Broken> brokenSnippets() {
        return Snippets.broken();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSnippets")
    void rejectsAtTheRightLineAndByteColumn(Snippets.Broken snippet) {
        SyntaxError error = reject(snippet.source());
        String position = PATH + ":" + snippet.line() + ":" + snippet.column() + ": ";
        assertTrue(error.getMessage().startsWith(position) && error.getMessage().contains(snippet.reason()),
                () -> "expected <" + position + "..." + snippet.reason() + "...>, got <" + error.getMessage() + ">");
        assertEquals(PATH, error.path());
        assertEquals(snippet.line(), error.line());
        assertEquals(snippet.column(), error.column());
        assertEquals(1, error.getMessage().lines().count(), "one line");
    }

    /** Go reports this one at the newline (4:5); we report the brace, one token later. */
    @Test
    void rejectsANewlineBeforeTheBlockOfAnIf() {
        SyntaxError error = reject(Snippets.inFunction("if x\n{\n}"));
        assertEquals(PATH + ":5:1: syntax error: unexpected {", error.getMessage());
    }
}
