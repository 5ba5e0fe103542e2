package dev.deferfix.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Diffs checked against the real {@code git apply} and {@code patch -p1}, which must reproduce the new text. */
class UnifiedDiffTest {
    @TempDir
    Path temp;

    @Test
    void oneChangeHasThreeLinesOfContextAndHeaders() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("""
                --- a/dir/x.go
                +++ b/dir/x.go
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """, UnifiedDiff.of("dir/x.go", before, after));
    }

    @Test
    void equalTextsGiveNoDiff() {
        assertEquals("", UnifiedDiff.of("x.go", "a\nb\n", "a\nb\n"));
    }

    @Test
    void missingFinalNewlineIsMarked() {
        String diff = UnifiedDiff.of("x.go", "a\nb", "a\nc");
        assertEquals("""
                --- a/x.go
                +++ b/x.go
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +c
                \\ No newline at end of file
                """, diff);
    }

    @Test
    void colorsOnlyDecorateLines() {
        String diff = UnifiedDiff.of("x.go", "a\nb\n", "a\nc\n");
        String colored = DiffColors.colorize(diff);
        assertTrue(colored.contains("\u001b[31m-b\u001b[m"), colored);
        assertTrue(colored.contains("\u001b[32m+c\u001b[m"), colored);
        assertEquals(diff, colored.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @TestFactory
    Stream<DynamicTest> gitApplyAndPatchReproduceTheNewText() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"far apart", lines(40), lines(40).replace("l3\n", "L3\n").replace("l30\n", "x\ny\n")});
        cases.add(new String[] {"close together", lines(20), lines(20).replace("l5\n", "").replace("l9\n", "n9\n")});
        cases.add(new String[] {"first and last", lines(10), "new\n" + lines(10) + "end\n"});
        cases.add(new String[] {"newline added at end", "a\nb", "a\nb\n"});
        cases.add(new String[] {"newline removed at end", "a\nb\n", "a\nb"});
        cases.add(new String[] {"crlf", "a\r\nb\r\nc\r\n", "a\r\nB\r\n\r\nc\r\n"});
        cases.add(new String[] {"non-ascii", "x := \"é\"\n\ty\n", "x := \"é\"\n\t// ü\n\ty\n"});
        cases.add(new String[] {"empty to text", "", "package p\n"});
        Random random = new Random(20261128);
        for (int i = 0; i < 20; i++) {
            String before = lines(30 + random.nextInt(30));
            cases.add(new String[] {"random " + i, before, mutate(before, random)});
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c[0], () -> checkWithTools(c[1], c[2])));
    }

    private void checkWithTools(String before, String after) throws IOException {
        String diff = UnifiedDiff.of("pkg/file.go", before, after);
        Path patchFile = temp.resolve("change.patch");
        Files.writeString(patchFile, diff, StandardCharsets.UTF_8);
        Path gitTree = checkout("git", before);
        GoToolchain.Result check = GoToolchain.run(gitTree, List.of(), 60, "git", "apply", "--check", patchFile.toString());
        assertEquals(0, check.exitCode(), check.output() + "\n" + diff);
        GoToolchain.Result apply = GoToolchain.run(gitTree, List.of(), 60, "git", "apply", patchFile.toString());
        assertEquals(0, apply.exitCode(), apply.output());
        assertEquals(after, Files.readString(gitTree.resolve("pkg/file.go")));
        Path patchTree = checkout("patch", before);
        GoToolchain.Result dry = GoToolchain.run(patchTree, List.of(), 60, "patch", "-p1", "--dry-run", "-i",
                patchFile.toString());
        assertEquals(0, dry.exitCode(), dry.output() + "\n" + diff);
        GoToolchain.Result patch = GoToolchain.run(patchTree, List.of(), 60, "patch", "-p1", "-i", patchFile.toString());
        assertEquals(0, patch.exitCode(), patch.output());
        assertEquals(after, Files.readString(patchTree.resolve("pkg/file.go")));
    }

    private Path checkout(String name, String content) throws IOException {
        Path tree = temp.resolve(name + System.nanoTime());
        Files.createDirectories(tree.resolve("pkg"));
        Files.writeString(tree.resolve("pkg/file.go"), content, StandardCharsets.UTF_8);
        return tree;
    }

    private static String lines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append('l').append(i).append('\n');
        }
        return text.toString();
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(UnifiedDiff.lines(text));
        int edits = 1 + random.nextInt(5);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.add(at, "inserted " + i + "\n");
                case 1 -> lines.remove(at);
                default -> lines.set(at, "changed " + i + "\n");
            }
        }
        return String.join("", lines);
    }
}
