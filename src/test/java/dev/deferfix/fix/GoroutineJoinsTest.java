package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.DeferFinder;
import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoVersion;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The goroutine join proof, seen through the escape analysis: the loop body
 * opens f, defers f.Close() and hands f to a goroutine; the site may be
 * rewritten only when that goroutine is provably over before the iteration ends.
 */
class GoroutineJoinsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        // a WaitGroup declared in the body, Add(1) before the go statement, Wait() after it
        "var wg sync.WaitGroup\nwg.Add(1)\ngo func() {\n\tdefer wg.Done()\n\tuse(f)\n}()\nwg.Wait()",
        // a literal closing a channel made in the body, drained by a range loop
        "done := make(chan struct{})\ngo func() {\n\tdefer close(done)\n\tuse(f)\n}()\nfor range done {\n}",
        // the same with the channel passed as the literal's parameter, and sends drained by the join
        // (the sent value is a method's result: a plain call's result might keep f, and sending it would be an escape)
        "ch := make(chan error, 1)\ngo func(out chan<- error) {\n\tdefer close(out)\n\tout <- f.Check()\n}(ch)\n"
                + "for err := range ch {\n\t_ = err\n}",
        // a named top-level function that closes its channel parameter first thing
        "ch := make(chan error)\ngo worker(f, ch)\nfor err := range ch {\n\t_ = err\n}",
        // the join in an enclosing block; goroutines in exclusive branches (net/server_test.go's shape)
        "ch := make(chan error)\nif path == \"\" {\n\tgo worker(f, ch)\n} else {\n\tgo otherWorker(f, ch)\n}\n"
                + "for err := range ch {\n\tif err != nil {\n\t\tcontinue\n\t}\n}",
        // jumps that stay inside the statements in between (a break of an inner loop or switch) are fine, so is a panic
        "ch := make(chan error)\ngo worker(f, ch)\nfor i := 0; i < 3; i++ {\n\tif i == 1 {\n\t\tbreak\n\t}\n}\n"
                + "if path == \"x\" {\n\tpanic(path)\n}\nswitch path {\ncase \"\":\n\tbreak\n}\nfor range ch {\n}",
        // a literal whose last statement sends on a channel made in the body, received as a statement
        // (x/crypto/ssh's certs_test.go shape), with an assignment, a definition, a comma-ok or a bare receive
        "errc := make(chan error)\ngo func() {\n\terr := check(f)\n\terrc <- err\n}()\nerr := <-errc\n_ = err",
        "errc := make(chan error)\nvar err error\ngo func() {\n\terrc <- f.Check()\n}()\nerr = <-errc\n_ = err",
        "errc := make(chan error, 1)\ngo func() {\n\tif path == \"\" {\n\t\treturn\n\t}\n\terrc <- f.Check()\n}()\n"
                + "err, ok := <-errc\n_, _ = err, ok",
        "done := make(chan bool)\ngo func(out chan<- bool) {\n\tuse(f)\n\tout <- true\n}(done)\n<-done",
        // ... or received in a select whose other cases never finish (net/http/httputil's dump_test.go shape)
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase err := <-errc:\n\t_ = err\n"
                + "case <-shared:\n\tt.Fatal(\"timeout\")\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase <-shared:\n"
                + "\tpanic(\"timeout\")\ndefault:\n\tt.FailNow()\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase <-shared:\n"
                + "\tfor i := 0; i < 3; i++ {\n\t\tif i == 1 {\n\t\t\tbreak\n\t\t}\n\t}\n\tt.Fatal(\"timeout\")\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase err := <-errc:\n"
                + "\t_ = err\ncase shared <- nil:\n\tt.Skipf(\"%s\", path)\n}",
    })
    void provesJoinsWithinTheIteration(String body) throws Exception {
        assertNull(check(source("p", body)), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // joined only after the loop: the WaitGroup lives outside the body
        "outer.Add(1)\ngo func() {\n\tdefer outer.Done()\n\tuse(f)\n}()",
        // no join at all
        "done := make(chan struct{})\ngo func() {\n\tdefer close(done)\n\tuse(f)\n}()",
        // the join sits behind a conditional continue
        "ch := make(chan error)\ngo worker(f, ch)\nif path == \"\" {\n\tcontinue\n}\nfor range ch {\n}",
        // ... or a return, or a goto past it
        "ch := make(chan error)\ngo worker(f, ch)\nif path == \"\" {\n\treturn\n}\nfor range ch {\n}",
        "ch := make(chan error)\ngo worker(f, ch)\nif path == \"\" {\n\tgoto skip\n}\nfor range ch {\n}\nskip:",
        // the join is conditional
        "ch := make(chan error)\ngo worker(f, ch)\nif path != \"\" {\n\tfor range ch {\n\t}\n}",
        // the range join may stop early
        "ch := make(chan error)\ngo worker(f, ch)\nfor err := range ch {\n\tif err != nil {\n\t\tbreak\n\t}\n}",
        // Add after the go statement, Add(2), the WaitGroup shared
        "var wg sync.WaitGroup\ngo func() {\n\tdefer wg.Done()\n\tuse(f)\n}()\nwg.Add(1)\nwg.Wait()",
        "var wg sync.WaitGroup\nwg.Add(2)\ngo func() {\n\tdefer wg.Done()\n\tuse(f)\n}()\nwg.Wait()",
        "var wg sync.WaitGroup\nwg.Add(1)\ngo func() {\n\tdefer wg.Done()\n\tuse(f)\n}()\nshare(&wg)\nwg.Wait()",
        // Done is not the first statement
        "var wg sync.WaitGroup\nwg.Add(1)\ngo func() {\n\tuse(f)\n\tdefer wg.Done()\n}()\nwg.Wait()",
        // a callee without defer close, a method value, a function variable
        "ch := make(chan error)\ngo noSignal(f, ch)\nfor range ch {\n}",
        "ch := make(chan error)\ngo r.worker(f, ch)\nfor range ch {\n}",
        "ch := make(chan error)\nw := worker\ngo w(f, ch)\nfor range ch {\n}",
        // the channel goes to two goroutines that both run, or is closed or shared elsewhere
        "ch := make(chan error)\ngo worker(f, ch)\ngo otherWorker(f, ch)\nfor range ch {\n}",
        "ch := make(chan error)\ngo worker(f, ch)\ngo func() {\n\tch <- nil\n}()\nfor range ch {\n}",
        "ch := make(chan error)\ngo worker(f, ch)\nclose(ch)\nfor range ch {\n}",
        "ch := make(chan error)\ngo worker(f, ch)\nkeep = ch\nfor range ch {\n}",
        // the channel is not made in this iteration
        "ch := shared\ngo worker(f, ch)\nfor range ch {\n}",
        // the goroutine is started in a nested loop, or starts another one
        "ch := make(chan error)\nfor i := 0; i < 2; i++ {\n\tgo worker(f, ch)\n}\nfor range ch {\n}",
        "done := make(chan struct{})\ngo func() {\n\tdefer close(done)\n\tgo use(f)\n}()\nfor range done {\n}",
        // the literal closes its parameter but also uses the captured channel
        "ch := make(chan error)\ngo func(out chan<- error) {\n\tdefer close(out)\n\tuse(f)\n\tclose(ch)\n}(ch)\nfor range ch {\n}",
        // a final send: the receive is in a select (another case may be taken), or conditional, or missing
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase <-shared:\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nif path != \"\" {\n\t<-errc\n}",
        // ... the select's other case may finish: a call that returns, one that is not last, one on
        // something that is not a test, or a panic that is not the builtin
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase <-shared:\n"
                + "\tt.Log(\"timeout\")\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase <-shared:\n"
                + "\tt.Fatal(\"timeout\")\n\tuse(f)\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase <-shared:\n"
                + "\tr.Fatal(\"timeout\")\n}",
        // ... or a jump leaves the case before its t.Fatal (this break ends the select, not the test)
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase <-shared:\n"
                + "\tif path != \"\" {\n\t\tbreak\n\t}\n\tt.Fatal(\"timeout\")\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\ncase <-shared:\n"
                + "\tif path != \"\" {\n\t\tcontinue\n\t}\n\tt.Fatal(\"timeout\")\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\npanic := t.Log\nselect {\ncase <-errc:\n"
                + "case <-shared:\n\tpanic(\"timeout\")\n}",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()",
        // ... the send is not last, or a deferred call runs after it, or it sits in a branch
        "errc := make(chan error)\ngo func() {\n\terrc <- nil\n\tuse(f)\n}()\n<-errc",
        "errc := make(chan error)\ngo func() {\n\tif path != \"\" {\n\t\tdefer use(f)\n\t}\n\terrc <- nil\n}()\n<-errc",
        "errc := make(chan error)\ngo func() {\n\tuse(f)\n\tif path != \"\" {\n\t\terrc <- nil\n\t}\n}()\n<-errc",
        // ... the channel is sent on twice, closed, shared, or the goroutine sends it elsewhere
        "errc := make(chan error)\ngo func() {\n\terrc <- nil\n\terrc <- f.Check()\n}()\n<-errc",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nclose(errc)\n<-errc",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\ngo func() {\n\terrc <- nil\n}()\n<-errc",
        "errc := make(chan error)\ngo func() {\n\tkeep = errc\n\terrc <- f.Check()\n}()\n<-errc",
        "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nkeep = errc\n<-errc",
        // ... the channel is not made in this iteration, or the goroutine starts another one
        "errc := shared\ngo func() {\n\terrc <- f.Check()\n}()\n<-errc",
        "errc := make(chan error)\ngo func() {\n\tgo use(f)\n\terrc <- nil\n}()\n<-errc",
    })
    void refusesGoroutinesNotProvablyJoined(String body) throws Exception {
        Refusal refusal = check(source("p", body));
        assertNotNull(refusal, body);
        assertEquals(RefusalReason.RESOURCE_ESCAPES_ITERATION, refusal.reason());
        assertTrue(refusal.detail().contains("go statement"), refusal.detail());
    }

    @Test
    void aJoinedGoroutineStillCountsItsOtherEscapes() throws Exception {
        Refusal refusal = check(source("p", "var wg sync.WaitGroup\nwg.Add(1)\ngo func() {\n\tdefer wg.Done()\n"
                + "\tkept = f\n}()\nwg.Wait()"));
        assertNotNull(refusal);
        assertTrue(refusal.detail().contains("stored in kept"), refusal.detail());
    }

    @Test
    void aJoinedGoroutineThatSendsTheResourceItselfStillLetsItEscape() throws Exception {
        Refusal refusal = check(source("p", "fc := make(chan *file)\ngo func() {\n\tfc <- f\n}()\ng := <-fc\n"
                + "kept = g"));
        assertNotNull(refusal);
        assertEquals(RefusalReason.RESOURCE_ESCAPES_ITERATION, refusal.reason());
    }

    @Test
    void findsTheCalleeInAnotherFileOfThePackage() throws Exception {
        Files.writeString(dir.resolve("helper.go"), HELPER.replace("PKG", "p"));
        assertNull(check(source("p", "ch := make(chan error)\ngo helper(f, ch)\nfor range ch {\n}")));
    }

    @Test
    void aFileThatIsNotOnDiskHasNoKnownPackage() throws Exception {
        Files.writeString(dir.resolve("helper.go"), HELPER.replace("PKG", "p"));
        String source = source("p", "ch := make(chan error)\ngo helper(f, ch)\nfor range ch {\n}");
        ParsedFile parsed = GoParsing.parse(dir.resolve("<standard input>").toString(),
                source.getBytes(StandardCharsets.UTF_8));
        assertNotNull(check(parsed));
    }

    @Test
    void aTestFileSeesFunctionsOfNonTestFilesButNotTheOtherWayRound() throws Exception {
        Files.writeString(dir.resolve("helper_test.go"), HELPER.replace("PKG", "p"));
        String body = "ch := make(chan error)\ngo helper(f, ch)\nfor range ch {\n}";
        assertNotNull(check(source("p", body)), "input.go cannot call a function of a _test.go file");
        assertNull(check(source("p", body), "input_test.go"));
    }

    @Test
    void anExternalTestPackageIsAnotherPackage() throws Exception {
        Files.writeString(dir.resolve("helper_test.go"), HELPER.replace("PKG", "p_test"));
        assertNotNull(check(source("p", "ch := make(chan error)\ngo helper(f, ch)\nfor range ch {\n}"),
                "input_test.go"));
    }

    @Test
    void everyDeclarationOfTheCalleeMustSignal() throws Exception {
        Files.writeString(dir.resolve("helper_linux.go"), HELPER.replace("PKG", "p"));
        Files.writeString(dir.resolve("helper_windows.go"), """
                package p

                func helper(f *file, ch chan<- error) { ch <- nil }
                """);
        assertNotNull(check(source("p", "ch := make(chan error)\ngo helper(f, ch)\nfor range ch {\n}")));
    }

    @Test
    void anUnreadableFileInThePackageProvesNothing() throws Exception {
        Files.writeString(dir.resolve("helper.go"), HELPER.replace("PKG", "p"));
        // other files are lexed, not parsed: a lexical error makes one unreadable (a syntax error
        // alone does not, and the package would not build anyway)
        Files.writeString(dir.resolve("broken.go"), "package p\n\nvar s = \"open\n");
        assertNotNull(check(source("p", "ch := make(chan error)\ngo helper(f, ch)\nfor range ch {\n}")));
    }

    @Test
    void aCalleeInAFileThatLexesButDoesNotParseProvesNothing() throws Exception {
        // such a file is read by its tokens; its tree, needed for the closed parameter, is not there
        Files.writeString(dir.resolve("helper.go"), HELPER.replace("PKG", "p") + "\nfunc {\n");
        assertNotNull(check(source("p", "ch := make(chan error)\ngo helper(f, ch)\nfor range ch {\n}")));
        Files.writeString(dir.resolve("helper.go"), HELPER.replace("PKG", "p"));
        assertNull(check(source("p", "ch := make(chan error)\ngo helper(f, ch)\nfor range ch {\n}")));
    }

    @Test
    void aPackageThatRedeclaresCloseProvesNoChannelJoin() throws Exception {
        String body = "ch := make(chan error)\ngo worker(f, ch)\nfor range ch {\n}";
        assertNull(check(source("p", body)));
        Files.writeString(dir.resolve("builtins.go"), "package p\n\nfunc close(chan<- error) {}\n");
        assertNotNull(check(source("p", body)));
    }

    @Test
    void aWaitGroupMustComeFromTheStandardSyncPackage() throws Exception {
        String body = "var wg sync.WaitGroup\nwg.Add(1)\ngo func() {\n\tdefer wg.Done()\n\tuse(f)\n}()\nwg.Wait()";
        assertNull(check(source("p", body)));
        assertNotNull(check(source("p", body).replace("\"sync\"\n", "sync \"example.com/mysync\"\n")));
    }

    @Test
    void aTimeoutCaseStopsTheTestOnlyWithTheStandardTestingPackage() throws Exception {
        String body = "errc := make(chan error)\ngo func() {\n\terrc <- f.Check()\n}()\nselect {\ncase <-errc:\n"
                + "case <-shared:\n\tt.Fatal(\"timeout\")\n}";
        assertNull(check(source("p", body)));
        assertNotNull(check(source("p", body).replace("\"testing\"\n", "testing \"example.com/mytesting\"\n")));
    }

    private static final String HELPER = """
            package PKG

            func helper(f *file, ch chan<- error) {
            	defer close(ch)
            	ch <- check(f)
            }
            """;

    private static String source(String pkg, String body) {
        return """
                package PKG

                import (
                	"sync"
                	"testing"
                )

                type file struct{}

                func (f *file) Close() error { return nil }
                func (f *file) Check() error { return nil }
                func open(string) *file      { return nil }
                func use(*file)              {}
                func check(*file) error      { return nil }
                func share(*sync.WaitGroup)  {}

                func worker(f *file, ch chan<- error) {
                	defer close(ch)
                	ch <- check(f)
                }

                func otherWorker(f *file, ch chan<- error) {
                	defer close(ch)
                	use(f)
                }

                func noSignal(f *file, ch chan<- error) { ch <- check(f) }

                type runner struct{}

                func (r *runner) worker(f *file, ch chan<- error) {
                	defer close(ch)
                	use(f)
                }

                func run(t *testing.T, paths []string, r *runner, shared chan error) {
                	var outer sync.WaitGroup
                	var kept *file
                	var keep chan error
                	for _, path := range paths {
                		f := open(path)
                		defer f.Close()
                		BODY
                	}
                	outer.Wait()
                	_, _ = kept, keep
                }
                """.replace("PKG", pkg).replace("BODY", body.replace("\n", "\n\t\t"));
    }

    private Refusal check(String source) throws Exception {
        return check(source, "input.go");
    }

    private Refusal check(String source, String fileName) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, source);
        return check(GoParsing.parse(file.toString(), source.getBytes(StandardCharsets.UTF_8)));
    }

    private static Refusal check(ParsedFile parsed) {
        List<DeferSite> sites = DeferFinder.find(parsed).stream().filter(s -> !s.loops().isEmpty()).toList();
        assertEquals(1, sites.size(), "one defer in a loop expected");
        return new EscapeAnalysis(new PackageDeclarations()).check(new LoopUnit(parsed, sites.get(0).innermostLoop(), sites),
                new FixOptions(FixOptions.AUTO, 4, false, GoVersion.NEWEST));
    }
}
