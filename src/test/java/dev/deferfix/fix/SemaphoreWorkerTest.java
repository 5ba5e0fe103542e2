package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The semaphore strategy's independence rules, one statement at a time. */
class SemaphoreWorkerTest {

    private static String program(String statement) {
        return "package p\n\nimport \"os\"\n\nvar shared = map[string]int{}\n\n"
                + "func f(paths []string, p *int) error {\n\tcount := 0\n\tvar names []string\n"
                + "\tfor _, path := range paths {\n\t\tf, err := os.Open(path)\n\t\tif err != nil {\n"
                + "\t\t\treturn err\n\t\t}\n\t\tdefer f.Close()\n\t\tif _, err := f.Stat(); err != nil {\n\t\t\treturn err\n\t\t}\n\t\t"
                + statement + "\n\t}\n"
                + "\t_, _ = count, names\n\treturn nil\n}\n";
    }

    private static FileFix fix(String text, int maxConcurrency) throws Exception {
        return fixAt("a.go", text, maxConcurrency);
    }

    private static FileFix fixAt(String path, String text, int maxConcurrency) throws Exception {
        ParsedFile parsed = GoParsing.parse(path, text.getBytes(StandardCharsets.UTF_8));
        var findings = Detector.detect(parsed, GoVersion.NEWEST);
        return Strategies.defaultFixer().fix(parsed, findings,
                new FixOptions(SemaphoreWorker.NAME, maxConcurrency, false, GoVersion.NEWEST));
    }

    private static String reason(FileFix fix) {
        Finding finding = fix.findings().get(0);
        return finding.resolution().refusalReason() + ": " + finding.resolution().explanation();
    }

    @ParameterizedTest
    @ValueSource(strings = {"count++", "count += 2", "names = append(names, path)", "shared[path] = 1",
        "*p = 3", "(count) = 1", "p = nil"})
    void writesToVariablesDeclaredOutsideTheBodyAreRefused(String statement) throws Exception {
        String text = program(statement);
        FileFix fix = fix(text, 4);
        assertEquals(text, fix.text());
        assertTrue(reason(fix).startsWith(RefusalReason.NOT_INDEPENDENT.code()), reason(fix));
    }

    /** Importing sync would clash with a package-level sync of another file: the program would not compile. */
    @Test
    void aPackageLevelSyncInAnotherFileIsRefused(@TempDir Path dir) throws Exception {
        String text = program("_ = path");
        Path file = dir.resolve("a.go");
        Files.writeString(file, text);
        assertNotEquals(text, fixAt(file.toString(), text, 4).text());
        Files.writeString(dir.resolve("b.go"), "package p\n\nvar sync = 1\n");
        FileFix fix = fixAt(file.toString(), text, 4);
        assertEquals(text, fix.text());
        assertTrue(reason(fix).contains("another file of the package declares sync"), reason(fix));
    }

    @Test
    void aWriteThroughACopyOfSharedStateIsRefused() throws Exception {
        assertNotIndependent(program("q := p\n\t\tvar v int\n\t\tv, *q = 1, 2\n\t\t_ = v"), "writes through a pointer");
        assertNotIndependent(program("o := names\n\t\to[0] = path"), "o is a copy of names");
        String reassigned = program("o := names\n\t\to = nil\n\t\t_ = o");
        assertNotEquals(reassigned, fix(reassigned, 4).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"for i := 0; next(i); i++ {", "for i := 0; i < 3; i = step(i) {", "for next(0) {"})
    void aLoopHeaderThatCallsBeforeEveryIterationIsRefused(String header) throws Exception {
        String text = program("_ = path").replace("for _, path := range paths {", header + "\n\t\tpath := paths[0]")
                + "\nfunc next(int) bool { return false }\n\nfunc step(i int) int { return i + 1 }\n";
        assertNotIndependent(text, "the loop header calls");
    }

    @Test
    void aHeaderThatOnlyMeasuresIsFine() throws Exception {
        String text = program("_ = path").replace("for _, path := range paths {",
                "for i := 0; i < len(paths); i++ {\n\t\tpath := paths[i]");
        FileFix fix = fix(text, 4);
        assertNotEquals(text, fix.text(), () -> reason(fix));
    }

    @Test
    void aWriteThroughAPointerIsNamedAsSuch() throws Exception {
        assertNotIndependent(program("q := p\n\t\t*q = 3"), "the body writes through a pointer, *q, which may point");
        assertNotIndependent(program("count++"), "the body writes count, declared outside it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"if path == \"x\" {\n\t\t\tpanic(path)\n\t\t}", "if path == \"\" {\n\t\t\tlog.Fatal(path)\n\t\t}",
        "Expect(path).NotTo(BeEmpty())"})
    void callsThatStopTheCallerAreRefused(String statement) throws Exception {
        String text = program(statement).replace("import \"os\"", "import (\n\t\"log\"\n\t\"os\"\n)")
                .replace("var shared", "var _ = log.Fatal\n\nvar shared");
        assertNotIndependent(text, "stops");
    }

    @Test
    void writesToItsOwnVariablesAreFine() throws Exception {
        String text = program("n := 0\n\t\tn++\n\t\tvar m = map[string]int{}\n\t\tm[path] = n\n\t\t_ = func(x int) { x++ }");
        assertNotEquals(text, fix(text, 4).text());
    }

    @Test
    void anEarlySuccessfulReturnCannotBeKeptConcurrently() throws Exception {
        String text = program("if path == \"\" {\n\t\t\treturn nil\n\t\t}");
        FileFix fix = fix(text, 4);
        assertEquals(text, fix.text());
        assertTrue(reason(fix).startsWith(RefusalReason.UNSUPPORTED_RESULTS.code()), reason(fix));
    }

    @Test
    void theExplanationSaysTheProgramChanges() throws Exception {
        FileFix fix = fix(program("_ = path"), 3);
        assertTrue(fix.text().contains("\t// The iterations below run concurrently, at most 3 at a time, in no fixed order;\n"
                + "\t// an error or panic no longer stops the loop: once all have finished, the first panic\n"
                + "\t// is raised again, else the first error is returned.\n"
                + "\tsem := make(chan struct{}, 3)\n"), "the diff shows the change in words:\n" + fix.text());
        String explanation = fix.findings().get(0).resolution().explanation();
        assertTrue(explanation.contains("changes the program") && explanation.contains("concurrently")
                && explanation.contains("no longer stops the loop early") && explanation.contains("at most 3")
                && explanation.contains("the first one is raised again"), explanation);
    }

    /**
     * A runtime panic in an iteration (a division by zero) would end the
     * process in its goroutine: it is kept and raised again in the caller
     * after Wait, before the first error is returned, so a recover there sees it.
     */
    @Test
    void aPanicInAnIterationIsRaisedAgainInTheCaller() throws Exception {
        String text = program("_ = 1 / len(path)").replace("var shared", "var panics = 0\n\nvar shared");
        String fixed = fix(text, 4).text();
        assertTrue(fixed.contains("\tpanics1 := make(chan interface{}, 1)\n"), fixed);
        assertTrue(fixed.contains("\t\t\tdefer func() {\n\t\t\t\t<-sem\n\t\t\t\tif p := recover(); p != nil {\n"
                + "\t\t\t\t\tselect {\n\t\t\t\t\tcase panics1 <- p:\n\t\t\t\t\tdefault:\n\t\t\t\t\t}\n\t\t\t\t}\n"
                + "\t\t\t}()\n"), fixed);
        assertTrue(fixed.contains("\twg.Wait()\n\tclose(panics1)\n\tif p := <-panics1; p != nil {\n\t\tpanic(p)\n\t}\n"
                + "\tclose(errc)\n"), fixed);
    }

    @Test
    void aConcurrencyBelowOneIsRefused() throws Exception {
        String text = program("_ = path");
        assertEquals(text, fix(text, 0).text());
    }

    @Test
    void aLoopVariableTheHeaderAssignsIsCopiedInEveryGoVersion() throws Exception {
        String text = program("_ = path").replace("for _, path := range paths {", "var path string\n\tfor _, path = range paths {");
        FileFix fix = fix(text, 4);
        assertTrue(fix.text().contains("\t\tpath := path\n\t\twg.Add(1)\n"), fix.text());
    }

    @Test
    void aHeaderThatAssignsAFieldIsRefused() throws Exception {
        String text = program("_ = path").replace("for _, path := range paths {",
                "var s struct{ path string }\n\tfor _, s.path = range paths {\n\t\tpath := s.path");
        assertNotIndependent(text, "header");
    }

    @Test
    void aCounterThatOnlyCountsIndexesItsOwnElement() throws Exception {
        String text = program("sizes[i] = len(path)").replace("for _, path := range paths {",
                "sizes := make([]int, len(paths))\n\tfor i := 0; i < len(paths); i++ {\n\t\tpath := paths[i]");
        FileFix counted = fix(text, 4);
        assertNotEquals(text, counted.text(), () -> reason(counted));
        assertNotIndependent(text.replace("i++", "i += 2"), "writes sizes[i]");
    }

    @Test
    void aRangeOverAPackageSliceIndexesItsOwnElement() throws Exception {
        String text = program("entry := &table[i]\n\t\t_ = entry")
                .replace("var shared", "var table = []string{\"a\"}\n\nvar shared")
                .replace("for _, path := range paths {", "for i := range table {\n\t\tpath := table[i]");
        FileFix fix = fix(text, 4);
        assertNotEquals(text, fix.text(), () -> reason(fix));
        assertNotIndependent(text.replace("range table", "range tableOfAnotherFile"), "&table takes the address");
    }

    /**
     * The first loop's rewrite imports sync, so the other two wait for the
     * next round and are planned there on the same text: the third must not
     * declare the names the second one introduces.
     */
    @Test
    void loopsRewrittenInOneRoundDeclareDifferentNames() throws Exception {
        String loop = "\tfor _, path := range paths {\n\t\tfile, err := os.Open(path)\n\t\tif err != nil {\n"
                + "\t\t\treturn err\n\t\t}\n\t\tdefer file.Close()\n\t\tif _, err := file.Stat(); err != nil {\n"
                + "\t\t\treturn err\n\t\t}\n\t}\n";
        String text = "package p\n\nimport \"os\"\n\nfunc f(paths []string) error {\n" + loop + loop + loop
                + "\treturn nil\n}\n";
        String fixed = fix(text, 4).text();
        for (String name : new String[] {"sem", "sem1", "sem2"}) {
            assertEquals(fixed.indexOf("\t" + name + " := make("), fixed.lastIndexOf("\t" + name + " := make("), fixed);
            assertTrue(fixed.contains("\t" + name + " := make("), fixed);
        }
        assertTrue(fixed.contains("\tvar wg2 sync.WaitGroup\n"), fixed);
        GoParsing.parse("a.go", fixed.getBytes(StandardCharsets.UTF_8));
    }

    /** The pool calls recover, panic, make and close: one declared again would not be the builtin. */
    @ParameterizedTest
    @ValueSource(strings = {"var recover = func() interface{} { return nil }\n\n", "func panic(interface{}) {}\n\n"})
    void aPackageThatDeclaresABuiltinThePoolCallsIsRefused(String declaration) throws Exception {
        String text = program("_ = path").replace("var shared", declaration + "var shared");
        FileFix fix = fix(text, 4);
        assertEquals(text, fix.text());
        assertTrue(reason(fix).startsWith(RefusalReason.UNSUPPORTED_SYNTAX.code())
                && reason(fix).contains("which this package declares again"), reason(fix));
    }

    @Test
    void aFunctionThatDeclaresABuiltinThePoolCallsIsRefused() throws Exception {
        String text = program("_ = path").replace("\tcount := 0\n", "\tcount := 0\n\tclose := func() {}\n\tclose()\n");
        FileFix fix = fix(text, 4);
        assertEquals(text, fix.text());
        assertTrue(reason(fix).contains("the predeclared close, which this function declares again"), reason(fix));
    }

    /** The file is left as it was, refused as not independent for a reason that mentions {@code detail}. */
    private static void assertNotIndependent(String text, String detail) throws Exception {
        FileFix fix = fix(text, 4);
        assertEquals(text, fix.text());
        assertTrue(reason(fix).startsWith(RefusalReason.NOT_INDEPENDENT.code()) && reason(fix).contains(detail),
                reason(fix));
    }
}
