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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeferredLiteralTiming through both rewriting strategies: a deferred call whose meaning depends on
 * running when the function returns is refused with the reason and a detail; one that does not is rewritten.
 */
class DeferredLiteralTimingTest {
    private static final GoVersion GO_1_19 = GoVersion.parse("1.19", "test");

    private static final String TYPES = """

            type res struct{ id int }

            func (r *res) Close() error { return nil }

            func open(i int) *res { return &res{i} }

            func closeInto(errp *error, r *res) { *errp = r.Close() }
            """;

    @Test
    void aNamedResultWhoseAddressIsTakenAnywhereRefusesTheLoopsDefers() throws Exception {
        String alias = """
                package p

                func run() (err error) {
                	errp := &err
                	for i := 0; i < 3; i++ {
                		r := open(i)
                		defer closeInto(errp, r)
                	}
                	return nil
                }
                """ + TYPES;
        assertRefusedSaying(alias, "takes the address of its named result err at line 4");
        String inLiteral = """
                package p

                type tracker struct{ errp *error }

                func (t tracker) closeIt(r *res) { *t.errp = r.Close() }

                func run() (err error) {
                	t := tracker{&err}
                	for i := 0; i < 3; i++ {
                		r := open(i)
                		defer t.closeIt(r)
                	}
                	return nil
                }
                """ + TYPES;
        assertRefusedSaying(inLiteral, "named result err at line 8");
    }

    @Test
    void aMethodCalledOnANamedResultIsRefused() throws Exception {
        String method = """
                package p

                type summary struct{ closed []int }

                func (s *summary) closeRes(r *res) { s.closed = append(s.closed, r.id) }

                func run() (s summary) {
                	for i := 0; i < 3; i++ {
                		r := open(i)
                		defer s.closeRes(r)
                	}
                	return summary{}
                }
                """ + TYPES;
        assertRefusedSaying(method, "uses the named result s");
    }

    @Test
    void namedResultsThatNoPointerReachesKeepTheRewrite() throws Exception {
        String plain = """
                package p

                func run(n int) (count int, err error) {
                	for i := 0; i < n; i++ {
                		r := open(i)
                		defer r.Close()
                		count += r.id
                	}
                	return count, nil
                }
                """ + TYPES;
        assertFixed(plain, "explicit-close");
    }

    @Test
    void aDeferredCallOfALocalLiteralIsJudgedByTheLiteralsBody() throws Exception {
        String later = """
                package p

                import "fmt"

                func run() {
                	status := "running"
                	for i := 0; i < 3; i++ {
                		r := open(i)
                		cleanup := func() {
                			fmt.Println("cleanup", r.id, status)
                			r.Close()
                		}
                		defer cleanup()
                		fmt.Println("work", r.id, cleanup != nil)
                	}
                	status = "finished"
                }
                """ + TYPES;
        assertRefusedSaying(later, "the function literal that the deferred cleanup() runs reads status");
        String loopVariable = """
                package p

                import "fmt"

                func run(xs []int) {
                	for k := range xs {
                		r := open(k)
                		g := func() { fmt.Println("cleanup", r.id, k) }
                		defer g()
                		fmt.Println(r.id, g != nil)
                	}
                }
                """ + TYPES;
        assertRefusedSaying(loopVariable, "reads the loop variable k");
        Finding perIteration = deferInLoop(fix(loopVariable, GoVersion.parse("1.22", "test")));
        assertEquals("explicit-close", perIteration.resolution().strategy(), perIteration.resolution().explanation());
        String unchanging = later.replace("\tstatus = \"finished\"\n", "");
        assertFixed(unchanging, "explicit-close");
    }

    @Test
    void aLiteralReadingPackageStateIsRefusedWhenACallMayChangeItLater() throws Exception {
        String global = """
                package p

                import "fmt"

                var phase = "loop"

                func setPhase(p string) { phase = p }

                func run(rs []*res) {
                	for _, r := range rs {
                		defer func() {
                			fmt.Println("cleanup", r.id, phase)
                		}()
                		fmt.Println("work", r.id)
                	}
                	setPhase("done")
                }
                """ + TYPES;
        String loopVariableFree = global.replace("for _, r := range rs {", "for i := range rs {\n\t\tr := rs[i]");
        assertRefusedSaying(loopVariableFree, "reads phase, which may be a package-level variable, and setPhase");
        String onlyPrints = loopVariableFree.replace("\tsetPhase(\"done\")\n", "\tfmt.Println(\"after\")\n");
        assertFixed(onlyPrints, "explicit-close");
    }

    @Test
    void aLiteralReadingThroughAPointerFromOutsideIsRefusedWhenACallMayChangeIt() throws Exception {
        String pointer = """
                package p

                import "fmt"

                type stats struct{ n int }

                func (s *stats) bump() { s.n++ }

                func run(st *stats, rs []*res) {
                	for i := range rs {
                		r := rs[i]
                		defer func() {
                			fmt.Println("cleanup", r.id, st.n)
                		}()
                		fmt.Println("work", r.id)
                	}
                	st.bump()
                }
                """ + TYPES;
        assertRefusedSaying(pointer, "reads through st, declared outside the loop body, and st.bump (line 17)");
        String aliasWrite = pointer.replace("\tst.bump()\n", "\tother := st\n\tother.n = 2\n");
        assertRefusedSaying(aliasWrite, "is written through other at line 18");
        String nothingLater = pointer.replace("\tst.bump()\n", "");
        assertFixed(nothingLater, "explicit-close");
    }

    private static void assertRefusedSaying(String source, String detail) throws Exception {
        for (String strategy : List.of(ExplicitClose.NAME, ClosureScope.NAME)) {
            FileFix fix = fix(source, GO_1_19, strategy);
            assertNull(fix.internalError());
            assertEquals(source, fix.text(), "must stay unchanged");
            Finding finding = deferInLoop(fix);
            assertEquals(RefusalReason.READS_LATER_STATE.code(), finding.resolution().refusalReason(),
                    finding.resolution().explanation());
            assertTrue(finding.resolution().explanation().contains(detail), finding.resolution().explanation());
        }
    }

    private static void assertFixed(String source, String strategy) throws Exception {
        FileFix fix = fix(source, GO_1_19, strategy);
        assertNull(fix.internalError());
        assertEquals(strategy, deferInLoop(fix).resolution().strategy(), deferInLoop(fix).resolution().explanation());
    }

    private static Finding deferInLoop(FileFix fix) {
        for (Finding finding : fix.findings()) {
            if (finding.rule() == Rule.DEFER_IN_LOOP) {
                return finding;
            }
        }
        throw new AssertionError("no defer-in-loop finding");
    }

    private static FileFix fix(String source, GoVersion version) throws Exception {
        return fix(source, version, ExplicitClose.NAME);
    }

    private static FileFix fix(String source, GoVersion version, String strategy) throws Exception {
        ParsedFile parsed = GoParsing.parse("test.go", source.getBytes(StandardCharsets.UTF_8));
        FixOptions options = new FixOptions(strategy, 4, true, version);
        return Strategies.defaultFixer().fix(parsed, Detector.detect(parsed, version), options);
    }
}
