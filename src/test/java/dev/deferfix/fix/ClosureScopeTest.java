package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.Detector;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Resolution;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Closure-scope corners that fixtures would only show as "unchanged". */
class ClosureScopeTest {

    private static FileFix fix(String text) throws Exception {
        ParsedFile parsed = GoParsing.parse("a.go", text.getBytes(StandardCharsets.UTF_8));
        return Strategies.defaultFixer().fix(parsed, Detector.detect(parsed, GoVersion.NEWEST),
                new FixOptions(ClosureScope.NAME, 1, false, GoVersion.NEWEST));
    }

    private static String reason(FileFix fix) {
        return fix.findings().get(0).resolution().refusalReason();
    }

    @Test
    void aDeferThatStaysInTheBodyKeepsItsTimingSoTheBodyIsNotWrapped() throws Exception {
        java.nio.file.Path input = RewriteFixturesTest.ROOT.resolve("cs-other-defer-kept").resolve("input.go");
        FileFix fix = fix(RewriteFixturesTest.read(input));
        assertEquals(RewriteFixturesTest.read(input), fix.text());
        assertTrue(fix.findings().stream().anyMatch(finding -> finding.resolution() != null
                && RefusalReason.OTHER_DEFER_IN_BODY.code().equals(finding.resolution().refusalReason())
                && finding.resolution().explanation().contains("line 21")), fix.findings().toString());
    }

    @Test
    void aResultTypeTheFunctionRedeclaresCannotBeWrittenInsideIt() throws Exception {
        String text = "package p\n\nimport \"sync\"\n\ntype item struct{ mu sync.Mutex }\n\n"
                + "func first(items []*item) (*item, error) {\n\tfor _, item := range items {\n"
                + "\t\titem.mu.Lock()\n\t\tdefer item.mu.Unlock()\n\t\tif item != nil {\n\t\t\treturn nil, nil\n\t\t}\n"
                + "\t}\n\treturn nil, nil\n}\n";
        FileFix fix = fix(text);
        assertEquals(text, fix.text());
        assertEquals(RefusalReason.UNSUPPORTED_RESULTS.code(), reason(fix));
    }

    @Test
    void swappedNamedResultsAreAssignedTogether() throws Exception {
        String text = "package p\n\nimport \"sync\"\n\nfunc swap(mus []*sync.Mutex) (a, b int) {\n"
                + "\tfor _, mu := range mus {\n\t\tmu.Lock()\n\t\tdefer mu.Unlock()\n\t\tif a > b {\n"
                + "\t\t\treturn b, a\n\t\t}\n\t}\n\treturn\n}\n";
        String fixed = fix(text).text();
        assertTrue(fixed.contains("\t\t\t\ta, b = b, a\n\t\t\t\treturn 1\n"), fixed);
        assertTrue(fixed.contains("\t\tif flow == 1 {\n\t\t\treturn\n\t\t}\n"), fixed);
    }

    private static final String SIZES = "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n"
            + "func sizes(paths []string) (n int64, err error) {\n\tfor _, p := range paths {\n"
            + "\t\tf, err2 := os.Open(p)\n\t\tif err2 != nil {\n\t\t\treturn RETURNED\n\t\t}\n"
            + "\t\tdefer f.Close()\n\t\tn++\n\t}\n\treturn\n}\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "n, err2                         | err = err2\\n\\t\\t\\t\\treturn 1\\n",
        "n, err                          | if err2 != nil {\\n\\t\\t\\t\\treturn 1\\n",
        "0, fmt.Errorf(\"%s: %w\", p, err2) | n = 0\\n\\t\\t\\t\\terr = fmt.Errorf(\"%s: %w\", p, err2)\\n\\t\\t\\t\\treturn 1\\n",
        "-1, err2                        | n = -1\\n\\t\\t\\t\\terr = err2\\n\\t\\t\\t\\treturn 1\\n",
    })
    void aNamedResultReturnedAsItselfIsNotAssignedToItself(String returned, String expected) throws Exception {
        String fixed = fix(SIZES.replace("RETURNED", returned.strip())).text();
        assertTrue(fixed.contains(expected.strip().replace("\\n", "\n").replace("\\t", "\t")), fixed);
        assertTrue(!fixed.contains("n = n") && !fixed.contains("err = err\n"), fixed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100, get()  | a, b = 100, get()",
        "100, *p     | a, b = 100, *p",
        "100, s.x    | a, b = 100, s.x",
        "100, s.n()  | a, b = 100, s.n()",
        "100, func() int { return a }() | a, b = 100, func() int { return a }()",
    })
    // (p points to a field, not to a result: a function that takes a result's address is refused.)
    void valuesThatMaySeeAnEarlierResultAreAssignedTogether(String returned, String expected) throws Exception {
        String text = "package p\n\nimport \"os\"\n\ntype state struct{ x int }\n\nfunc (s *state) n() int { return s.x }\n\n"
                + "func k(paths []string, s *state) (a, b int) {\n\tget := func() int { return a }\n\tp := &s.x\n"
                + "\tfor _, path := range paths {\n\t\tf, _ := os.Open(path)\n\t\tdefer f.Close()\n\t\tif f.Name() != \"\" && a > 1 {\n"
                + "\t\t\treturn " + returned.strip() + "\n\t\t}\n\t}\n\t_, _ = get, p\n\treturn\n}\n";
        String fixed = fix(text).text();
        assertTrue(fixed.contains("\t\t\t\t" + expected.strip() + "\n\t\t\t\treturn 1\n"), fixed);
    }

    @Test
    void underAutoTheExplanationSaysWhyExplicitCloseWasNotUsed() throws Exception {
        String text = SIZES.replace("RETURNED", "n, err2").replace("\t\tn++\n", "\t\tif n > 2 {\n\t\t\treturn\n\t\t}\n\t\tn++\n");
        ParsedFile parsed = GoParsing.parse("a.go", text.getBytes(StandardCharsets.UTF_8));
        FileFix fix = Strategies.defaultFixer().fix(parsed, Detector.detect(parsed, GoVersion.NEWEST),
                new FixOptions(FixOptions.AUTO, 1, false, GoVersion.NEWEST));
        Resolution resolution = fix.findings().get(0).resolution();
        assertEquals(ClosureScope.NAME, resolution.strategy());
        assertTrue(resolution.explanation().endsWith("; explicit-close was not used: a return, goto or jump to an "
                + "outer loop after the defer cannot be instrumented, and a panic, runtime.Goexit or t.Fatal after it"
                + " would skip the moved call (return at line 16)"), resolution.explanation());
    }

    @Test
    void valuesThatGofmtWouldReprintInATupleAssignmentAreRefused() throws Exception {
        String text = "package p\n\nimport \"sync\"\n\nfunc swap(mus []*sync.Mutex) (a, b int) {\n"
                + "\tfor _, mu := range mus {\n\t\tmu.Lock()\n\t\tdefer mu.Unlock()\n\t\tif a > b {\n"
                + "\t\t\treturn b + 1, a + 1\n\t\t}\n\t}\n\treturn\n}\n";
        FileFix fix = fix(text);
        assertEquals(text, fix.text());
        assertEquals(RefusalReason.UNSUPPORTED_SYNTAX.code(), reason(fix));
    }

    @Test
    void aBodyThatEndsInATerminatingStatementGetsNoUnreachableReturn() throws Exception {
        String text = "package p\n\nimport \"sync\"\n\nfunc f(mus []*sync.Mutex) int {\n"
                + "\tfor i, mu := range mus {\n\t\tmu.Lock()\n\t\tdefer mu.Unlock()\n\t\tif i > 2 {\n"
                + "\t\t\treturn i\n\t\t} else {\n\t\t\tcontinue\n\t\t}\n\t}\n\treturn 0\n}\n";
        String fixed = fix(text).text();
        assertTrue(fixed.contains("\t\t\t\treturn\n\t\t\t}\n\t\t}()\n"), fixed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "_, file, _, _ := runtime.Caller(1) ; _ = file | body-counts-stack-frames",
        "pcs := make([]uintptr, 8) ; _ = runtime.Callers(2, pcs) | body-counts-stack-frames",
        "logger.Output(2, \"x\") | body-counts-stack-frames",
        "_ = calldepth | body-counts-stack-frames",
        "_ = skipLines | body-counts-stack-frames",
        "_ = skipName | ",
        "out, _ := exec.Command(\"true\").Output() ; _ = out | ",
    })
    void aBodyThatCountsStackFramesIsNotWrapped(String statement, String expected) throws Exception {
        String text = "package p\n\nimport (\n\t\"log\"\n\t\"os/exec\"\n\t\"runtime\"\n\t\"sync\"\n)\n\n"
                + "func each(mus []*sync.Mutex, logger *log.Logger, calldepth int, skipLines int, skipName string) {\n"
                + "\tfor _, mu := range mus {\n\t\tmu.Lock()\n\t\tdefer mu.Unlock()\n\t\t" + statement.replace(" ; ", "\n\t\t")
                + "\n\t}\n}\n";
        FileFix fix = fix(text);
        if (expected == null) {
            assertTrue(fix.text().contains("func() {"), fix.text());
        } else {
            assertEquals(text, fix.text());
            assertEquals(expected, reason(fix));
        }
    }
}
