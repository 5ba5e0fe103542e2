package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoModLocator;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Severity;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.testing.GoToolchain;
import dev.deferfix.testing.WantComments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The rewrite fixtures: fixtures/rewrite/CASE/input.go with "// want" comments,
 * and per strategy either STRATEGY.go.golden (the exact expected output) or no
 * golden, which means the strategy must refuse and leave the file unchanged;
 * refused.txt then names the reason code expected for that case: a bare line
 * "CODE" for every strategy, or lines "STRATEGY: CODE" ("auto: CODE") where the
 * strategies refuse for different reasons. An optional
 * options.txt holds "max-concurrency N" and "strict". Other .go files in a
 * case directory are the rest of input.go's package (say, a function it calls
 * in a goroutine): the rewrite may read them, and they are vetted and run
 * beside input.go and beside every golden. Every golden is checked
 * for idempotence (fixing it again changes nothing) and must have no warning
 * left when scanned again, except a defer the strategy refused while it moved
 * others of the same body (refused.txt names the reason). A separate test runs gofmt and go vet on everything.
 */
class RewriteFixturesTest {
    static final Path ROOT = Path.of("fixtures", "rewrite");
    /** Range over an int needs Go 1.22; the installed Go 1.19 vet rejects it, so gofmt and the goldens check it. */
    private static final Set<String> NOT_VETTED = Set.of("cs-range-int");

    @TestFactory
    Stream<DynamicTest> everyCaseAndStrategy() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : caseDirectories()) {
            for (Strategy strategy : Strategies.all()) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " / " + strategy.name(),
                        () -> checkStrategy(dir, strategy.name())));
            }
            tests.add(DynamicTest.dynamicTest(dir.getFileName() + " / want comments", () -> checkWants(dir)));
            tests.add(DynamicTest.dynamicTest(dir.getFileName() + " / auto", () -> checkAuto(dir)));
        }
        return tests.stream();
    }

    @Test
    void theIssueAsksForAtLeastFortyCases() throws IOException {
        int cases = caseDirectories().size();
        assertTrue(cases >= 40, "fixtures/rewrite has " + cases + " cases with an input.go; the rewrite issue asks for 40");
    }

    @Test
    void everyInputAndGoldenIsGofmtCleanAndPassesGoVet(@TempDir Path gopath) throws IOException {
        GoToolchain.goOrSkip();
        GoToolchain.gofmtOrSkip();
        Path src = Files.createDirectories(gopath.resolve("src"));
        List<String> packages = new ArrayList<>();
        List<String> perIterationPackages = new ArrayList<>();
        for (Path dir : caseDirectories()) {
            boolean perIteration = version(dir).hasPerIterationLoopVariables();
            List<Path> companions = companions(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".go") || f.toString().endsWith(".golden"))
                        .filter(f -> !companions.contains(f)).toList()) {
                    String variant = dir.getFileName() + "_" + file.getFileName().toString().replace('.', '_');
                    Path packageDir = src.resolve(variant);
                    Files.createDirectories(packageDir);
                    // gofmt prints LF; a CRLF fixture is checked in its LF form (its line endings are the point).
                    Files.writeString(packageDir.resolve("main.go"), read(file).replace("\r\n", "\n"));
                    for (Path companion : companions) {
                        Files.copy(companion, packageDir.resolve(companion.getFileName()));
                    }
                    if (!NOT_VETTED.contains(dir.getFileName().toString())) {
                        (perIteration ? perIterationPackages : packages).add("./" + variant);
                    }
                }
            }
        }
        GoToolchain.Result gofmt = GoToolchain.run(src, List.of(), 120, "gofmt", "-l", ".");
        assertEquals("", gofmt.stdout(), "files gofmt would change (variant dirs named CASE_FILE)");
        List<String> env = GoToolchain.gopathEnvironment(gopath.toString(), gopath.resolve("cache"));
        vet(src, env, packages);
        // Cases with Go 1.22 semantics (a go.mod saying so, or none: newest) capture a fresh loop variable per
        // iteration; Go 1.22's own vet drops loopclosure for them, the installed 1.19 vet cannot know.
        vet(src, env, perIterationPackages, "-loopclosure=false");
    }

    private static void vet(Path src, List<String> env, List<String> packages, String... flags) {
        if (packages.isEmpty()) {
            return;
        }
        List<String> vet = new ArrayList<>(List.of("go", "vet"));
        vet.addAll(List.of(flags));
        vet.addAll(packages);
        GoToolchain.Result result = GoToolchain.run(src, env, 600, vet.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.output());
    }

    /** The case's other .go files: the rest of input.go's package, vetted and run beside every variant. */
    static List<Path> companions(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".go") && !f.getFileName().toString().equals("input.go"))
                    .sorted().toList();
        }
    }

    static List<Path> caseDirectories() throws IOException {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.exists(d.resolve("input.go"))).sorted().toList();
        }
    }

    private static void checkStrategy(Path dir, String strategy) throws Exception {
        Path golden = dir.resolve(strategy + ".go.golden");
        FileFix fix = fix(dir, read(dir.resolve("input.go")), strategy);
        assertNull(fix.internalError(), fix.internalError());
        if (Files.exists(golden)) {
            String expected = read(golden);
            assertEquals(expected, fix.text(), "output of " + strategy + " differs from " + golden);
            FileFix again = fix(dir, expected, strategy);
            assertEquals(expected, again.text(), "not idempotent: fixing " + golden + " again changed it");
            assertOnlyRefusedWarningsLeft(dir, expected, fix, strategy);
        } else {
            assertEquals(read(dir.resolve("input.go")), fix.text(),
                    strategy + " has no golden in " + dir + ", so it must refuse and change nothing");
            assertRefusalReasonMatches(dir, strategy, fix);
        }
    }

    private static void checkAuto(Path dir) throws Exception {
        FileFix fix = fix(dir, read(dir.resolve("input.go")), FixOptions.AUTO);
        assertNull(fix.internalError(), fix.internalError());
        String expected = read(dir.resolve("input.go"));
        for (String name : StrategyChooser.AUTO_ORDER) {
            Path golden = dir.resolve(name + ".go.golden");
            if (Files.exists(golden) && !Files.exists(dir.resolve("auto-differs.txt"))) {
                expected = read(golden);
                break;
            }
        }
        Path autoGolden = dir.resolve("auto.go.golden");
        if (Files.exists(autoGolden)) {
            expected = read(autoGolden);
        }
        assertEquals(expected, fix.text(), "auto must use explicit-close where it applies, else closure-scope");
        if (expected.equals(read(dir.resolve("input.go")))) {
            assertRefusalReasonMatches(dir, FixOptions.AUTO, fix);
        }
    }

    private static void checkWants(Path dir) throws Exception {
        String input = read(dir.resolve("input.go"));
        ParsedFile parsed = GoParsing.parse(dir.resolve("input.go").toString(), input.getBytes(StandardCharsets.UTF_8));
        List<Finding> findings = Detector.detect(parsed, version(dir));
        WantComments.assertMatches(parsed, findings);
    }

    /**
     * A golden keeps no warning, except the defers the strategy left alone
     * while it moved others of the same body: each is one the fix of the
     * input refused, for the reason refused.txt names.
     */
    private static void assertOnlyRefusedWarningsLeft(Path dir, String text, FileFix fix, String strategy)
            throws Exception {
        List<String> refused = new ArrayList<>();
        for (Finding finding : fix.findings()) {
            if (finding.resolution() != null && finding.resolution().refusalReason() != null) {
                refused.add(finding.message());
            }
        }
        if (!refused.isEmpty()) {
            assertRefusalReasonMatches(dir, strategy, fix);
        }
        ParsedFile parsed = GoParsing.parse("golden.go", text.getBytes(StandardCharsets.UTF_8));
        for (Finding finding : Detector.detect(parsed, version(dir))) {
            boolean warning = finding.severity() == Severity.WARNING && !finding.isSuppressed()
                    && finding.rule() == dev.deferfix.find.Rule.DEFER_IN_LOOP;
            assertFalse(warning && !refused.remove(finding.message()),
                    "golden still has a warning that was not refused: " + finding.start() + " " + finding.message());
        }
    }

    private static void assertRefusalReasonMatches(Path dir, String strategy, FileFix fix) throws IOException {
        String expected = expectedRefusal(dir, strategy);
        if (expected == null) {
            return;
        }
        boolean found = fix.findings().stream().anyMatch(f -> f.resolution() != null
                && expected.equals(f.resolution().refusalReason()));
        assertTrue(found, "expected a refusal with reason " + expected + ", got "
                + fix.findings().stream().map(f -> String.valueOf(f.resolution())).toList());
    }

    /** The reason code refused.txt expects from {@code strategy}, or null when it names none. */
    static String expectedRefusal(Path dir, String strategy) throws IOException {
        Path refused = dir.resolve("refused.txt");
        if (!Files.exists(refused)) {
            return null;
        }
        String fallback = null;
        for (String line : read(refused).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon < 0 && !line.isBlank()) {
                fallback = line.strip();
            } else if (colon >= 0 && line.substring(0, colon).strip().equals(strategy)) {
                return line.substring(colon + 1).strip();
            }
        }
        return fallback;
    }

    static FileFix fix(Path dir, String text, String strategy) throws Exception {
        ParsedFile parsed = GoParsing.parse(dir.resolve("input.go").toString(), text.getBytes(StandardCharsets.UTF_8));
        GoVersion version = version(dir);
        List<Finding> findings = Detector.detect(parsed, version);
        String options = Files.exists(dir.resolve("options.txt")) ? read(dir.resolve("options.txt")) : "";
        int maxConcurrency = 4;
        for (String line : options.split("\n")) {
            if (line.startsWith("max-concurrency ")) {
                maxConcurrency = Integer.parseInt(line.substring("max-concurrency ".length()).strip());
            }
        }
        FixOptions fixOptions = new FixOptions(strategy, maxConcurrency, options.contains("strict"), version);
        return Strategies.defaultFixer().fix(parsed, findings, fixOptions);
    }

    static GoVersion version(Path dir) {
        return new GoModLocator().versionFor(dir.resolve("input.go"));
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
