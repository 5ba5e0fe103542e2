package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WhiteSpaceTest {
    private static final String[] SAMPLES = {"", " ", "a", " a . b ( x ,\r\n\ty ) ", "sync .\n\tWaitGroup", "a\f\u000Bb",
        "x\u00A0y\u2028z", "  lead", "trail \t\n"};

    @Test
    void removesWhatTheSpacePatternMatches() {
        for (String sample : SAMPLES) {
            assertEquals(sample.replaceAll("\\s+", ""), WhiteSpace.removed(sample), sample);
        }
        assertEquals("a.b(x,y)", WhiteSpace.removed(" a . b ( x ,\r\n\ty ) "));
    }

    @Test
    void collapsesRunsAsTheSpacePatternDoes() {
        for (String sample : SAMPLES) {
            assertEquals(sample.replaceAll("\\s+", " "), WhiteSpace.collapsed(sample), sample);
        }
        assertEquals("f( a, b )", WhiteSpace.collapsed("f(\n\t\ta,\n\t\tb\n\t)"));
    }
}
