package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test shorthands over {@link GoParsing}. */
final class Parsing {
    static final String PATH = "dir/t.go";

    private Parsing() {
    }

    static ParsedFile parse(String source) {
        try {
            return GoParsing.parse(PATH, source.getBytes(StandardCharsets.UTF_8));
        } catch (SyntaxError e) {
            return fail("expected valid Go, got " + e.getMessage() + " in:\n" + source);
        }
    }

    static SyntaxError reject(String source) {
        return assertThrows(SyntaxError.class,
                () -> GoParsing.parse(PATH, source.getBytes(StandardCharsets.UTF_8)),
                "expected a syntax error in:\n" + source);
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
