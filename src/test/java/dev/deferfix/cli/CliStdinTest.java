package dev.deferfix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.SampleGo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** '-': Go source from standard input. */
class CliStdinTest {
    @TempDir
    Path dir;

    @Test
    void cleanSourcePassesThroughUnchanged() {
        CliRun run = CliRun.withInput(dir, SampleGo.CLEAN, "-");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(SampleGo.CLEAN, run.out());
        assertEquals("", run.err());
    }

    @Test
    void listNamesStandardInput() {
        CliRun run = CliRun.withInput(dir, SampleGo.SEED, "-l", "-");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("<standard input>:21:3: " + SampleGo.SEED_FINDING), run.toString());
    }

    @Test
    void stdinFilenameNamesItAndFindsItsGoMod() throws IOException {
        String capture = """
                package capture

                import "fmt"

                func each(names []string) {
                	for _, name := range names {
                		defer func() { fmt.Println(name) }()
                	}
                }
                """;
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/go.mod"), "module old\n\ngo 1.18\n");
        CliRun run = CliRun.withInput(dir, capture, "-l", "--stdin-filename", "old/x.go", "-");
        assertTrue(run.out().startsWith("old/x.go:7:3: "), run.toString());
        assertTrue(run.out().contains("[deferred-closure-captures-loop-var]"), run.toString());
        CliRun elsewhere = CliRun.withInput(dir, capture, "-l", "--stdin-filename", "new/x.go", "-");
        assertTrue(!elsewhere.out().contains("[deferred-closure-captures-loop-var]"), elsewhere.toString());
    }

    @Test
    void syntaxErrorPrintsNothingOnStdout() {
        CliRun run = CliRun.withInput(dir, SampleGo.BROKEN, "--stdin-filename", "b.go", "-");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals("b.go:6:2: syntax error: unexpected }\n", run.err());
    }
}
