package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.SampleGo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files over --max-file-size (default 2M) are skipped with one clear error
 * line, and the run goes on with the other files. Parsing a 20 MB file takes
 * about a minute and 5 GB of memory, which is why the default limit exists;
 * -Drobust.heavy=true also checks that such a file is handled with no limit.
 */
class LargeFileTest {
    private static final int TWENTY_MEGABYTES = 20_000_000;

    @TempDir
    Path dir;

    @Test
    void aTwentyMegabyteFileIsSkippedWithAClearMessageAndTheOthersAreStillChecked() throws IOException {
        byte[] big = ExtremeInputs.largeFile(TWENTY_MEGABYTES);
        Files.write(dir.resolve("big.go"), big);
        Files.writeString(dir.resolve("small.go"), SampleGo.SEED);
        InProcessCli run = InProcessCli.run(dir, "-l", ".");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("big.go: skipped: " + big.length + " bytes is over the --max-file-size limit of 2097152 bytes\n",
                run.errWithoutSummary(), run.toString());
        assertTrue(run.out().startsWith("small.go:"), run.toString());
        assertEquals(1, run.out().lines().count(), run.toString());
    }

    @Test
    void theLimitIsAFlagAndZeroMeansNone() throws IOException {
        Files.writeString(dir.resolve("small.go"), SampleGo.SEED);
        int size = SampleGo.SEED.getBytes(StandardCharsets.UTF_8).length;
        InProcessCli limited = InProcessCli.run(dir, "-l", "--max-file-size", "0k", ".");
        assertEquals(1, limited.exitCode(), "0k is no limit too: " + limited);
        InProcessCli tiny = InProcessCli.run(dir, "-w", "--max-file-size", "100", ".");
        assertEquals(2, tiny.exitCode(), tiny.toString());
        assertEquals("small.go: skipped: " + size + " bytes is over the --max-file-size limit of 100 bytes\n",
                tiny.errWithoutSummary());
        assertEquals(SampleGo.SEED, Files.readString(dir.resolve("small.go")), "a skipped file is never written");
        InProcessCli exact = InProcessCli.run(dir, "-l", "--max-file-size", String.valueOf(size), ".");
        assertEquals(1, exact.exitCode(), "a file of exactly the limit is checked: " + exact);
    }

    @Test
    void standardInputHasTheSameLimit() {
        InProcessCli run = InProcessCli.withInput(dir, SampleGo.SEED.getBytes(StandardCharsets.UTF_8),
                "--max-file-size", "100", "-");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("<standard input>: skipped: "), run.toString());
    }

    @Test
    void aBadSizeIsAUsageError() {
        InProcessCli run = InProcessCli.run(dir, "--max-file-size", "2X", ".");
        assertEquals(2, run.exitCode());
        assertEquals("defer-fix: --max-file-size: expected a number of bytes like 2M, 512k or 0 (no limit), "
                + "got '2X' (see defer-fix --help)\n", run.err());
    }

    @Test
    void withNoLimitATwentyMegabyteFileIsHandled() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("robust.heavy"), "needs -Drobust.heavy=true (a minute, 5 GB)");
        Files.write(dir.resolve("big.go"), ExtremeInputs.largeFile(TWENTY_MEGABYTES));
        InProcessCli run = InProcessCli.run(dir, "-l", "--max-file-size", "0", ".");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().lines().count() > 100_000, "one finding per generated function");
    }
}
