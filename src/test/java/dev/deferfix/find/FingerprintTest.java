package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.deferfix.testing.GoSources;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    static final String SOURCE = """
            package p

            import "os"

            func open(names []string) {
            	for _, name := range names {
            		f, _ := os.Open(name)
            		defer f.Close()
            		g, _ := os.Open(name)
            		defer g.Close()
            		defer f.Close()
            		defer func() { println(name) }()
            	}
            }
            """;
    static final GoVersion GO_121 = new GoVersion(1, 21, "test");

    private static List<String> fingerprints(String source) {
        return fingerprints("p.go", source);
    }

    private static List<String> fingerprints(String path, String source) {
        return GoSources.findings(path, source, GO_121).stream().map(Finding::fingerprint).toList();
    }

    @Test
    void theSameFileHoweverItIsNamed() {
        assertEquals(fingerprints("a/p.go", SOURCE), fingerprints("./a/p.go", SOURCE));
        assertEquals(fingerprints("a/p.go", SOURCE), fingerprints("a\\p.go", SOURCE));
        assertNotEquals(fingerprints("a/p.go", SOURCE), fingerprints("b/p.go", SOURCE));
    }

    @Test
    void stableWhenLinesShiftAndCommentsChange() {
        String shifted = SOURCE.replace("import \"os\"\n", "import \"os\"\n\n// open opens.\n// Twice.\n")
                .replace("\t\tdefer f.Close()\n\t\tg,", "\t\tdefer f.Close( /* first */ )\n\n\t\tg,");
        List<String> before = fingerprints(SOURCE);
        assertEquals(5, before.size());
        assertEquals(before, fingerprints(shifted));
    }

    @Test
    void distinctForEverySiteAndRule() {
        List<String> all = fingerprints(SOURCE);
        assertEquals(all.size(), all.stream().distinct().count(), "repeated calls are told apart by occurrence");
    }

    @Test
    void changesWhenTheCallOrFunctionChanges() {
        List<String> before = fingerprints(SOURCE);
        assertNotEquals(before.get(1), fingerprints(SOURCE.replace("defer g.Close()", "defer g.Sync()")).get(1));
        assertNotEquals(before.get(0), fingerprints(SOURCE.replace("func open(", "func openAll(")).get(0));
    }
}
