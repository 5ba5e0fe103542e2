package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jobs 1} and {@code --jobs 8} give byte-identical output in every
 * mode (exit code, stdout, and stderr but for the timing in the summary line),
 * and -w writes byte-identical trees, over the fixtures and the standard
 * library files that have a defer in a loop.
 */
class DeterminismTest {
    private static final List<List<String>> MODES = List.of(
            List.of("-l"), List.of("-l", "--format", "json"), List.of("-l", "--format", "sarif"),
            List.of("-l", "--explain"), List.of("-d"), List.of("--check"), List.of("--check", "--format", "sarif"),
            List.of("-d", "--strategy", "semaphore"), List.of("-l", "--strict", "--format", "json"));

    @TempDir
    static Path dir;

    private static Map<String, byte[]> tree;

    @BeforeAll
    static void buildTree() throws IOException {
        tree = new TreeMap<>(FileTrees.fixtureCopies(Path.of("fixtures"), 1));
        Path src = GoToolchain.stdlibSourceOrSkip();
        TreeSet<String> files = new TreeSet<>();
        for (String row : Files.readAllLines(GoToolchain.sharedData("go1.19-stdlib-defer-in-loop.tsv"))) {
            if (!row.isBlank()) {
                files.add(row.substring(0, row.indexOf(':')).replace("testdata/", "testdata_/")
                        .replace("vendor/", "vendor_/"));
            }
        }
        for (String relative : files) {
            Path file = src.resolve(relative.replace("testdata_/", "testdata/").replace("vendor_/", "vendor/"));
            tree.put("stdlib/" + relative, Files.readAllBytes(file));
        }
        tree.put("stdlib/go.mod", Files.readAllBytes(src.resolve("go.mod")));
        FileTrees.write(dir.resolve("tree"), tree);
    }

    @Test
    void oneJobAndEightJobsPrintTheSameInEveryMode() {
        List<String> differences = new ArrayList<>();
        for (List<String> mode : MODES) {
            InProcessCli one = run(dir.resolve("tree"), mode, "1");
            InProcessCli eight = run(dir.resolve("tree"), mode, "8");
            if (one.exitCode() != eight.exitCode() || !one.out().equals(eight.out())
                    || !one.errWithoutSummary().equals(eight.errWithoutSummary())) {
                differences.add(String.join(" ", mode) + ": --jobs 1 gave " + one + "\n--jobs 8 gave " + eight);
            }
            System.out.printf("determinism: %s: exit %d, %d bytes of stdout, identical for --jobs 1 and 8: %s%n",
                    String.join(" ", mode), one.exitCode(), one.out().length(), differences.isEmpty());
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void oneJobAndEightJobsWriteTheSameFiles() throws IOException {
        FileTrees.write(dir.resolve("w1"), tree);
        FileTrees.write(dir.resolve("w8"), tree);
        InProcessCli one = run(dir.resolve("w1"), List.of("-w"), "1");
        InProcessCli eight = run(dir.resolve("w8"), List.of("-w"), "8");
        assertEquals(one.exitCode(), eight.exitCode());
        assertEquals(one.out(), eight.out());
        assertEquals(one.errWithoutSummary(), eight.errWithoutSummary());
        Map<String, byte[]> written1 = FileTrees.snapshot(dir.resolve("w1"));
        Map<String, byte[]> written8 = FileTrees.snapshot(dir.resolve("w8"));
        assertEquals(written1.keySet(), written8.keySet());
        List<String> differing = new ArrayList<>();
        int changed = 0;
        for (String name : written1.keySet()) {
            if (!Arrays.equals(written1.get(name), written8.get(name))) {
                differing.add(name);
            }
            if (!Arrays.equals(written1.get(name), tree.get(name))) {
                changed++;
            }
        }
        System.out.printf("determinism: -w over %d files rewrote %d, identical for --jobs 1 and 8: %s%n",
                written1.size(), changed, differing.isEmpty());
        assertEquals(List.of(), differing);
        assertTrue(changed > 0, "nothing was written; the comparison proved nothing");
    }

    private static InProcessCli run(Path workingDirectory, List<String> mode, String jobs) {
        List<String> args = new ArrayList<>(mode);
        args.addAll(List.of("--jobs", jobs, "--color", "never", "."));
        return InProcessCli.run(workingDirectory, args.toArray(String[]::new));
    }
}
