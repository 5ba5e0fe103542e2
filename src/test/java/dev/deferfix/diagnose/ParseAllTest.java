package dev.deferfix.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --parse-all} over good and bad inputs: each bad file gives exactly one
 * line naming the file and position, and the run goes on with the others.
 */
class ParseAllTest {
    private static final Path BAD = Path.of("fixtures", "bad");
    private static final Path EXAMPLE = Path.of("fixtures", "example");

    private record Run(ParseAll.Summary summary, List<String> lines) {
    }

    private static Run run(List<Path> roots, ParseAll.SourceReader reader) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ParseAll.Summary summary = ParseAll.run(roots, 2, new PrintStream(err, true, StandardCharsets.UTF_8), reader);
        return new Run(summary, err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static Run run(Path... roots) throws IOException {
        return run(List.of(roots), Files::readAllBytes);
    }

    @Test
    void everyBadFileGetsOneLineWithItsPositionAndGoodFilesNone() throws IOException {
        Run run = run(BAD, EXAMPLE);
        Path bad = BAD.toRealPath();
        Map<String, String> expected = new TreeMap<>(Map.of(
                "empty.go", "1:1: syntax error: unexpected EOF",
                "bom-only.go", "1:4: syntax error: unexpected EOF",
                "invalid-utf8.go", "3:10: syntax error: invalid UTF-8 encoding",
                "nul.go", "3:6: syntax error: invalid NUL character",
                "x.go", "1:25: syntax error: invalid UTF-8 encoding")); // an ELF header; byte 24 is 0xD0
        Map<String, String> actual = new TreeMap<>();
        List<String> deep = new ArrayList<>();
        for (String line : run.lines()) {
            assertTrue(line.startsWith(bad + "/"), () -> "a line for a file outside fixtures/bad: " + line);
            String rest = line.substring(bad.toString().length() + 1);
            String name = rest.substring(0, rest.indexOf(':'));
            if (name.startsWith("deep-")) {
                assertTrue(rest.matches(name + ":\\d+:\\d+: syntax error: file is nested too deeply to parse"), rest);
                deep.add(name);
            } else {
                assertEquals(null, actual.put(name, rest.substring(name.length() + 1)), "one line per file");
            }
        }
        assertEquals(expected, actual);
        // The two 10,000-deep files either parse (big enough stack) or get the line above; never a crash.
        assertEquals(9, run.summary().files(), "7 files in fixtures/bad (one inside dir.go/), 1 example");
        assertEquals(expected.size() + deep.size(), run.summary().errors());
    }

    @Test
    void aDirectoryNamedLikeAGoFileIsWalkedNotRead() throws IOException {
        Run run = run(BAD.resolve("dir.go"));
        assertEquals(List.of(), run.lines());
        assertEquals(1, run.summary().files());
        assertEquals(0, run.summary().errors());
    }

    /**
     * Tests run as root, who can read a chmod 000 file, so the refusal the OS
     * gives everyone else is injected here: the exception Files.readAllBytes
     * throws for EACCES. The real case is below, for non-root runs.
     */
    @Test
    void anUnreadableFileGetsOneLineAndTheRunGoesOn() throws IOException {
        Path refused = EXAMPLE.toRealPath().resolve("main.go");
        Run run = run(List.of(EXAMPLE, BAD.resolve("dir.go")), file -> {
            if (file.equals(refused)) {
                throw new AccessDeniedException(file.toString());
            }
            return Files.readAllBytes(file);
        });
        assertEquals(List.of(refused + ": cannot read: permission denied"), run.lines());
        assertEquals(2, run.summary().files());
        assertEquals(1, run.summary().errors());
    }

    @Test
    void aChmod000FileGetsOneLineWhenTheOsRefusesIt(@TempDir Path dir) throws IOException {
        Path locked = dir.resolve("locked.go");
        Files.writeString(locked, "package p\n");
        Files.writeString(dir.resolve("ok.go"), "package p\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions do not stop reads");
        Run run = run(dir);
        assertEquals(List.of(locked.toRealPath() + ": cannot read: permission denied"), run.lines());
        assertEquals(1, run.summary().errors());
    }

    @Test
    void aFailureInsideOneFileDoesNotStopTheRun() throws IOException {
        Path failing = BAD.toRealPath().resolve("dir.go/inside.go");
        Run run = run(List.of(EXAMPLE, BAD.resolve("dir.go")), file -> {
            if (file.equals(failing)) {
                throw new UncheckedIOException(new IOException("device went away"));
            }
            return Files.readAllBytes(file);
        });
        assertEquals(1, run.lines().size());
        assertTrue(run.lines().get(0).startsWith(failing + ": internal error while parsing: "), run.lines().get(0));
        assertEquals(2, run.summary().files());
        assertEquals(1, run.summary().errors());
    }

    @Test
    void aMissingPathIsReportedAndTheOthersAreParsed() throws IOException {
        Path missing = Path.of("fixtures", "no-such-dir");
        Run run = run(missing, EXAMPLE);
        assertEquals(List.of(missing + ": no such file or directory"), run.lines());
        assertEquals(1, run.summary().files());
        assertEquals(1, run.summary().errors());
    }

    @Test
    void aGoFileThatIsNotARegularFileIsNotOpened(@TempDir Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.go");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        Files.writeString(dir.resolve("ok.go"), "package p\n");
        Run run = run(dir);
        assertEquals(List.of(fifo.toRealPath() + ": cannot read: not a regular file"), run.lines());
        assertEquals(1, run.summary().files());
    }

    /** The README's first command runs on this example; it must be real, clean Go. */
    @Test
    void theBundledExampleIsValidGoAndParses(@TempDir Path cache) throws IOException {
        Run run = run(EXAMPLE);
        assertEquals(List.of(), run.lines());
        assertEquals(1, run.summary().files());
        GoToolchain.Result gofmt = GoToolchain.run(EXAMPLE, List.of(), 60,
                GoToolchain.gofmtOrSkip().toString(), "-l", ".");
        assertEquals("", gofmt.output(), "gofmt -l");
        GoToolchain.Result vet = GoToolchain.run(EXAMPLE, GoToolchain.gopathEnvironment(GoToolchain.DEBIAN_GOPATH, cache), 300,
                GoToolchain.goOrSkip().toString(), "vet", "main.go");
        assertEquals(0, vet.exitCode(), vet.output());
    }
}
