package dev.deferfix.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proof on running programs: for every fixtures/e2e case, scripts/e2e-check
 * shows that the original fails the way users see it (too many open files, a
 * hung HTTP client, an exhausted PostgreSQL pool, a deadlock, a growing heap),
 * that defer-fix -w (the real shaded jar) rewrites it into a gofmt- and
 * vet-clean program that prints the expected output, and that refusals leave
 * the file byte-identical with the reason reported.
 */
class RunningProgramsIT {
    private static final Path CASES = Path.of("fixtures", "e2e");
    private static final Path JAR = Path.of("target", "defer-fix.jar");
    private static final int ENVIRONMENT_PROBLEM = 2;

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        GoToolchain.goOrSkip();
        assertTrue(Files.exists(JAR), "the integration tests need the shaded jar from mvn package");
        Path fixer = launcher();
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(CASES)) {
            cases = dirs.filter(d -> Files.exists(d.resolve("case.properties"))).sorted().toList();
        }
        assertTrue(cases.size() >= 8, "expected the eight e2e cases, found " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> check(dir, fixer)));
    }

    private static void check(Path dir, Path fixer) {
        GoToolchain.Result result = GoToolchain.run(Path.of("."), List.of("DEFER_FIX=" + fixer), 900,
                "bash", "scripts/e2e-check", dir.toString());
        if (result.exitCode() == ENVIRONMENT_PROBLEM) {
            GoToolchain.require(false, "the environment for " + dir + " (" + result.stderr().strip() + ")");
        }
        if (result.exitCode() != 0) {
            fail("scripts/e2e-check " + dir + " exited " + result.exitCode() + ":\n" + result.output());
        }
        assertEquals(0, result.exitCode());
    }

    /** A command that runs the freshly built jar, as scripts/e2e-check expects of DEFER_FIX. */
    static Path launcher() throws IOException {
        Path script = Files.createTempFile("defer-fix", ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(script, "#!/bin/sh\nexec java -jar '" + JAR.toAbsolutePath() + "' \"$@\"\n");
        script.toFile().deleteOnExit();
        return script;
    }
}
