package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The standard-library proof (see {@link StdlibProof}, also run by
 * scripts/verify-stdlib): nothing the rewrite touches may break go vet, gofmt
 * or the rescan. Skipped without Go and its 1.19 GOROOT, a failure under CI=true.
 */
class StdlibRewriteProofTest {

    @Test
    void rewritingTheStandardLibraryBreaksNothing() throws Exception {
        GoToolchain.goOrSkip();
        GoToolchain.gofmtOrSkip();
        GoToolchain.stdlibSourceOrSkip();
        Path goroot = Path.of(GoToolchain.run(Path.of("."), List.of(), 60, "go", "env", "GOROOT").stdout().strip());
        boolean isGo119 = Files.isDirectory(goroot.resolve("pkg").resolve("tool"))
                && Files.readString(goroot.resolve("VERSION")).startsWith("go1.19");
        GoToolchain.require(isGo119, "a Go 1.19 GOROOT with pkg/tool");
        StdlibProof.Report report = StdlibProof.run(goroot, Files.createTempDirectory("stdlib-proof"));
        System.out.print(report.table());

        assertEquals(List.of(), report.internalErrors());
        assertEquals(List.of(), report.broken());
        assertEquals(List.of(), report.unformatted());
        assertEquals(List.of(), report.rescanMismatches());
        assertEquals(117, report.warningSites() + report.noteSites(), "the 117 reference sites outside vendor/testdata");
        assertTrue(report.fixed() * 2 >= report.warningSites(),
                "at least half of the warning sites must be fixed; got " + report.fixed());
    }
}
