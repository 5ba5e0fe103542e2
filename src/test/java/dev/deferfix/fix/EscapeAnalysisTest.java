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
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** EscapeAnalysis on small functions: each body is wrapped into a loop over paths with f := open(path). */
class EscapeAnalysisTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "files = append(files, f)",
        "kept = f",
        "byName[\"x\"] = f",
        "r.last = f",
        "out <- f",
        "go use(f)",
        "go func() { use(f) }()",
        "later = func() { use(f) }",
        "cleanups = append(cleanups, f.Close)",
        "alias := f\n\t\tkept = alias",
        "wrapped := []*file{f}\n\t\tfiles = append(files, wrapped...)",
        "seen[f] = true",
        "if f != nil {\n\t\t\treturn f\n\t\t}",
        "p := &f\n\t\tkept = *p",
        "kept = wrap(f)",
        "files = append(files, wrap(f))",
        "w := wrap(f)\n\t\tr.last = w",
        "w, err := wrapChecked(f)\n\t\tif err == nil {\n\t\t\tkept = w\n\t\t}",
        // written into storage that a local variable shares with an outer one
        "o := r\n\t\to.last = f",
        "o := r\n\t\tp := o\n\t\tp.last = f",
        "for _, x := range []*registry{r} {\n\t\t\tx.last = f\n\t\t}",
        "var b registry\n\t\tp := &b\n\t\tp.last = f\n\t\tkept = b.last",
        "copy(files, []*file{f})",
        "buf := files[:0]\n\t\tbuf = append(buf, f)\n\t\t_ = buf",
        "keep := func(x *file) { kept = x }\n\t\tkeep(f)",
    })
    void refusesWhenTheResourceLeavesTheIteration(String statement) throws Exception {
        Refusal refusal = check(loopWith("defer f.Close()\n\t\t" + statement));
        assertNotNull(refusal, statement);
        assertEquals(RefusalReason.RESOURCE_ESCAPES_ITERATION, refusal.reason());
        assertTrue(refusal.detail().startsWith("f ") || refusal.detail().startsWith("alias ")
                || refusal.detail().startsWith("wrapped ") || refusal.detail().startsWith("p ") || refusal.detail().startsWith("w ")
                || refusal.detail().startsWith("b "), refusal.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "use(f)",
        "f.Read()",
        "var b registry\n\t\tb.last = f\n\t\t_ = b.last",
        "o := &registry{}\n\t\to.last = f",
        "var buf []*file\n\t\tbuf = append(buf, f)\n\t\t_ = buf",
        "local := make([]*file, 1)\n\t\tcopy(local, []*file{f})",
        "show := func(x *file) { use(x) }\n\t\tshow(f)",
        "n := f.size\n\t\ttotal += n",
        "name := f.name\n\t\tkept = nil\n\t\t_ = name",
        "total += f.size",
        "local := f\n\t\tuse(local)",
        "func() { use(f) }()",
        "if f == nil {\n\t\t\tcontinue\n\t\t}",
        "sort(func(a, b int) bool { return a < b })",
        "total = len(fmt.Sprint(f))",
        "total = wrap(f).Read()",
        "w, err := wrapChecked(f)\n\t\tlastErr = err\n\t\tuse(w)",
        "if f.size > 0 {\n\t\t\treturn wrap(f)\n\t\t}",
    })
    void leavesOrdinaryUsesAlone(String statement) throws Exception {
        assertNull(check(loopWith("defer f.Close()\n\t\t" + statement)), statement);
    }

    @Test
    void aResourceReturnedBeforeTheDeferHasNotBeenDeferredYet() throws Exception {
        assertNull(check(loopWith("if f.size == 0 {\n\t\t\treturn f\n\t\t}\n\t\tdefer f.Close()")));
    }

    @Test
    void anUnrelatedFieldOfTheReceiverMayLeave() throws Exception {
        String source = """
                package p

                import "sync"

                type guarded struct {
                	mu    sync.Mutex
                	value *int
                }

                func collect(items []*guarded) []*int {
                	var out []*int
                	for _, item := range items {
                		item.mu.Lock()
                		defer item.mu.Unlock()
                		out = append(out, item.value)
                	}
                	return out
                }
                """;
        assertNull(check(source));
        assertNotNull(check(source.replace("item.value)", "item)")));
    }

    @Test
    void aRangeValueTheCodeAfterTheLoopMayStillNeedIsKeptOutside() throws Exception {
        String source = """
                package p

                type reporter struct{ steps []string }

                func (r *reporter) PushStep(s string) { r.steps = append(r.steps, s) }
                func (r *reporter) PopStep()          { r.steps = r.steps[:len(r.steps)-1] }

                func compare(reporters []*reporter, step string) int {
                	for _, r := range reporters {
                		r.PushStep(step)
                		defer r.PopStep()
                	}
                	AFTER
                }
                """;
        Refusal refusal = check(source.replace("AFTER", "return len(reporters[0].steps)"));
        assertNotNull(refusal, "the return reads the pushed steps before deferred calls run");
        assertTrue(refusal.detail().contains("works on r, which the loop takes from reporters"), refusal.detail());
        assertNotNull(check(source.replace("AFTER", "n := 1\n\treturn n")), "any statement after the loop counts");
        assertNull(check(source.replace("AFTER", "var n int\n\treturn n")), "only a bare declaration and a return");
        assertNull(check(source.replace("AFTER", "return 0")));
        assertNotNull(check(source.replace("AFTER", "return 0").replace("r.PushStep(step)\n\t\tdefer r.PopStep()",
                "r := r\n\t\tr.PushStep(step)\n\t\tdefer r.PopStep()").replace("return 0", "return len(step)")),
                "a copy of the range value is the range value");
        assertNull(check(source.replace("AFTER", "return len(step)").replace("defer r.PopStep()",
                "t := open()\n\t\tdefer t.Close(r)").replace("func compare", """
                type token struct{}

                func open() *token               { return nil }
                func (t *token) Close(*reporter) {}

                func compare""")), "beside a variable the body made, the range value is data");
    }

    @Test
    void aNameBuiltFromTheRangeValueNamesWhatTheLoopTakes() throws Exception {
        String source = """
                package p

                import (
                	"os"
                	"path/filepath"
                )

                func readOnly(tempDir string, dirs []string) error {
                	for _, dir := range dirs {
                		d := BUILT
                		if err := os.Chmod(d, 0555); err != nil {
                			return err
                		}
                		defer os.Chmod(d, 0777)
                	}
                	return os.RemoveAll(tempDir)
                }
                """;
        Refusal refusal = check(source.replace("BUILT", "filepath.Join(tempDir, dir)"));
        assertNotNull(refusal, "the code after the loop relies on the mode the deferred call restores");
        assertTrue(refusal.detail().contains("works on d (made from dir), which the loop takes from dirs"),
                refusal.detail());
        assertNotNull(check(source.replace("BUILT", "tempDir + \"/\" + dir")), "concatenation builds a name too");
        assertNull(check(source.replace("BUILT", "filepath.Join(tempDir, dir)")
                .replace("return os.RemoveAll(tempDir)", "return nil")), "nothing after the loop");
        assertNull(check(source.replace("BUILT", "mkTemp(dir)").replace("func readOnly", """
                func mkTemp(string) string { return "" }

                func readOnly""")), "what another call returns may be made by the iteration");
    }

    @Test
    void aResourceInAVariableFromOutsideTheLoopLivesOnThere() throws Exception {
        Refusal refusal = check(loopWith("kept = open(path)\n\t\tdefer kept.Close()\n\t\tuse(kept)"));
        assertNotNull(refusal);
        assertTrue(refusal.detail().contains("kept, declared outside the loop, which the loop body assigns"),
                refusal.detail());
        assertTrue(check(loopWith("use(kept)\n\t\tdefer kept.Close()")).detail()
                .contains("uses no variable the iteration made (only kept)"), "read, not assigned: still outside");
    }

    @Test
    void aCallOnNothingTheIterationMadeWaitsUnlessOnlyAReturnFollows() throws Exception {
        String source = """
                package p

                import (
                	"fmt"
                	"sync"
                	"syscall"
                )

                func mapAll(base uintptr, n uintptr, mu *sync.Mutex) int {
                	for off := uintptr(0); off < n; off += 4096 {
                		BODY
                	}
                	AFTER
                }
                """;
        String unmap = "syscall.Syscall(syscall.SYS_MMAP, base+off, 4096, 0)\n\t\t"
                + "defer syscall.Syscall(syscall.SYS_MUNMAP, base+off, 4096, 0)";
        Refusal refusal = check(source.replace("BODY", unmap).replace("AFTER", "return use(base)"));
        assertNotNull(refusal, "the code after the loop reads the pages the deferred calls unmap");
        assertEquals("the deferred call uses no variable the iteration made (only base, off): what it "
                + "cleans up lives outside the iteration, and the code after the loop may still need it", refusal.detail());
        assertNull(check(source.replace("BODY", unmap).replace("AFTER", "return 0")), "only a return follows");
        assertNotNull(check(source.replace("BODY", "mu.Lock()\n\t\tdefer mu.Unlock()")
                .replace("AFTER", "return use(base)")), "the code after the loop ran with the lock held");
        assertNull(check(source.replace("BODY", "defer fmt.Println(\"mapped\", off)")
                .replace("AFTER", "return use(base)")), "printing earlier is the intended change");
        assertNull(check(source.replace("BODY", "defer func() {\n\t\t\tfmt.Println(\"mapped\", off)\n\t\t}()")
                .replace("AFTER", "return use(base)")), "a literal that only prints");
    }

    @Test
    void aLoopAroundTheLoopCountsWhenItOnlyRepeatsIt() throws Exception {
        String source = """
                package p

                import "sync"

                func lockGroups(groups [][]*sync.Mutex) int {
                	for _, group := range groups {
                		BEFORE
                		for _, mu := range group {
                			mu.Lock()
                			defer mu.Unlock()
                		}
                	}
                	return 0
                }
                """;
        assertNull(check(source.replace("BEFORE\n\t\t", "")));
        assertNotNull(check(source.replace("BEFORE", "println(len(group))")));
    }

    @Test
    void theContextOfADeferredCancelIsTheResourceToo() throws Exception {
        String source = """
                package p

                import "context"

                func race(parent context.Context, n int, results chan<- error) {
                	for i := 0; i < n; i++ {
                		ctx, cancel := context.WithCancel(parent)
                		defer cancel()
                		go func() {
                			<-ctx.Done()
                			results <- ctx.Err()
                		}()
                	}
                }
                """;
        Refusal refusal = check(source);
        assertNotNull(refusal);
        assertTrue(refusal.detail().startsWith("ctx "), refusal.detail());
        assertNull(check(source.replace("go func() {", "func() {")), "a literal called in place does not outlive");
    }

    @Test
    void theErrorBesideTheResourceIsNotPartOfIt() throws Exception {
        String source = """
                package p

                import "os"

                func sizes(paths []string) (int64, error) {
                	var total int64
                	for _, path := range paths {
                		f, err := os.Open(path)
                		if err != nil {
                			return 0, err
                		}
                		defer f.Close()
                		info, err := f.Stat()
                		if err != nil {
                			return 0, err
                		}
                		total += info.Size()
                	}
                	return total, nil
                }
                """;
        assertNull(check(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "time.AfterFunc(time.Second, func() {\n\t\t\tf.Stat()\n\t\t\twg.Done()\n\t\t})|time.AfterFunc",
        "g.add(func() { f.Stat() })|g.add",
        "http.HandleFunc(\"/\"+path, func(w http.ResponseWriter, r *http.Request) { f.Stat() })|http.HandleFunc",
        "t.Run(path, func(t *testing.T) {\n\t\t\tt.Parallel()\n\t\t\tf.Stat()\n\t\t})|t.Run",
        "keep(paths, func(string) { f.Stat() })|keep",
        "g.Do(func() { f.Stat() })|g.Do",
        "sort := sorter{}\n\t\tsort.Slice(paths, func(i, j int) bool { return f.Name() < paths[j] })|sort.Slice",
    })
    void refusesAFunctionLiteralCapturingTheResourcePassedToACallThatMayRunItLater(String caseAndCall)
            throws Exception {
        String[] parts = caseAndCall.split("\\|");
        assertCallbackEscapes(parts[0], "f \\(line \\d+\\), captured by the function literal at line \\d+, is passed to "
                + java.util.regex.Pattern.quote(parts[1]) + ", which may run it after the iteration ends");
    }

    /** The callback loop with {@code body} escapes, with a detail matching {@code detailPattern}. */
    private static void assertCallbackEscapes(String body, String detailPattern) throws Exception {
        Refusal refusal = check(callbackLoop(body));
        assertNotNull(refusal, body);
        assertEquals(RefusalReason.RESOURCE_ESCAPES_ITERATION, refusal.reason());
        assertTrue(refusal.detail().matches(detailPattern), refusal.detail());
    }

    @Test
    void aFunctionVariableHoldingSuchALiteralIsFollowedToTheCall() throws Exception {
        Refusal refusal = check(callbackLoop("cb := func() { f.Stat() }\n\t\ttime.AfterFunc(time.Second, cb)"));
        assertNotNull(refusal);
        assertTrue(refusal.detail().matches("cb \\(line \\d+\\) is passed to time.AfterFunc, which may run it after "
                + "the iteration ends"), refusal.detail());
        assertNull(check(callbackLoop("cb := func() { f.Stat() }\n\t\tcb()")), "called in place");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sort.Slice(paths, func(i, j int) bool { return f.Name() < paths[j] })",
        "less := func(i, j int) bool { return f.Name() < paths[j] }\n\t\tsort.SliceStable(paths, less)",
        "t.Run(path, func(t *testing.T) {\n\t\t\tif _, err := f.Stat(); err != nil {\n\t\t\t\tt.Fatal(err)\n\t\t\t}\n\t\t})",
        "filepath.Walk(path, func(p string, info os.FileInfo, err error) error {\n\t\t\t_, err = f.Stat()\n\t\t\treturn err\n\t\t})",
        "func() { f.Stat() }()",
        "time.AfterFunc(time.Second, func() { wg.Done() })",
        "each(paths, func(name string) { f.Stat() })",
        "once.Do(func() { f.Stat() })",
        "cbs := []func(){}\n\t\tcbs = append(cbs, func() { f.Stat() })\n\t\tfor _, cb := range cbs {\n\t\t\tcb()\n\t\t}",
    })
    void leavesALiteralThatRunsBeforeTheCallReturnsAlone(String statement) throws Exception {
        Refusal refusal = check(callbackLoop(statement));
        assertNull(refusal, statement + " -> " + (refusal == null ? "" : refusal.detail()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"go f(name)", "later = f", "keep(names, f)", "func() { f(name) }()", "g := f\n\t\t\tg(name)"})
    void aFunctionOfTheFileTrustedOnlyWhenItJustCallsItsParameter(String use) throws Exception {
        String source = callbackLoop("each(paths, func(name string) { f.Stat() })")
                .replace("\t\t\tf(name)\n", "\t\t\t" + use + "\n");
        assertTrue(source.contains(use), source);
        Refusal refusal = check(source);
        assertNotNull(refusal, use);
        assertTrue(refusal.detail().endsWith("is passed to each, which may run it after the iteration ends"),
                refusal.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "for e := l.Front(); e != nil; e = e.Next() {\n\t\tdefer l.Remove(e)|e is read by the loop's post statement e = e.Next() after the iteration ends",
        "for n := first(); n != nil; n = n.next {\n\t\tdefer n.Close()|n is read by the loop's post statement n = n.next after the iteration ends",
        "for n := first(); n.open(); {\n\t\tdefer n.Close()|n is read by the loop's condition n.open() after the iteration ends",
        "for it.More() {\n\t\tn := first()\n\t\tdefer it.Release(n)|it is read by the loop's condition it.More() after the iteration ends",
    })
    void refusesWhenTheLoopHeaderReadsWhatTheDeferredCallWorksOn(String headerAndDetail) throws Exception {
        String[] parts = headerAndDetail.split("\\|");
        Refusal refusal = check(headerLoop(parts[0]));
        assertNotNull(refusal, parts[0]);
        assertEquals(RefusalReason.RESOURCE_ESCAPES_ITERATION, refusal.reason());
        assertEquals(parts[1], refusal.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "for i := 0; i < len(names); i++ {\n\t\tn := open(names[i])\n\t\tdefer n.Close()",
        "for e := l.Front(); e != nil; e = e.Next() {\n\t\tn := open(e.name)\n\t\tdefer n.Close()",
        "for _, name := range names {\n\t\tn := open(name)\n\t\tdefer n.Close()",
    })
    void leavesAHeaderThatReadsOnlyOtherVariablesAlone(String header) throws Exception {
        Refusal refusal = check(headerLoop(header));
        assertNull(refusal, header + " -> " + (refusal == null ? "" : refusal.detail()));
    }

    /** A loop whose header and first statements are {@code HEADER}, returning right after it. */
    private static String headerLoop(String header) {
        return """
                package p

                type node struct {
                	next *node
                	name string
                }

                func (n *node) Close()      {}
                func (n *node) open() bool  { return true }
                func (n *node) Next() *node { return n.next }
                func first() *node          { return nil }
                func open(string) *node     { return nil }

                type list struct{}

                func (list) Front() *node  { return nil }
                func (list) Remove(*node)  {}

                type iter struct{}

                func (*iter) More() bool      { return false }
                func (*iter) Release(*node)   {}

                func run(l list, it *iter, names []string) {
                	HEADER
                	}
                }
                """.replace("HEADER", header);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "r.keep(f)|f|r.keep, a method of r",
        "r.all.keep(&f)|f|r.all.keep, a method of r.all",
        "alias := f\n\t\tregistered.keep(alias)|alias|registered.keep, a method of registered",
        "byPath.Store(path, f)|f|byPath.Store, a method of byPath",
    })
    void refusesTheResourcePassedToAMethodOfAnObjectFromOutsideTheBody(String caseAndCall) throws Exception {
        String[] parts = caseAndCall.split("\\|");
        Refusal refusal = check(keepingLoop("defer f.Close()\n\t\t" + parts[0]));
        assertNotNull(refusal, parts[0]);
        assertEquals(RefusalReason.RESOURCE_ESCAPES_ITERATION, refusal.reason());
        assertTrue(refusal.detail().matches(parts[1] + " \\(line \\d+\\) is passed to "
                + java.util.regex.Pattern.quote(parts[2]) + " \\(declared outside the loop body\\), which may keep it"),
                refusal.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "r.keep(f.name)",
        "r.keep(f.Read())",
        "mine := &registry{}\n\t\tmine.keep(f)",
        "use(f)",
        "r.Write(f)",
        "t.Logf(\"%v\", f)",
        "fmt.Println(f)",
        "ctx, cancel := context.WithCancel(base)\n\t\tdefer cancel()\n\t\tr.watch(ctx)|ctx",
        "w := wrap(f)\n\t\tr.keep(w)",
    })
    void leavesOtherArgumentsAndReadOnlyMethodsAlone(String statement) throws Exception {
        String body = statement.endsWith("|ctx") ? statement.substring(0, statement.length() - 4)
                : "defer f.Close()\n\t\t" + statement;
        Refusal refusal = check(keepingLoop(body));
        assertNull(refusal, statement + " -> " + (refusal == null ? "" : refusal.detail()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "time.AfterFunc(time.Second, f.Sync)|f.Sync to time.AfterFunc",
        "t.Cleanup(f.Close)|f.Close to t.Cleanup",
        "http.HandleFunc(\"/\"+path, f.serve)|f.serve to http.HandleFunc",
    })
    void refusesAMethodValueOfTheResourcePassedToACallThatKeepsCallbacks(String caseAndCall) throws Exception {
        String[] parts = caseAndCall.split("\\|");
        assertCallbackEscapes(parts[0], "f \\(line \\d+\\) is passed as "
                + java.util.regex.Pattern.quote(parts[1]) + ", which may call it after the iteration ends");
    }

    @ParameterizedTest
    @ValueSource(strings = {"time.AfterFunc(time.Second, wg.Done)", "sort.Slice(paths, f.less)", "t.Log(f.Name)",
        "time.AfterFunc(time.Second, f.Name())"})
    void leavesOtherCallbacksAlone(String statement) throws Exception {
        Refusal refusal = check(callbackLoop(statement));
        assertNull(refusal, statement + " -> " + (refusal == null ? "" : refusal.detail()));
    }

    /** A loop that opens files beside objects from outside its body ({@code BODY}), and reads them after it. */
    private static String keepingLoop(String body) {
        return """
                package p

                import (
                	"context"
                	"fmt"
                	"sync"
                	"testing"
                )

                type file struct {
                	name string
                }

                func (f *file) Close() error { return nil }
                func (f *file) Read() int    { return 0 }
                func open(string) *file      { return nil }
                func use(*file)              {}
                func wrap(f *file) *file     { return f }

                type registry struct {
                	all   *registry
                	files []*file
                }

                func (r *registry) keep(f *file)              { r.files = append(r.files, f) }
                func (r *registry) Write(f *file)             {}
                func (r *registry) watch(ctx context.Context) {}

                var registered registry

                func run(t *testing.T, base context.Context, paths []string, r *registry) int {
                	var byPath sync.Map
                	for _, path := range paths {
                		f := open(path)
                		BODY
                	}
                	byPath.Range(func(k, v any) bool { return true })
                	return len(r.files) + len(registered.files)
                }
                """.replace("BODY", body);
    }

    /** A test's loop that opens files and hands them to callbacks ({@code BODY}). */
    private static String callbackLoop(String body) {
        return """
                package p

                import (
                	"net/http"
                	"os"
                	"path/filepath"
                	"sort"
                	"sync"
                	"testing"
                	"time"
                )

                type registry struct{ callbacks []func() }

                func (g *registry) add(f func()) { g.callbacks = append(g.callbacks, f) }
                func (g *registry) Do(f func())  { g.add(f) }

                type sorter struct{}

                func (sorter) Slice(x interface{}, less func(i, j int) bool) {}

                // each calls f in place, so it has run when each returns.
                func each(names []string, f func(string)) {
                	for _, name := range names {
                		if f != nil {
                			f(name)
                		}
                	}
                }

                var later func(string)

                // keep stores f: it may run after keep returns.
                func keep(names []string, f func(string)) {
                	later = f
                }

                func checkAll(t *testing.T, paths []string, g *registry, once *sync.Once) {
                	var wg sync.WaitGroup
                	for _, path := range paths {
                		f, err := os.Open(path)
                		if err != nil {
                			t.Fatal(err)
                		}
                		defer f.Close()
                		wg.Add(1)
                		BODY
                	}
                	wg.Wait()
                }
                """.replace("BODY", body);
    }

    private static String loopWith(String body) {
        return """
                package p

                import "fmt" // fmt.Sprint below is the package's

                type file struct {
                	size int
                	name string
                }

                func (f *file) Close() error { return nil }
                func (f *file) Read() int    { return 0 }
                func open(string) *file      { return nil }
                func use(*file)              {}
                func sort(func(a, b int) bool) {}
                func wrap(f *file) *file     { return f }
                func wrapChecked(f *file) (*file, error) { return f, nil }

                type registry struct{ last *file }

                func run(paths []string, r *registry, out chan<- *file) *file {
                	var files []*file
                	var kept *file
                	var later func()
                	var cleanups []func() error
                	byName := map[string]*file{}
                	seen := map[*file]bool{}
                	total := 0
                	var lastErr error
                	for _, path := range paths {
                		f := open(path)
                		BODY
                	}
                	_, _, _, _, _, _, _ = files, later, cleanups, byName, seen, total, lastErr
                	return kept
                }
                """.replace("BODY", body);
    }

    static Refusal check(String source) throws Exception {
        return check(source, new EscapeAnalysis(new PackageDeclarations()));
    }

    /** Checks that {@code check} refuses the one defer in a loop of {@code source} for {@code reason}. */
    static Refusal assertRefused(String source, UnitCheck check, RefusalReason reason) throws Exception {
        Refusal refusal = check(source, check);
        assertNotNull(refusal, source);
        assertEquals(reason, refusal.reason(), refusal.detail());
        return refusal;
    }

    /** What {@code check} says about the one defer in a loop of {@code source}. */
    static Refusal check(String source, UnitCheck check) throws Exception {
        ParsedFile parsed = GoParsing.parse("test.go", source.getBytes(StandardCharsets.UTF_8));
        List<DeferSite> sites = DeferFinder.find(parsed).stream().filter(s -> !s.loops().isEmpty()).toList();
        assertEquals(1, sites.size(), "one defer in a loop expected");
        LoopUnit unit = new LoopUnit(parsed, sites.get(0).innermostLoop(), sites);
        return check.check(unit, new FixOptions(FixOptions.AUTO, 4, false, GoVersion.NEWEST));
    }
}
