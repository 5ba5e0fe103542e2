package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import dev.deferfix.testing.WorkDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proofs on real code (see {@link RewriteProof}, also run by
 * scripts/verify-stdlib): nothing the rewrite touches may break go vet, gofmt
 * or the rescan, in the standard library or in the Go packages Debian installs
 * under /usr/share/gocode (lib/pq and what it depends on: golang.org/x/net,
 * crypto, sys, text, ...). Skipped without Go and the corpus, a failure under CI=true.
 */
class RewriteProofTest {
    private static final Path DEBIAN_GOPATH = Path.of("/usr/share/gocode");

    @Test
    void rewritingTheStandardLibraryBreaksNothing() throws Exception {
        RewriteProof.Report report = RewriteProof.run(standardLibrary(), WorkDirectories.fresh("stdlib-proof"));
        System.out.print(report.table());

        assertNothingBroken(report);
        assertEquals(117, report.warningSites() + report.noteSites(), "the 117 reference sites outside vendor/testdata");
        assertTrue(report.fixed() * 2 >= report.warningSites(),
                "at least half of the warning sites must be fixed; got " + report.fixed());
    }

    /** Each strategy forced on every site, as --strategy does: what it rewrites must hold up too. */
    @ParameterizedTest
    @ValueSource(strings = {ExplicitClose.NAME, ClosureScope.NAME, SemaphoreWorker.NAME})
    void forcingOneStrategyOnTheStandardLibraryBreaksNothing(String strategy) throws Exception {
        // The same directory as the auto run: Go's build cache then holds the unchanged packages already.
        RewriteProof.Report report = RewriteProof.run(standardLibrary(), WorkDirectories.fresh("stdlib-proof"), strategy);
        System.out.print(report.table());

        assertNothingBroken(report);
        assertEquals(Set.of(strategy), report.fixedByStrategy().keySet(), "only the forced strategy rewrites");
    }

    @Test
    void rewritingDebiansGoPackagesBreaksNothing() throws Exception {
        GoToolchain.goOrSkip();
        GoToolchain.gofmtOrSkip();
        // the test command installs lib/pq for the end-to-end tests; it brings the rest
        GoToolchain.require(Files.isDirectory(DEBIAN_GOPATH.resolve("src/github.com/lib/pq")),
                "Debian's Go packages under " + DEBIAN_GOPATH + " (golang-github-lib-pq-dev)");
        RewriteProof.Report report = RewriteProof.run(new ProofCorpus.Gopath(DEBIAN_GOPATH),
                WorkDirectories.fresh("gopath-proof"));
        System.out.print(report.table());

        assertNothingBroken(report);
        assertTrue(report.fixed() > 0 && report.packagesVetted() > 0, "the corpus has sites to rewrite and vet");
    }

    private static ProofCorpus standardLibrary() throws Exception {
        GoToolchain.goOrSkip();
        GoToolchain.gofmtOrSkip();
        GoToolchain.stdlibSourceOrSkip();
        Path goroot = Path.of(GoToolchain.run(Path.of("."), List.of(), 60, "go", "env", "GOROOT").stdout().strip());
        boolean isGo119 = Files.isDirectory(goroot.resolve("pkg").resolve("tool"))
                && Files.readString(goroot.resolve("VERSION")).startsWith("go1.19");
        GoToolchain.require(isGo119, "a Go 1.19 GOROOT with pkg/tool");
        return new ProofCorpus.StandardLibrary(goroot);
    }

    private static void assertNothingBroken(RewriteProof.Report report) {
        assertEquals(List.of(), report.internalErrors());
        assertEquals(List.of(), report.broken());
        assertEquals(List.of(), report.unformatted());
        assertEquals(List.of(), report.rescanMismatches());
    }
}
