package dev.deferfix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong flags and combinations: one clear line on stderr, nothing on stdout, exit 2. */
class CliUsageTest {
    @TempDir
    Path dir;

    static Stream<Arguments> wrongCommandLines() {
        return Stream.of(
                Arguments.of(new String[] {"-w", "-d"}, "-d and -w cannot be used together: choose one mode"),
                Arguments.of(new String[] {"-l", "--check"}, "-l and --check cannot be used together: choose one mode"),
                Arguments.of(new String[] {"-w", "-"}, "-w cannot be used with '-' (standard input)"),
                Arguments.of(new String[] {"-", "a.go"}, "'-' (standard input) cannot be combined with other paths"),
                Arguments.of(new String[] {"--stdin-filename", "x.go"}, "--stdin-filename names standard input"),
                Arguments.of(new String[] {"--bogus"}, "Unknown option: '--bogus'"),
                Arguments.of(new String[] {"--jobs", "0"}, "--jobs must be at least 1, got 0"),
                Arguments.of(new String[] {"--jobs", "many"}, "Invalid value for option '--jobs'"),
                Arguments.of(new String[] {"--strategy", "semaphore", "--max-concurrency", "0"},
                        "--max-concurrency must be at least 1"),
                Arguments.of(new String[] {"--max-concurrency", "8"},
                        "--max-concurrency applies only with --strategy semaphore"),
                Arguments.of(new String[] {"--go-version", "one"}, "--go-version: expected a Go version like 1.21"),
                Arguments.of(new String[] {"--strategy", "magic"}, "--strategy: unknown strategy 'magic'"),
                Arguments.of(new String[] {"--format", "xml"}, "--format: unknown format 'xml'"),
                Arguments.of(new String[] {"-d", "--format", "json"}, "--format json describes findings"),
                Arguments.of(new String[] {"--color", "sometimes"}, "--color: expected auto, always or never"),
                Arguments.of(new String[] {"--diff-base", "HEAD", "-"}, "--diff-base works on files"));
    }

    @ParameterizedTest
    @MethodSource("wrongCommandLines")
    void wrongCommandLineIsOneLineAndExitTwo(String[] args, String message) {
        CliRun run = CliRun.in(dir, args);
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("defer-fix: " + message), run.toString());
    }

    @Test
    void helpHasExamplesAndExitsZero() {
        for (String flag : new String[] {"-h", "--help"}) {
            CliRun run = CliRun.in(dir, flag);
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("Usage: defer-fix "), run.out());
            assertTrue(run.out().contains("Examples:"), run.out());
            assertTrue(run.out().contains("--dry-run"), run.out());
        }
    }

    @Test
    void versionPrintsTheBuiltVersion() {
        CliRun run = CliRun.in(dir, "--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("defer-fix \\d+\\.\\d+\\.\\d+.*\n"), run.out());
    }
}
