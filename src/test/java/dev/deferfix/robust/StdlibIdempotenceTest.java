package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.GoModLocator;
import dev.deferfix.find.GoVersion;
import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixing twice changes nothing the second time, on real code: every standard
 * library file with a defer in a loop, with every strategy and auto (through
 * the {@link RewriteOracle}: no internal error, output parses, idempotent).
 * And {@code defer-fix -w} twice over a copy of the whole standard library:
 * the second run writes nothing (about ten seconds, so it runs in every build).
 */
class StdlibIdempotenceTest {
    @TempDir
    Path dir;

    @Test
    void everyStdlibFileWithADeferInALoopIsFixedIdempotentlyByEveryStrategy() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        RewriteOracle oracle = new RewriteOracle();
        GoModLocator goMods = new GoModLocator();
        List<String> failures = new ArrayList<>();
        int rewritten = 0;
        TreeSet<String> files = new TreeSet<>();
        for (String row : Files.readAllLines(GoToolchain.sharedData("go1.19-stdlib-defer-in-loop.tsv"))) {
            if (!row.isBlank()) {
                files.add(row.substring(0, row.indexOf(':')));
            }
        }
        for (String relative : files) {
            Path file = src.resolve(relative);
            GoVersion version = goMods.versionFor(file);
            try {
                RewriteOracle.Verdict verdict = oracle.judge(relative, Files.readAllBytes(file), version, false);
                if (verdict == RewriteOracle.Verdict.REWRITTEN) {
                    rewritten++;
                } else if (verdict == RewriteOracle.Verdict.SYNTAX_ERROR) {
                    failures.add(relative + ": valid Go did not parse");
                }
            } catch (AssertionError | RuntimeException e) {
                failures.add(relative + ": " + e);
            }
        }
        System.out.printf("idempotence: %d stdlib files with a defer in a loop, %d rewritten by some strategy, "
                + "strategies %s%n", files.size(), rewritten, oracle.strategies());
        assertEquals(List.of(), failures);
        assertTrue(rewritten > 0, "no file was rewritten; the check proved nothing");
    }

    @Test
    void writingTwiceOverTheWholeStandardLibraryChangesNothingTheSecondTime() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        Path copy = dir.resolve("src");
        copyGoTree(src, copy);
        InProcessCli first = InProcessCli.run(copy, "-w", ".");
        Map<String, byte[]> afterFirst = FileTrees.snapshot(copy);
        InProcessCli second = InProcessCli.run(copy, "-w", ".");
        Map<String, byte[]> afterSecond = FileTrees.snapshot(copy);
        System.out.println("idempotence: stdlib -w first run: " + summary(first) + "; second run: " + summary(second));
        assertEquals(afterFirst.keySet(), afterSecond.keySet());
        List<String> changed = new ArrayList<>();
        afterFirst.forEach((name, bytes) -> {
            if (!java.util.Arrays.equals(bytes, afterSecond.get(name))) {
                changed.add(name);
            }
        });
        assertEquals(List.of(), changed, "files the second -w run changed again");
        assertTrue(first.err().contains("rewritten in") && !first.err().contains(" 0 sites rewritten"),
                "the first run must rewrite something: " + first.err());
        assertTrue(second.err().contains(" 0 sites rewritten in 0 files"), second.err());
    }

    private static String summary(InProcessCli run) {
        return "exit " + run.exitCode() + ", " + run.err().lines().filter(l -> l.contains(" files scanned"))
                .findFirst().orElse("(no summary)");
    }

    /** The .go files and go.mod files of a tree (the rest of the standard library is data). */
    private static void copyGoTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".go") || name.equals("go.mod")) {
                    Path target = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }
}
