package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteSearchTest {
    private static int find(String word, String text, int from) {
        return new ByteSearch(word).in(text.getBytes(StandardCharsets.UTF_8), from);
    }

    @Test
    void findsEachOccurrenceWhereverItIs() {
        assertEquals(0, find("recover", "recover()", 0));
        assertEquals(13, find("recover", "defer func(){recover()}", 0));
        assertEquals(5, find("recover", "x := recover", 0));
        assertEquals(-1, find("recover", "recove r recovex", 0));
        assertEquals(-1, find("recover", "", 0));
        assertEquals(3, find("func", "funfunc func", 0));
        assertEquals(8, find("func", "funfunc func", 4));
        assertEquals(2, find("aab", "aaaab", 0));
        assertEquals(-1, find("func", "fun", 0));
    }
}
