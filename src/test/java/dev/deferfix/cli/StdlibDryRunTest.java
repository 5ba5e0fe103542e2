package dev.deferfix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dry-run diff of the whole Go standard library, checked by git apply and patch in the library itself (read only). */
class StdlibDryRunTest {

    @Test
    void gitApplyAndPatchAcceptTheDryRunOfTheStandardLibrary() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        CliRun run = CliRun.in(src, "-d", "--color", "never");
        assertEquals(1, run.exitCode(), run.err());
        long files = run.out().lines().filter(line -> line.startsWith("+++ b/")).count();
        assertTrue(files > 10, "the standard library has rewritable loops: " + run.err());
        assertTrue(run.errWithoutSummary().lines().allMatch(line -> line.contains("[defer-in-loop] (refused: ")),
                "only refused findings on stderr, no errors: " + run.errWithoutSummary());
        PatchTools.assertBothAccept(src, run.out());
    }
}
