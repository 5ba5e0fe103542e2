package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test shorthands over {@link GoParsing}. */
final class Parsing {
    static final String PATH = "dir/t.go";

    private Parsing() {
    }

    /** Parses valid Go; check(), which keeps less of the tree, must accept it too. */
    static ParsedFile parse(String source) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        try {
            GoParsing.check(PATH, bytes);
            return GoParsing.parse(PATH, bytes);
        } catch (SyntaxError e) {
            return fail("expected valid Go, got " + e.getMessage() + " in:\n" + source);
        }
    }

    /** The error parse() reports; check() must report the same one. */
    static SyntaxError reject(String source) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        SyntaxError parsed = assertThrows(SyntaxError.class, () -> GoParsing.parse(PATH, bytes),
                "expected a syntax error in:\n" + source);
        SyntaxError checked = assertThrows(SyntaxError.class, () -> GoParsing.check(PATH, bytes),
                "check() accepted what parse() rejects:\n" + source);
        assertEquals(parsed.getMessage(), checked.getMessage());
        return parsed;
    }

    static List<SyntaxNode> all(ParsedFile file, NodeKind kind) {
        return file.root().descendants(kind);
    }

    /** The text of every token, hidden ones and zero-width semicolons included, joined. */
    static String joined(List<GoToken> tokens, SourceText source) {
        StringBuilder text = new StringBuilder();
        for (GoToken token : tokens) {
            text.append(token.text(source));
        }
        return text.toString();
    }
}
