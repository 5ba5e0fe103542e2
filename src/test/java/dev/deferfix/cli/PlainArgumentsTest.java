package dev.deferfix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.deferfix.testing.SampleGo;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The picocli-free reader takes the plain command lines, reads them exactly as picocli does, and leaves the rest. */
class PlainArgumentsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> plainCommandLines() {
        return commandLines(
                new String[] {},
                new String[] {"--check", "main.go"},
                new String[] {"--check", "a/main.go", "b/clean.go", "missing.go"},
                new String[] {"main.go", "--check"},
                new String[] {"-w", "main.go"},
                new String[] {"--write", "--strict", "a", "b"},
                new String[] {"-l", "--explain", "."},
                new String[] {"--list"},
                new String[] {"-d", "main.go"},
                new String[] {"--diff", "--include-generated"},
                new String[] {"--dry-run", "a"},
                new String[] {"-l", "-w", "main.go"},
                new String[] {"--check", "-d"},
                new String[] {"a=b", "x y.go", "main.go"});
    }

    static Stream<Arguments> commandLinesForPicocli() {
        return commandLines(
                new String[] {"--check", "--check", "main.go"},
                new String[] {"-l", "--list"},
                new String[] {"--dry-run", "-d"},
                new String[] {"-"},
                new String[] {"--check", "--", "-main.go"},
                new String[] {"@args.txt"},
                new String[] {""},
                new String[] {"-lw", "main.go"},
                new String[] {"--check=true", "main.go"},
                new String[] {"--format", "json", "main.go"},
                new String[] {"--jobs=1", "main.go"},
                new String[] {"--help"},
                new String[] {"-h"},
                new String[] {"--version"},
                new String[] {"--parse-all", "."},
                new String[] {"--bogus", "main.go"});
    }

    private static Stream<Arguments> commandLines(String[]... commandLines) {
        return Stream.of(commandLines).map(args -> Arguments.of((Object) args));
    }

    @ParameterizedTest
    @MethodSource("plainCommandLines")
    void plainCommandLineIsReadAsPicocliReadsIt(String[] args) throws Exception {
        CommandOptions plain = PlainArguments.read(args);
        assertNotNull(plain, String.join(" ", args));
        assertSameFields(PicocliArguments.read(args), plain);
    }

    @ParameterizedTest
    @MethodSource("commandLinesForPicocli")
    void otherCommandLinesAreLeftToPicocli(String[] args) {
        assertNull(PlainArguments.read(args), String.join(" ", args));
    }

    @ParameterizedTest
    @MethodSource("plainCommandLines")
    void bothReadersRunTheSameWay(String[] args) throws Exception {
        writeTree();
        CliRun plain = CliRun.in(dir, args);
        writeTree();
        CliRun picocli = CliRun.viaPicocli(dir, args);
        assertEquals(withoutSeconds(picocli), withoutSeconds(plain));
    }

    @Test
    void picocliSettingsInSystemPropertiesLeaveEverythingToPicocli() {
        System.setProperty("picocli.trimQuotes", "true");
        try {
            assertNull(PlainArguments.read("--check", "main.go"));
        } finally {
            System.clearProperty("picocli.trimQuotes");
        }
    }

    private static void assertSameFields(CommandOptions expected, CommandOptions actual) throws IllegalAccessException {
        for (Field field : CommandOptions.class.getDeclaredFields()) {
            assertEquals(field.get(expected), field.get(actual), field.getName());
        }
    }

    /** The summary line ends with the elapsed time, which differs between any two runs. */
    private static String withoutSeconds(CliRun run) {
        return run.toString().replaceAll(", \\d+\\.\\d+ s\n", ", N s\n");
    }

    /** Anew before each run, since -w rewrites it. */
    private void writeTree() throws IOException {
        write("a/main.go", SampleGo.SEED);
        write("b/clean.go", SampleGo.CLEAN);
        write("main.go", SampleGo.SEED);
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
