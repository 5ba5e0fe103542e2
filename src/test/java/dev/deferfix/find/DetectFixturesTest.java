package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.testing.GoToolchain;
import dev.deferfix.testing.WantComments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * fixtures/detect: every folder is a Go package whose "// want" comments list
 * exactly the findings expected on each line (the Go version comes from the
 * nearest go.mod, as in real runs). In addition, every defer inside a function
 * whose name starts with "suppressed" must be found and suppressed.
 */
class DetectFixturesTest {
    static final Path ROOT = Path.of("fixtures", "detect");
    /** Go 1.19's go vet rejects range over int and func; see that folder's README.txt. */
    static final Set<String> NOT_VETTED = Set.of("go1.22-syntax");
    private static final String SUPPRESSED_PREFIX = "suppressed";

    @TestFactory
    Stream<DynamicTest> everyFixtureFileHasExactlyTheWantedFindings() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : goFiles()) {
            tests.add(DynamicTest.dynamicTest(ROOT.relativize(file).toString(), () -> check(file)));
        }
        assertFalse(tests.isEmpty(), "no fixtures under " + ROOT);
        return tests.stream();
    }

    private static void check(Path file) throws Exception {
        ParsedFile parsed = GoParsing.parse(file.toString(), Files.readAllBytes(file));
        List<Finding> findings = Detector.detect(parsed, new GoModLocator().versionFor(file));
        assertTrue(findings.stream().anyMatch(f -> !f.isSuppressed()), "a fixture must expect something");
        WantComments.assertMatches(parsed, findings);
        checkSuppressedFunctions(parsed, findings);
    }

    private static void checkSuppressedFunctions(ParsedFile parsed, List<Finding> findings) {
        for (SyntaxNode function : parsed.root().descendants(NodeKind.FUNC_DECL)) {
            String name = FunctionNames.of(function);
            if (!name.startsWith(SUPPRESSED_PREFIX)) {
                continue;
            }
            List<Finding> inside = findings.stream().filter(f -> f.site().function() == function).toList();
            long defers = function.descendants(NodeKind.DEFER_STMT).size();
            long loopFindings = inside.stream().filter(f -> f.rule() == Rule.DEFER_IN_LOOP).count();
            assertEquals(defers, loopFindings, name + ": every defer must be found");
            for (Finding finding : inside) {
                assertTrue(finding.isSuppressed(), name + ": not suppressed: " + finding.message());
            }
        }
    }

    @Test
    void everyFixtureIsGofmtCleanAndPassesGoVet(@TempDir Path gopath) throws IOException {
        GoToolchain.goOrSkip();
        GoToolchain.gofmtOrSkip();
        GoToolchain.Result gofmt = GoToolchain.run(ROOT, List.of(), 120, "gofmt", "-l", ".");
        assertEquals(0, gofmt.exitCode(), gofmt.output());
        assertEquals("", gofmt.stdout(), "files gofmt would change");
        Path src = Files.createDirectories(gopath.resolve("src"));
        List<String> vet = new ArrayList<>(List.of("go", "vet"));
        for (Path dir : packageDirectories()) {
            String name = dir.getFileName().toString();
            if (NOT_VETTED.contains(name)) {
                continue;
            }
            Path copy = Files.createDirectories(src.resolve(name));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".go")).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            vet.add("./" + name);
        }
        assertTrue(vet.size() > 2, "nothing to vet");
        List<String> env = GoToolchain.gopathEnvironment(gopath.toString(), gopath.resolve("cache"));
        GoToolchain.Result result = GoToolchain.run(src, env, 600, vet.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.output());
    }

    private static List<Path> goFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".go")).sorted().toList();
        }
    }

    private static List<Path> packageDirectories() throws IOException {
        return goFiles().stream().map(Path::getParent).distinct().toList();
    }
}
