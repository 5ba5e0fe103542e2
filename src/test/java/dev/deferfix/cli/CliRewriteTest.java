package dev.deferfix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.SampleGo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modes that rewrite: -d, -w, standard input, and --check's view of them. */
class CliRewriteTest {
    @TempDir
    Path dir;

    @Test
    void dryRunPrintsADiffThatGitApplyAndPatchAcceptAndChangesNothing() throws IOException {
        write("pkg/main.go", SampleGo.SEED);
        CliRun run = CliRun.in(dir, "-d");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("--- a/pkg/main.go\n+++ b/pkg/main.go\n@@ "), run.toString());
        assertTrue(run.err().contains("1 site would be rewritten in 1 file"), run.toString());
        assertEquals(SampleGo.SEED, read("pkg/main.go"));
        assertEquals(run.out(), CliRun.in(dir, "--dry-run", "pkg").out());
        PatchTools.assertBothAccept(dir, run.out());
        String expected = fixedBySeparateRun();
        PatchTools.apply(dir, run.out());
        assertEquals(expected, read("pkg/main.go"));
    }

    /**
     * The rest of a file's package is read from where the file lies, the
     * working directory given to the command line, not the process's own
     * (which tests and other in-process callers do not change).
     */
    @Test
    void theRestOfThePackageIsReadBesideTheFileNotInTheProcesssDirectory() throws IOException {
        write("pkg/helpers.go", "package p\n\nfunc process(string) {}\n");
        write("pkg/a.go", """
                package p

                import "os"

                func all(paths []string) error {
                	for _, path := range paths {
                		f, err := os.Open(path)
                		if err != nil {
                			return err
                		}
                		defer f.Close()
                		process(f.Name())
                	}
                	return nil
                }
                """);
        CliRun run = CliRun.in(dir, "-l", "--explain", "--strategy", "semaphore", "pkg/a.go");
        assertTrue(run.out().contains("(refused: iterations-not-independent)")
                && run.out().contains("process is a function of another file of the package"), run.toString());
    }

    @Test
    void writeRewritesInPlaceKeepsPermissionsAndIsIdempotent() throws IOException {
        Path file = write("main.go", SampleGo.SEED);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        CliRun run = CliRun.in(dir, "-w");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().contains("1 site rewritten in 1 file"), run.toString());
        String fixed = read("main.go");
        assertNotEquals(SampleGo.SEED, fixed);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("main.go"), entries());
        CliRun again = CliRun.in(dir, "-w");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(fixed, read("main.go"));
        assertTrue(again.err().contains("0 sites rewritten in 0 files"), again.toString());
        CliRun check = CliRun.in(dir, "--check");
        assertEquals(0, check.exitCode(), check.toString());
        assertEquals("", check.out() + check.err());
    }

    @Test
    void readOnlyFileIsAnErrorAndTheOthersAreStillWritten() throws IOException {
        Path locked = write("a_locked.go", SampleGo.SEED);
        write("b_open.go", SampleGo.SEED);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
        CliRun run = CliRun.in(dir, "-w");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("a_locked.go: file is read-only; not rewritten\n", run.errWithoutSummary());
        assertEquals(SampleGo.SEED, read("a_locked.go"));
        assertNotEquals(SampleGo.SEED, read("b_open.go"));
        assertTrue(run.out().startsWith("a_locked.go:21:3: "), "the unfixed finding is still listed: " + run);
    }

    @Test
    void checkFailsWhenSomethingWouldChange() throws IOException {
        write("main.go", SampleGo.SEED);
        CliRun run = CliRun.in(dir, "--check");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("main.go:21:3: " + SampleGo.SEED_FINDING + "\n", run.out(),
                "plain --check skips planning the fix: a warning fails it anyway");
        assertEquals("", run.err());
        CliRun explained = CliRun.in(dir, "--check", "--explain");
        assertEquals(1, explained.exitCode(), explained.toString());
        assertTrue(explained.out().startsWith("main.go:21:3: " + SampleGo.SEED_FINDING + " (fix: "), explained.toString());
    }

    @Test
    void standardInputGivesTheSameRewriteAsWrite() throws IOException {
        String expected = fixedBySeparateRun();
        CliRun run = CliRun.withInput(dir, SampleGo.SEED, "-");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(expected, run.out());
        CliRun diff = CliRun.withInput(dir, SampleGo.SEED, "-d", "--stdin-filename", "pkg/main.go", "-");
        assertEquals(1, diff.exitCode(), diff.toString());
        write("pkg/main.go", SampleGo.SEED);
        PatchTools.apply(dir, diff.out());
        assertEquals(expected, read("pkg/main.go"));
    }

    @Test
    void colorOnlyWhenAskedOrOnATerminal() throws IOException {
        write("main.go", SampleGo.SEED);
        assertTrue(CliRun.in(dir, "-d", "--color", "always").out().contains("\u001b[31m-"));
        String plain = CliRun.in(dir, "-d", "--color", "never").out();
        assertTrue(!plain.contains("\u001b") && plain.contains("\n-"), plain);
        assertEquals(plain, CliRun.in(dir, "-d").out());
    }

    @Test
    void crlfFileStaysCrlfAndItsDiffApplies() throws IOException {
        String crlf = SampleGo.SEED.replace("\n", "\r\n");
        write("main.go", crlf);
        CliRun diff = CliRun.in(dir, "-d");
        PatchTools.assertBothAccept(dir, diff.out());
        CliRun run = CliRun.in(dir, "-w");
        assertEquals(0, run.exitCode(), run.toString());
        String fixed = read("main.go");
        assertEquals(fixed.split("\n", -1).length - 1, fixed.split("\r\n", -1).length - 1, "every line ends in CRLF");
    }

    /** The seed rewritten by -w in a directory of its own. */
    private String fixedBySeparateRun() throws IOException {
        Path other = Files.createTempDirectory(dir, "separate");
        Files.writeString(other.resolve("main.go"), SampleGo.SEED);
        CliRun run = CliRun.in(other, "-w");
        assertEquals(0, run.exitCode(), run.toString());
        return Files.readString(other.resolve("main.go"));
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private String read(String relative) throws IOException {
        return Files.readString(dir.resolve(relative));
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
