package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs goldens with the real toolchain: for every rewrite case with a
 * hand-written STRATEGY.run.txt (what the program must print: each
 * iteration's cleanups at the end of that iteration, jumps and results as the
 * original meant them), "go run" of that strategy's golden prints exactly
 * that, and the original input prints something else (its defers pile up
 * until the function returns), so the expected text really tells the two
 * apart. The case's other .go files (see {@link RewriteFixturesTest}) run along.
 * A semaphore golden runs its iterations in goroutines, so it runs under Go's
 * race detector, which must find no data race.
 */
class GoldenRunTest {
    private static final String SUFFIX = ".run.txt";
    /** Where the programs run; removed after the class. */
    @TempDir
    static Path runs;

    @TestFactory
    Stream<DynamicTest> goldensPrintTheHandWrittenOutput() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : RewriteFixturesTest.caseDirectories()) {
            for (Strategy strategy : Strategies.all()) {
                if (Files.exists(dir.resolve(strategy.name() + SUFFIX))) {
                    tests.add(DynamicTest.dynamicTest(dir.getFileName() + " / " + strategy.name(),
                            () -> check(dir, strategy.name())));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no case has a STRATEGY" + SUFFIX);
        return tests.stream();
    }

    private static void check(Path dir, String strategy) throws IOException {
        GoToolchain.goOrSkip();
        boolean concurrent = strategy.equals(SemaphoreWorker.NAME);
        if (concurrent) {
            GoToolchain.raceDetectorOrSkip();
        }
        String expected = RewriteFixturesTest.read(dir.resolve(strategy + SUFFIX));
        assertEquals(expected, run(dir.resolve(strategy + ".go.golden"), concurrent),
                "go run of the " + strategy + " golden in " + dir);
        assertNotEquals(expected, run(dir.resolve("input.go"), false),
                "the original in " + dir + " prints the same, so the expected output proves nothing");
    }

    /** The standard output of go run; with {@code race}, under the race detector (a race fails the run). */
    private static String run(Path source, boolean race) throws IOException {
        Path work = Files.createTempDirectory(runs, "golden-run");
        Files.copy(source, work.resolve("main.go"));
        List<String> command = new ArrayList<>(race ? List.of("go", "run", "-race", "main.go")
                : List.of("go", "run", "main.go"));
        for (Path companion : RewriteFixturesTest.companions(source.getParent())) {
            Files.copy(companion, work.resolve(companion.getFileName()));
            command.add(companion.getFileName().toString());
        }
        List<String> env = GoToolchain.gopathEnvironment(work.toString(), work.resolve("cache"));
        GoToolchain.Result result = GoToolchain.run(work, env, 300, command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.output());
        return result.stdout();
    }
}
