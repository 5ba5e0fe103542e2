package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The escape analysis reads the package's own functions that a resource is
 * handed to: each case calls {@code helper(f, r)} in the loop, with f the
 * opened resource and r a registry from outside the loop.
 */
class ParameterKeepingTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "kept = g",
        "all = append(all, g)",
        "r.last = g",
        "r.byName[\"x\"] = g",
        "r.seen[g] = true",
        "out <- g",
        "go use(g)",
        "later = func() { use(g) }",
        "deeper(g)",
        "alias := g\n\tkept = alias",
        "w := wrap(g)\n\tkept = w",
        "r.list.PushBack(g)",
        "b := &batch{}\n\tb.add(g)\n\tkept = b.first",
    })
    void refusesWhenTheHelperKeepsItsParameter(String statement) throws Exception {
        Refusal refusal = EscapeAnalysisTest.check(source(statement, "helper(f, r)"));
        assertEquals(RefusalReason.RESOURCE_ESCAPES_ITERATION, refusal == null ? null : refusal.reason(), statement);
        // the call's line moves down with the lines of the helper's body
        assertTrue(refusal.detail().startsWith("f (line ")
                && refusal.detail().contains(") is passed to helper, which may keep it: "), refusal.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "use(g)",
        "g.Read()",
        "n := g.size\n\ttotal += n",
        "if g == nil {\n\t\treturn nil\n\t}",
        "g = nil\n\t_ = g",
        "g.size++",
        "alias := g\n\tuse(alias)",
        "func() { use(g) }()",
        "helper(g, r)",
        "shallow(g)",
        "return wrap(g)",
        "r.last = r.last",
        "defer use(g)",
        "b := &batch{}\n\tb.add(g)\n\tuse(b.first)",
        // an element written with an outer value is no assignment of the whole slice
        "list := []*file{nil}\n\tlist[0] = r.last\n\tlist[0] = g\n\tuse(list[0])",
    })
    void rewritesWhenTheHelperOnlyUsesItsParameter(String statement) throws Exception {
        assertNull(EscapeAnalysisTest.check(source(statement, "helper(f, r)")), statement);
    }

    @Test
    void aResultThatKeepsTheResourceIsFollowedAtTheCall() throws Exception {
        Refusal refusal = EscapeAnalysisTest.check(source("return g", "kept = helper(f, r)"));
        assertEquals("f (line 30) is stored in kept, declared outside the loop body", refusal.detail());
        assertNull(EscapeAnalysisTest.check(source("return g", "helper(f, r)")));
    }

    @Test
    void aResultThatCannotHoldTheResourceIsNotFollowed() throws Exception {
        assertNull(EscapeAnalysisTest.check(source("use(g)", "kept = helper(f, r)")), "helper returns only nil");
        // a named result that gets the parameter hands it over as a return does
        String named = source("use(g)", "kept = named(f)") + "\nfunc named(n *file) (out *file) {\n\tout = n\n\treturn\n}\n";
        assertEquals("f (line 30) is stored in kept, declared outside the loop body",
                EscapeAnalysisTest.check(named).detail());
        // with no declaration to read (a conversion to a type of another file), the result may hold it
        assertEquals("f (line 30) is stored in kept, declared outside the loop body",
                EscapeAnalysisTest.check(source("use(g)", "kept = Handle(f)")).detail());
    }

    @Test
    void namesThePathThroughSeveralFunctions() throws Exception {
        Refusal refusal = EscapeAnalysisTest.check(source("deeper(g)", "helper(f, r)"));
        assertEquals("f (line 30) is passed to helper, which may keep it: g (line 10) is passed to deeper, which"
                + " may keep it: d (line 20) is stored in kept, declared outside deeper", refusal.detail());
    }

    @Test
    void aRecursiveHelperKeepsItOnlyWhenSomePathStoresIt() throws Exception {
        String readsOnly = "if g.size > 0 {\n\t\thelper(g, r)\n\t}\n\tuse(g)";
        assertNull(EscapeAnalysisTest.check(source(readsOnly, "helper(f, r)")));
        String storesAtTheEnd = "if g.size > 0 {\n\t\thelper(g, r)\n\t}\n\tkept = g";
        assertEquals(RefusalReason.RESOURCE_ESCAPES_ITERATION,
                EscapeAnalysisTest.check(source(storesAtTheEnd, "helper(f, r)")).reason());
    }

    @Test
    void callsHandedOnTooDeepCountAsKeeping() throws Exception {
        StringBuilder chain = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            chain.append("\nfunc pass").append(i).append("(v *file) {\n\tpass").append(i + 1).append("(v)\n}\n");
        }
        String deep = source("use(g)", "pass1(f)") + chain + "\nfunc pass8(v *file) { use(v) }\n";
        assertTrue(EscapeAnalysisTest.check(deep).detail().endsWith("the calls it hands the value on through go too deep"
                + " to follow"));
        String shallow = source("use(g)", "pass4(f)") + chain + "\nfunc pass8(v *file) { use(v) }\n";
        assertNull(EscapeAnalysisTest.check(shallow));
    }

    @Test
    void aMethodOfALocalObjectHoldsWhatItIsGiven() throws Exception {
        Refusal refusal = EscapeAnalysisTest.check(source("use(g)", "b := &batch{}\n\t\tb.add(f)\n\t\tkept = b.first"));
        assertEquals("b (line 32) is stored in kept, declared outside the loop body", refusal.detail());
    }

    @Test
    void readsTheHelperFromAnotherFileOfThePackage(@TempDir Path package_) throws Exception {
        String caller = source("use(g)", "stash(f)").replace("func helper(", "func unused(");
        Path callerFile = package_.resolve("caller.go");
        Files.writeString(callerFile, caller);
        Files.writeString(package_.resolve("stash.go"), "package p\n\nfunc stash(s *file) {\n\tkept = s\n}\n");
        Refusal refusal = checkOnDisk(callerFile);
        assertEquals("f (line 30) is passed to stash, which may keep it: s (line 4) is stored in kept, declared"
                + " outside stash", refusal.detail());

        Files.writeString(package_.resolve("stash.go"), "package p\n\nfunc stash(s *file) {\n\tuse(s)\n}\n");
        assertNull(checkOnDisk(callerFile));
    }

    @Test
    void everyDeclarationUnderOtherBuildTagsCounts(@TempDir Path package_) throws Exception {
        Path callerFile = package_.resolve("caller.go");
        Files.writeString(callerFile, source("use(g)", "stash(f)").replace("func helper(", "func unused("));
        Files.writeString(package_.resolve("stash_linux.go"), "package p\n\nfunc stash(s *file) {\n\tuse(s)\n}\n");
        Files.writeString(package_.resolve("stash_windows.go"),
                "package p\n\nfunc stash(s *file) {\n\tall = append(all, s)\n}\n");
        Refusal refusal = checkOnDisk(callerFile);
        assertTrue(refusal.detail().endsWith("s (line 4) is stored in all, declared outside stash"), refusal.detail());
    }

    private static Refusal checkOnDisk(Path file) throws Exception {
        ParsedFile parsed = GoParsing.parse(file.toString(), Files.readAllBytes(file));
        List<DeferSite> sites = DeferFinder.find(parsed).stream().filter(s -> !s.loops().isEmpty()).toList();
        LoopUnit unit = new LoopUnit(parsed, sites.get(0).innermostLoop(), sites);
        return new EscapeAnalysis(new PackageDeclarations())
                .check(unit, new FixOptions(FixOptions.AUTO, 4, false, GoVersion.NEWEST));
    }

    /** A package whose loop calls {@code call} after {@code defer f.Close()}; {@code helper}'s body is {@code body}. */
    private static String source(String body, String call) {
        String text = """
                package p

                import "container/list"

                var kept *file
                var all []*file
                var later func()

                func helper(g *file, r *registry) *file {
                	BODY
                	return nil
                }

                func deeper(d *file) {
                	if d == nil {
                		return
                	}
                	use(d)
                	deeper(nil)
                	kept = d
                }

                func shallow(s *file) { use(s) }

                func run(paths []string, r *registry, out chan<- *file) {
                	total := 0
                	for _, path := range paths {
                		f := open(path)
                		defer f.Close()
                		CALL
                	}
                	_ = total
                }

                type file struct{ size int }

                func (f *file) Close() error { return nil }
                func (f *file) Read() int    { return 0 }
                func open(string) *file      { return nil }
                func use(*file)              {}
                func wrap(w *file) *file     { return w }

                type registry struct {
                	last   *file
                	byName map[string]*file
                	seen   map[*file]bool
                	list   *list.List
                }

                type batch struct{ first *file }

                func (b *batch) add(f *file) { b.first = f }

                var out chan *file
                var total int
                """;
        return text.replace("BODY", body).replace("CALL", call);
    }
}
