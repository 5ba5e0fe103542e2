package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionHeadersTest {

    @Test
    void findsTheNamesOfFunctionsButNotOfMethodsOrLiterals() {
        String source = """
                package p

                func plain(x int) {}
                func  spaced (x int) {}
                func generic[T any](x T) {}
                func (r *recv) method() {}
                var literal = func() {}
                func Ünicode() {}
                // func inComment(   is only a candidate, which parsing rules out
                funcs := 1
                myfunc notThis()
                """;
        assertEquals(Set.of("plain", "spaced", "generic", "Ünicode", "inComment"),
                FunctionHeaders.namesIn(source.getBytes(StandardCharsets.UTF_8)));
    }
}
