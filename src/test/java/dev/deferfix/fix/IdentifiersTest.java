package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written readers agree with the regular expressions they replace. */
class IdentifiersTest {
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
    private static final String[] SAMPLES = {"", "x", "_", "x1", "1x", "err", "map[string]*pkg.Type", "[]T2",
        "func(a, b int) (ünï, error)", "chan<- x_y", "x²y", "Ⅻa", "a\u0301b", "日本語 変数", "αβγ.δ", "😀x", "x😀y",
        "__", "  spaced  names  ", "a.b.c", "a-b"};

    @Test
    void isIdentifierMatchesThePattern() {
        for (String sample : SAMPLES) {
            assertEquals(NAME.matcher(sample).matches(), Identifiers.isIdentifier(sample), sample);
        }
    }

    @Test
    void inFindsWhatRepeatedFindFinds() {
        for (String sample : SAMPLES) {
            List<String> found = new ArrayList<>();
            Matcher matcher = NAME.matcher(sample);
            while (matcher.find()) {
                found.add(matcher.group());
            }
            assertEquals(found, Identifiers.in(sample), sample);
        }
    }

    @Test
    void splitCutsLinesAsTheLineBreakPatternDoes() {
        for (String text : new String[] {"", "a", "a\n", "a\r\nb", "a\rb\nc", "\n\n", "x\r\n\r\ny\r", "\r\n"}) {
            assertArrayEquals(text.split("\r?\n", -1), SourceLines.split(text), text.replace("\r", "\\r"));
        }
    }
}
