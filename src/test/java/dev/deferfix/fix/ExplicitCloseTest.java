package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Rule;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExplicitClose on small sources: exact output, or the file unchanged with the expected reason. */
class ExplicitCloseTest {
    private static final GoVersion GO_1_19 = GoVersion.parse("1.19", "test");

    @Test
    void callsTheCleanupAtTheEndOfTheBodyAndBeforeLaterExitsOnly() throws Exception {
        String before = """
                package p

                func run(items []*T) {
                	for _, it := range items {
                		if it == nil {
                			continue
                		}
                		it.Lock()
                		defer it.Unlock()
                		if it.done {
                			continue
                		}
                		it.work()
                	}
                }
                """;
        String after = """
                package p

                func run(items []*T) {
                	for _, it := range items {
                		if it == nil {
                			continue
                		}
                		it.Lock()
                		if it.done {
                			it.Unlock()
                			continue
                		}
                		it.work()
                		it.Unlock()
                	}
                }
                """;
        assertEquals(after + TYPE_T, rewrite(before + TYPE_T));
    }

    @Test
    void leavesBreaksOfASwitchAloneAndInstrumentsLabeledJumps() throws Exception {
        String before = """
                package p

                func run(groups [][]*T) {
                outer:
                	for _, group := range groups {
                		for _, it := range group {
                			it.Lock()
                			defer it.Unlock()
                			switch {
                			case it.done:
                				break
                			case it == nil:
                				break outer
                			default:
                				continue outer
                			}
                		}
                	}
                }
                """;
        String after = """
                package p

                func run(groups [][]*T) {
                outer:
                	for _, group := range groups {
                		for _, it := range group {
                			it.Lock()
                			switch {
                			case it.done:
                				break
                			case it == nil:
                				it.Unlock()
                				break outer
                			default:
                				it.Unlock()
                				continue outer
                			}
                			it.Unlock()
                		}
                	}
                }
                """;
        assertEquals(after + TYPE_T, rewrite(before + TYPE_T));
    }

    @Test
    void runsSeveralCleanupsInReverseOrderAndOnlyThoseAlreadyDeferred() throws Exception {
        String before = """
                package p

                func run(items []*T) {
                	for _, it := range items {
                		it.Lock()
                		defer it.Unlock()
                		if it.done {
                			break
                		}
                		defer it.work()
                		defer it.work2(it)
                	}
                }
                """;
        String after = """
                package p

                func run(items []*T) {
                	for _, it := range items {
                		it.Lock()
                		if it.done {
                			it.Unlock()
                			break
                		}
                		it.work2(it)
                		it.work()
                		it.Unlock()
                	}
                }
                """;
        assertEquals(after + TYPE_T, rewrite(before + TYPE_T));
    }

    @Test
    void aDeferredLiteralBecomesADirectCallReindentedWhereItMoves() throws Exception {
        String before = """
                package p

                func run(items []*T) {
                	for _, it := range items {
                		held := it
                		held.Lock()
                		defer func() {
                			held.Unlock()
                		}()
                		if held.done {
                			continue
                		}
                	}
                }
                """;
        String after = """
                package p

                func run(items []*T) {
                	for _, it := range items {
                		held := it
                		held.Lock()
                		if held.done {
                			func() {
                				held.Unlock()
                			}()
                			continue
                		}
                		func() {
                			held.Unlock()
                		}()
                	}
                }
                """;
        assertEquals(after + TYPE_T, rewrite(before + TYPE_T));
    }

    @Test
    void keepsCrlfAndMixedLineEndingsOutsideTheEdits() throws Exception {
        String before = "package p\r\n\r\nfunc run(items []*T) {\n\tfor _, it := range items {\r\n\t\tit.Lock()\r\n"
                + "\t\tdefer it.Unlock() // once per item\r\n\t\tit.work()\r\n\t}\r\n}\r\n";
        String after = "package p\r\n\r\nfunc run(items []*T) {\n\tfor _, it := range items {\r\n\t\tit.Lock()\r\n"
                + "\t\tit.work()\r\n\t\tit.Unlock() // once per item\r\n\t}\r\n}\r\n";
        String crlfTypes = TYPE_T.replace("\n", "\r\n");
        assertEquals(after + crlfTypes, rewrite(before + crlfTypes));
    }

    @Test
    void explainsThatAPanicNowSkipsTheCleanup() throws Exception {
        Finding finding = deferInLoop(fix(LOOP.replace("BODY", "it.Lock()\n\t\tdefer it.Unlock()\n\t\tit.work()")));
        assertEquals("explicit-close", finding.resolution().strategy());
        assertTrue(finding.resolution().explanation().contains("panics"), finding.resolution().explanation());
    }

    @Test
    void staysUnchangedWhenTheDeferIsConditional() throws Exception {
        assertRefused(RefusalReason.CONDITIONAL_DEFER, "if it.done {\n\t\t\tdefer it.Unlock()\n\t\t}");
    }

    @Test
    void staysUnchangedWhenAReturnOrGotoFollowsTheDefer() throws Exception {
        assertRefused(RefusalReason.JUMP_AFTER_DEFER, "defer it.Unlock()\n\t\tif it.done {\n\t\t\treturn\n\t\t}");
        assertRefused(RefusalReason.JUMP_AFTER_DEFER,
                "defer it.Unlock()\n\t\tif it.done {\n\t\t\tgoto end\n\t\t}\n\tend:\n\t\tit.work()");
    }

    @Test
    void staysUnchangedWhenTheDeferredValuesChangeOrAreComputed() throws Exception {
        assertRefused(RefusalReason.VALUE_REASSIGNED, "defer it.Unlock()\n\t\tit = nil");
        assertRefused(RefusalReason.VALUE_REASSIGNED, "defer it.work2(it)\n\t\tit = items[0]");
        assertRefused(RefusalReason.VALUE_REASSIGNED, "defer it.work2(next(it))");
        assertRefused(RefusalReason.VALUE_REASSIGNED, "defer next(it).work()");
        assertRefused(RefusalReason.VALUE_REASSIGNED, "defer it.Unlock()\n\t\tif it.done {\n\t\t\tit := next(it)"
                + "\n\t\t\tit.work()\n\t\t\tcontinue\n\t\t}");
    }

    @Test
    void aFieldBesideTheReceiverMayChange() throws Exception {
        String rewritten = rewrite(LOOP.replace("BODY", "defer it.mu.Unlock()\n\t\tit.done = true"));
        assertTrue(rewritten.contains("it.done = true\n\t\tit.mu.Unlock()\n"), rewritten);
        assertRefused(RefusalReason.VALUE_REASSIGNED, "defer it.mu.Unlock()\n\t\tit.mu = nil");
    }

    @Test
    void aPointerToTheDeferredValueTakenAnywhereMayChangeIt() throws Exception {
        assertRefusedSaying(LOOP.replace("BODY", "p := &it\n\t\tdefer it.Unlock()\n\t\t*p = next(it)"),
                "the address of it is taken at line 5, by &it");
        String throughAHelper = """
                package p

                func run(items []*T) {
                	for _, it := range items {
                		held := &it
                		it.Lock()
                		defer it.Unlock()
                		drop(held)
                	}
                }

                func drop(p **T) { *p = nil }
                """ + TYPE_T;
        assertRefusedSaying(throughAHelper, "the address of it is taken at line 5, by &it");
    }

    @Test
    void aPointerToAnotherVariableOfTheSameNameDoesNotCount() throws Exception {
        String source = """
                package p

                func run(items []*T) {
                	for _, it := range items {
                		if it.done {
                			it := *it
                			keep(&it)
                		}
                		var n int
                		count(&n)
                		it.Lock()
                		defer it.Unlock()
                		it.work()
                	}
                }

                func keep(*T)     {}
                func count(*int) {}
                """ + TYPE_T;
        String rewritten = rewrite(source);
        assertTrue(rewritten.contains("\t\tit.work()\n\t\tit.Unlock()\n"), rewritten);
    }

    @Test
    void aMethodCalledOnAValueAfterTheDeferMayChangeIt() throws Exception {
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "cfg := Cfg{i}\n\t\tdefer show(cfg)\n\t\tcfg.set(9)"),
                "cfg.set(9) at line 7 may change cfg after the defer evaluated it: cfg, declared by the composite"
                        + " literal Cfg{i}, may hold a value");
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "v := V{i}\n\t\tdefer v.Close()\n\t\tv.inc()"),
                "v.inc() at line 7 may change v");
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "var v V\n\t\tdefer v.Close()\n\t\tv.inc()"),
                "v, declared as var v V, may hold a value");
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "v := newV(i)\n\t\tdefer v.Close()\n\t\tv.inc()"),
                "v, declared by newV(i), whose result is V, may hold a value");
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "v, err := findV(i)\n\t\tif err != nil {\n\t\t\tcontinue"
                + "\n\t\t}\n\t\tdefer v.Close()\n\t\tv.inc()"), "v, declared by findV(i), whose result 1 is V");
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "v := V{i}\n\t\tbump := func() { v.inc() }\n\t\t"
                + "defer v.Close()\n\t\tbump()"), "v.inc() at line 6 may change v");
    }

    @Test
    void methodsOfPointersInterfacesAndOtherPackagesResultsStayCallable() throws Exception {
        for (String body : List.of("v := &V{i}\n\t\tdefer v.Close()\n\t\tv.inc()",
                "v := newVP(i)\n\t\tdefer v.Close()\n\t\tv.inc()",
                "c, err := openC(i)\n\t\tif err != nil {\n\t\t\tcontinue\n\t\t}\n\t\tdefer c.Close()\n\t\tc.Reset()",
                "w := W{}\n\t\tdefer w.a.Close()\n\t\tw.b.inc()")) {
            FileFix fix = fix(VALUE_LOOP.replace("BODY", body));
            assertEquals("explicit-close", deferInLoop(fix).resolution().strategy(), body + ": "
                    + deferInLoop(fix).resolution().explanation());
        }
        String otherPackages = """
                package p

                import (
                	"database/sql"
                	"os"
                )

                func run(db *sql.DB, names []string) {
                	buf := make([]byte, 8)
                	for _, name := range names {
                		f, err := os.Open(name)
                		if err != nil {
                			continue
                		}
                		defer f.Close()
                		f.Read(buf)
                		rows, err := db.Query(name)
                		if err != nil {
                			continue
                		}
                		defer rows.Close()
                		for rows.Next() {
                		}
                	}
                }
                """;
        String rewritten = rewrite(otherPackages);
        assertTrue(rewritten.contains("\t\tfor rows.Next() {\n\t\t}\n\t\trows.Close()\n\t\tf.Close()\n"),
                rewritten);
    }

    /** An interface type of another file of the package is no value: its methods cannot change the variable. */
    @Test
    void aResultTypedByAnInterfaceOfAnotherFileStaysCallable(@TempDir Path dir) throws Exception {
        String loop = """
                package p

                func run(n int) {
                	for i := 0; i < n; i++ {
                		f := open(i)
                		defer f.Close()
                		f.Reset()
                	}
                }

                func open(int) File { return nil }
                """;
        Path file = dir.resolve("a.go");
        Files.writeString(file, loop);
        Files.writeString(dir.resolve("types.go"), "package p\n\ntype File interface {\n\tClose()\n\tReset()\n}\n");
        assertEquals("explicit-close", deferInLoop(fixAt(file, loop)).resolution().strategy());
        Files.writeString(dir.resolve("types.go"), "package p\n\ntype File struct{ n int }\n\n"
                + "func (File) Close()    {}\nfunc (f *File) Reset() { f.n = 0 }\n");
        assertEquals(RefusalReason.VALUE_REASSIGNED.code(), deferInLoop(fixAt(file, loop)).resolution().refusalReason());
    }

    @Test
    void aDeferredLiteralMustNotReadWhatChangesLater() throws Exception {
        String named = """
                package p

                func run(items []*T) (err error) {
                	for _, it := range items {
                		defer func() {
                			it.done = err == nil
                		}()
                	}
                	return nil
                }
                """ + TYPE_T;
        assertUnchanged(named, RefusalReason.READS_LATER_STATE);
        String loopVariable = LOOP.replace("BODY", "defer func() { it.work() }()");
        assertUnchanged(loopVariable, RefusalReason.READS_LATER_STATE);
        FileFix perIteration = fix(loopVariable, GoVersion.parse("1.22", "test"));
        assertEquals("explicit-close", deferInLoop(perIteration).resolution().strategy());
    }

    @Test
    void whatTheCallReadsThroughAFieldMayChangeThroughACallOrAnAlias() throws Exception {
        assertRefusedSaying(FIELD_LOOP.replace("BODY", "w := newWriter(i)\n\t\tdefer w.f.Close()\n\t\tw.rotate()"),
                "w.f is read through a field, and w.rotate() at line 7 may change it without naming it");
        assertRefusedSaying(FIELD_LOOP.replace("BODY", "r := open(i)\n\t\tdefer report(r.id)\n\t\tr.Advance()"),
                "r.id is read through a field, and r.Advance() at line 7");
        assertRefusedSaying(FIELD_LOOP.replace("BODY", "r := open(i)\n\t\tq := r\n\t\tdefer report(r.id)"
                + "\n\t\tq.id = 50"), "r.id is read through a field, and q.id = 50 at line 8");
        assertRefusedSaying(FIELD_LOOP.replace("BODY", "r := open(i)\n\t\trs := []*res{r}\n\t\t"
                + "defer report(r.id)\n\t\trs[0] = nil"), "rs[0] = nil at line 8");
        assertRefusedSaying(FIELD_LOOP.replace("BODY", "r := open(i)\n\t\tdefer r.Close(total)\n\t\tbump()"
                + "\n\t\tr.Advance()"), "total is read through a package-level variable, and bump() at line 7");
    }

    @Test
    void whatNoCallOrIndirectWriteCanChangeStillMoves() throws Exception {
        for (String body : List.of("w := newWriter(i)\n\t\tdefer w.f.Close()\n\t\tn := len(w.name)\n\t\tw.n = n",
                "r := open(i)\n\t\tdefer r.Close(limit)\n\t\tr.Advance()",
                "r := open(i)\n\t\tdefer report(r.id)\n\t\tx := r.id\n\t\tx++\n\t\t_ = x",
                "r := open(i)\n\t\tdefer r.Close(i)\n\t\tr.Advance()")) {
            FileFix fix = fix(FIELD_LOOP.replace("BODY", body));
            assertEquals("explicit-close", deferInLoop(fix).resolution().strategy(), body + ": "
                    + deferInLoop(fix).resolution().explanation());
        }
    }

    @Test
    void aMethodValueOrASliceOfAValueMayChangeIt() throws Exception {
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "cfg := Cfg{i}\n\t\tdefer show(cfg)\n\t\tset := cfg.set"
                + "\n\t\tset(9)"), "the method value cfg.set at line 7 binds a pointer to cfg");
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "cfg := Cfg{i}\n\t\tset := cfg.set\n\t\tdefer show(cfg)"
                + "\n\t\tset(9)"), "the method value cfg.set at line 6");
        assertRefusedSaying(VALUE_LOOP.replace("BODY", "arr := [2]int{i, i}\n\t\tdefer keep(arr)\n\t\t"
                + "s := arr[:]\n\t\ts[0] = 4"), "arr is sliced at line 7, by arr[:]");
        for (String body : List.of("cfg := &Cfg{i}\n\t\tdefer showP(cfg)\n\t\tset := cfg.set\n\t\tset(9)",
                "arr := make([]int, 2)\n\t\tdefer keepSlice(arr)\n\t\ts := arr[:1]\n\t\ts[0] = 4")) {
            FileFix fix = fix(VALUE_LOOP.replace("BODY", body));
            assertEquals("explicit-close", deferInLoop(fix).resolution().strategy(), body + ": "
                    + deferInLoop(fix).resolution().explanation());
        }
    }

    @Test
    void aPanicGoexitOrFatalAfterTheDeferWouldSkipTheMovedCall() throws Exception {
        assertRefusedSaying(RefusalReason.JUMP_AFTER_DEFER, LOOP.replace("BODY",
                "defer it.Unlock()\n\t\tif it.done {\n\t\t\tpanic(\"bad item\")\n\t\t}"),
                "panic(\"bad item\") at line 7 unwinds the stack");
        assertRefusedSaying(RefusalReason.JUMP_AFTER_DEFER, LOOP.replace("BODY", "defer it.Unlock()\n\t\tpanic(it)"),
                "panic(it) at line 6");
        String goexit = """
                package p

                import "runtime"

                func run(items []*T) {
                	for _, it := range items {
                		defer it.Unlock()
                		if it.done {
                			runtime.Goexit()
                		}
                	}
                }
                """ + TYPE_T;
        assertRefusedSaying(RefusalReason.JUMP_AFTER_DEFER, goexit, "runtime.Goexit() at line 9");
        String fatal = """
                package p

                import "testing"

                func TestRun(t *testing.T) {
                	for _, it := range items {
                		defer it.Unlock()
                		for _, x := range it.all {
                			if x == nil {
                				t.Fatal("nil")
                			}
                		}
                	}
                }

                var items []*T
                """ + TYPE_T.replace("done bool", "done bool\n\tall  []*T");
        assertRefusedSaying(RefusalReason.JUMP_AFTER_DEFER, fatal, "t.Fatal(\"nil\") at line 10");
    }

    @Test
    void anExitThatSkipsDeferredCallsOrAPanicInALiteralStillMoves() throws Exception {
        String exits = """
                package p

                import (
                	"log"
                	"os"
                )

                func run(items []*T) {
                	for _, it := range items {
                		defer it.Unlock()
                		if it.done {
                			os.Exit(1)
                		}
                		if it.mu == nil {
                			log.Fatalf("no lock")
                		}
                		check := func() { panic("never called") }
                		_ = check
                	}
                }
                """ + TYPE_T;
        assertEquals("explicit-close", deferInLoop(fix(exits)).resolution().strategy(),
                deferInLoop(fix(exits)).resolution().explanation());
    }

    @Test
    void staysUnchangedWhenGofmtWouldRealignNeighbouringComments() throws Exception {
        assertRefused(RefusalReason.UNSUPPORTED_SYNTAX,
                "it.Lock()         // take it\n\t\tdefer it.Unlock() // give it back\n\t\tit.work()");
    }

    private static final String TYPE_T = """

            type T struct {
            	done bool
            	mu   *M
            }

            type M struct{}

            func (m *M) Unlock()            {}
            func (t *T) Lock()              {}
            func (t *T) Unlock()            {}
            func (t *T) work()              {}
            func (t *T) work2(*T)           {}
            func next(t *T) *T              { return t }
            """;

    private static final String LOOP = """
            package p

            func run(items []*T) {
            	for _, it := range items {
            		BODY
            	}
            }
            """ + TYPE_T;

    private static final String VALUE_LOOP = """
            package p

            func run(n int) {
            	for i := 0; i < n; i++ {
            		BODY
            	}
            }

            type V struct{ n int }

            func (v V) Close() {}
            func (v *V) inc()  { v.n++ }

            type W struct{ a, b V }

            type Cfg struct{ x int }

            func (c *Cfg) set(x int) { c.x = x }
            func show(Cfg)           {}

            type Closer interface {
            	Close()
            	Reset()
            }

            func keep([2]int)                  {}
            func showP(*Cfg)                   {}
            func keepSlice([]int)              {}
            func newV(i int) V                 { return V{i} }
            func newVP(i int) *V               { return &V{i} }
            func findV(i int) (V, error)       { return V{i}, nil }
            func openC(i int) (Closer, error)  { return nil, nil }
            """;

    private static final String FIELD_LOOP = """
            package p

            func run(n int) {
            	for i := 0; i < n; i++ {
            		BODY
            	}
            }

            type res struct{ id int }

            func (r *res) Close(int) {}
            func (r *res) Advance()  { r.id += 50 }
            func open(i int) *res    { return &res{i} }
            func report(id int)      {}

            type writer struct {
            	f    *res
            	name string
            	n    int
            }

            func (w *writer) rotate()     { w.f = open(w.f.id + 100) }
            func newWriter(i int) *writer { return &writer{f: open(i)} }

            const limit = 3

            var total int

            func bump() { total += 10 }
            """;

    private static void assertRefused(RefusalReason reason, String body) throws Exception {
        assertUnchanged(LOOP.replace("BODY", body), reason);
    }

    private static void assertUnchanged(String source, RefusalReason reason) throws Exception {
        FileFix fix = fix(source);
        assertNull(fix.internalError());
        assertEquals(source, fix.text(), "must stay unchanged");
        Finding finding = deferInLoop(fix);
        assertEquals(reason.code(), finding.resolution().refusalReason(), finding.resolution().explanation());
    }

    /** Unchanged, refused as deferred-value-reassigned with a detail that names the cause. */
    private static void assertRefusedSaying(String source, String detail) throws Exception {
        assertRefusedSaying(RefusalReason.VALUE_REASSIGNED, source, detail);
    }

    private static void assertRefusedSaying(RefusalReason reason, String source, String detail) throws Exception {
        assertUnchanged(source, reason);
        String explanation = deferInLoop(fix(source)).resolution().explanation();
        assertTrue(explanation.contains(detail), explanation);
    }

    private static Finding deferInLoop(FileFix fix) {
        return fix.findings().stream().filter(f -> f.rule() == Rule.DEFER_IN_LOOP).findFirst().orElseThrow();
    }

    private static String rewrite(String source) throws Exception {
        FileFix fix = fix(source);
        assertNull(fix.internalError());
        return fix.text();
    }

    private static FileFix fix(String source) throws Exception {
        return fix(source, GO_1_19);
    }

    private static FileFix fixAt(Path file, String source) throws Exception {
        ParsedFile parsed = GoParsing.parse(file.toString(), source.getBytes(StandardCharsets.UTF_8));
        return Strategies.defaultFixer().fix(parsed, Detector.detect(parsed, GO_1_19),
                new FixOptions(ExplicitClose.NAME, 4, true, GO_1_19));
    }

    private static FileFix fix(String source, GoVersion version) throws Exception {
        ParsedFile parsed = GoParsing.parse("test.go", source.getBytes(StandardCharsets.UTF_8));
        List<Finding> findings = Detector.detect(parsed, version);
        FixOptions options = new FixOptions(ExplicitClose.NAME, 4, true, version);
        return Strategies.defaultFixer().fix(parsed, findings, options);
    }
}
