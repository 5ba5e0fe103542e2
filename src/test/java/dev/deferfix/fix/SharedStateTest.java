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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The semaphore strategy refuses a body that may change state its iterations share, one statement at a time. */
class SharedStateTest {

    private static String program(String statement) {
        return """
                package p

                import (
                	"bytes"
                	"context"
                	"database/sql"
                	"fmt"
                	"io"
                	"os"
                	"path/filepath"
                	"strings"
                	"sync"
                	"sync/atomic"
                	"testing"
                )

                var cache = map[string]int{}

                var registry = map[string]int{}

                func register(name string) { registry[name]++ }

                func registerAll(names ...string) {
                	for _, name := range names {
                		register(name)
                	}
                }

                func measure(name string) int { return len(name) * 2 }

                type server struct{ n int }

                func (s *server) run(ctx context.Context, db *sql.DB, t *testing.T, dir string, fn func(string),
                	conns []io.Closer, paths []string, peers []*server) error {
                	buf := new(bytes.Buffer)
                	var mu sync.Mutex
                	limit := 10
                	var total int64
                	results := make([]int, len(paths))
                	counts := map[string]int{}
                	for i, path := range paths {
                		f, err := os.Open(path)
                		if err != nil {
                			return err
                		}
                		defer f.Close()
                		if _, err := f.Stat(); err != nil {
                			return err
                		}
                		STATEMENT
                	}
                	return nil
                }

                var guard sync.Mutex

                func note(name string) {
                	guard.Lock()
                	defer guard.Unlock()
                	registry[name]++
                }

                func remember[T any](v T) { cache[fmt.Sprint(v)]++ }

                var served int

                func (s *server) count() { served++ }

                func (s *server) bump() { s.n++ }
                """.replace("STATEMENT", statement);
    }

    private static FileFix fix(String text) throws Exception {
        return fix("a.go", text);
    }

    private static FileFix fix(String path, String text) throws Exception {
        ParsedFile parsed = GoParsing.parse(path, text.getBytes(StandardCharsets.UTF_8));
        var findings = Detector.detect(parsed, GoVersion.NEWEST);
        return Strategies.defaultFixer().fix(parsed, findings,
                new FixOptions(SemaphoreWorker.NAME, 4, false, GoVersion.NEWEST));
    }

    static Stream<Arguments> sharedChanges() {
        return Stream.of(
                Arguments.of("buf.Reset()", "buf.Reset is called on buf, declared outside the body"),
                Arguments.of("s.n = len(path)", "the body writes s.n"),
                Arguments.of("s.add(path)", "s.add is called on s"),
                Arguments.of("_, _ = io.Copy(buf, f)", "io.Copy is passed buf, declared outside the body"),
                Arguments.of("delete(cache, path)", "delete changes cache"),
                Arguments.of("fill(cache)", "fill is passed cache"),
                Arguments.of("fn(path)", "fn, declared outside the body, is called by every iteration"),
                Arguments.of("check(t, f)", "check is passed t: a t.Fatal inside it would stop only"),
                Arguments.of("os.Setenv(\"DIR\", path)", "os.Setenv changes state of the whole process"),
                Arguments.of("t.Setenv(\"DIR\", path)", "t.Setenv changes state of the whole process"),
                Arguments.of("b := buf\n\t\tb.WriteString(path)", "b.WriteString is called on b"),
                Arguments.of("p := &limit\n\t\t_ = p", "&limit takes the address of limit"),
                Arguments.of("registry.Add(path)", "registry.Add is called on registry"),
                Arguments.of("_ = append(paths[:i], path)", "append changes paths"),
                Arguments.of("j := 0\n\t\t_ = conns[j].Close()", "conns[j].Close is called on conns"),
                Arguments.of("results[i] = results[0] + 1", "the body writes results[i]"),
                Arguments.of("counts[path] = i", "the body writes counts[path]"),
                Arguments.of("register(path)", "the call of register (declared at line 21): it writes registry[name]"),
                Arguments.of("registerAll(path, dir)", "the call of registerAll (declared at line 23): the call of"
                        + " register (declared at line 21): it writes registry[name]"),
                Arguments.of("for _, p := range peers {\n\t\t\tp.n++\n\t\t}", "writes p.n, and p is a copy of peers"),
                Arguments.of("for _, p := range peers[1:] {\n\t\t\tp.n = i\n\t\t}", "p is a copy of peers"),
                Arguments.of("buf := results[:0]\n\t\tbuf = append(buf, i)\n\t\t_ = buf", "append changes buf"),
                Arguments.of("for _, c := range conns {\n\t\t\t_ = c.Close()\n\t\t}", "c.Close is called on c"),
                Arguments.of("own := &server{}\n\t\town.count()", "the call of own.count (declared at line 68): it"
                        + " writes served"),
                Arguments.of("remember[string](path)", "the call of remember (declared at line 63): it writes cache"),
                Arguments.of("(register)(path)", "the call of register (declared at line 21)"),
                Arguments.of("((remember[string]))(path)", "the call of remember (declared at line 63)"),
                Arguments.of("add := register\n\t\tadd(path)", "the call of register (declared at line 21)"),
                Arguments.of("apply(register, path)", "the call of register (declared at line 21)"));
    }

    @ParameterizedTest
    @MethodSource("sharedChanges")
    void aBodyThatChangesSharedStateIsRefused(String statement, String detail) throws Exception {
        String text = program(statement);
        FileFix fix = fix(text);
        assertEquals(text, fix.text());
        Finding finding = fix.findings().get(0);
        assertEquals(RefusalReason.NOT_INDEPENDENT.code(), finding.resolution().refusalReason());
        assertTrue(finding.resolution().explanation().contains(detail), finding.resolution().explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mu.Lock()\n\t\tmu.Unlock()",
        "_ = db.QueryRowContext(ctx, \"SELECT 1\", path, limit)",
        "t.Errorf(\"%s in %s: %d\", path, dir, limit)",
        "_ = strings.Contains(path, dir)",
        "process(ctx, path, dir, limit, i)",
        "_ = os.Remove(filepath.Join(dir, path))",
        "_ = conns[i].Close()",
        "fmt.Println(s, cache, limit)",
        "c, cancel := context.WithCancel(ctx)\n\t\tdefer cancel()\n\t\t_ = c.Err()",
        "own := new(bytes.Buffer)\n\t\town.WriteString(path)\n\t\t_, _ = io.Copy(own, f)",
        "path := path\n\t\tsum(&path)",
        "atomic.AddInt64(&total, 1)",
        "_ = maxOf[int](limit, i)",
        "results[i] = len(path)",
        "results[i] += limit",
        "results[i] = measure(path)",
        "results[i] = (measure)(path)",
        "own := &server{}\n\t\town.bump()",
        "for _, p := range peers {\n\t\t\tp = nil\n\t\t\t_ = p\n\t\t}",
        "for j, p := range peers[i:] {\n\t\t\tresults[i] += j + p.n\n\t\t}",
        "buf := make([]int, 0, 1)\n\t\tbuf = append(buf, results[i])\n\t\t_ = buf",
        "note(path)"})
    void aBodyThatOnlyReadsWhatItSharesIsRewritten(String statement) throws Exception {
        String text = program(statement);
        FileFix fix = fix(text);
        assertNotEquals(text, fix.text(), () -> fix.findings().get(0).resolution().explanation());
    }

    @Test
    void anUnexportedHelperOfAnotherFileIsRefusedAnExportedFunctionIsNot(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("helpers.go"), "package p\n\nfunc process(string) {}\n\nfunc Process(string) {}\n");
        Path file = dir.resolve("a.go");
        String helper = program("process(path)");
        Files.writeString(file, helper);
        FileFix refused = fix(file.toString(), helper);
        assertEquals(helper, refused.text());
        String explanation = refused.findings().get(0).resolution().explanation();
        assertTrue(explanation.contains("process is a function of another file of the package"), explanation);
        String exported = program("Process(path)");
        Files.writeString(file, exported);
        assertNotEquals(exported, fix(file.toString(), exported).text());
    }
}
