package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.parse.ParsedFile;
import dev.deferfix.testing.GoSources;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTextTest {
    private static String callText(String deferred) {
        ParsedFile file = GoSources.parse("p.go",
                "package p\n\nfunc g(xs []int) {\n\tfor _, x := range xs {\n\t\tdefer " + deferred + "\n\t}\n}\n");
        List<DeferSite> sites = DeferFinder.find(file);
        return CallText.of(file, sites.get(0).call());
    }

    @Test
    void singleLineCallsStayAsWritten() {
        assertEquals("mu.Unlock()", callText("mu.Unlock()"));
        assertEquals("println(x, xs[0])", callText("println(x, xs[0])"));
    }

    @Test
    void commentsAreDropped() {
        assertEquals("println(x)", callText("println( /* why */ x)"));
    }

    @Test
    void multiLineCallsBecomeOneLine() {
        assertEquals("println(x, \"closed\")", callText("println(\n\t\t\tx, // the value\n\t\t\t\"closed\",\n\t\t)"));
    }

    @Test
    void literalBodiesKeepTheirStatementsApart() {
        assertEquals("func() { println(x); println(xs) }()",
                callText("func() {\n\t\t\tprintln(x)\n\t\t\tprintln(xs)\n\t\t}()"));
    }

    @Test
    void aRawStringsLineBreaksAreEscapedInTheMessageSoAFindingStaysOneLine() {
        String source = "package p\n\nfunc g(xs []int) {\n\tfor range xs {\n\t\tdefer println(`a\r\nb`)\n\t}\n}\n";
        String message = GoSources.findings("p.go", source, GoVersion.NEWEST).get(0).message();
        assertEquals("defer println(`a\\r\\nb`) in a loop runs when g returns, not at the end of each iteration", message);
    }
}
