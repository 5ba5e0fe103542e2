package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code defer-fix -w} over a few thousand files (copies of the fixtures) in
 * a separate JVM, stopped by SIGKILL at seeded random moments, and by SIGINT.
 * After a kill every file must be byte-identical to its original or to what a
 * clean run writes; the next run must finish the job and leave no temporary
 * file. SIGINT must stop with exit code 130 and no temporary file.
 * Reproduce a failure with -Dkill.seed=S (printed with every kill). The
 * normal suite kills twice over 540 files; -Drobust.heavy=true (see
 * scripts/robustness) kills four times over 2,160 files.
 */
class KillDuringWriteTest {
    private static final boolean HEAVY = Boolean.getBoolean("robust.heavy");
    private static final int COPIES = HEAVY ? 40 : 10;
    private static final int KILLS = HEAVY ? 4 : 2;
    private static final String[] WRITE = {"-w", "--jobs", "2", "."};

    @TempDir
    static Path dir;

    private static Map<String, byte[]> original;
    private static Map<String, byte[]> rewritten;
    private static long cleanRunMillis;

    @BeforeAll
    static void cleanRun() throws Exception {
        original = FileTrees.fixtureCopies(Path.of("fixtures"), COPIES);
        Path clean = dir.resolve("clean");
        FileTrees.write(clean, original);
        long started = System.nanoTime();
        int code = CliProcess.run(clean, dir.resolve("clean.out"), WRITE);
        cleanRunMillis = (System.nanoTime() - started) / 1_000_000;
        rewritten = FileTrees.snapshot(clean);
        int changed = changedFiles(rewritten);
        System.out.printf("kill: clean run of %d files: exit %d, %d rewritten, %d ms%n",
                FileTrees.goFiles(original).size(), code, changed, cleanRunMillis);
        assertTrue(changed >= COPIES, "a clean run must rewrite files, or the kills prove nothing: "
                + CliProcess.outputOf(dir.resolve("clean.out")));
        assertEquals(List.of(), FileTrees.temporaryFiles(clean));
    }

    @Test
    void sigkillAtAnyMomentLeavesEveryFileWholeAndTheNextRunLeavesNoTemporaryFile() throws Exception {
        long seed = Long.getLong("kill.seed", 20261128L);
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int midWrite = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Path victim = dir.resolve("killed" + kill);
            FileTrees.write(victim, original);
            long delay = (long) (cleanRunMillis * (0.1 + 0.7 * random.nextDouble()));
            Process process = CliProcess.start(victim, dir.resolve("killed" + kill + ".out"), WRITE);
            boolean finishedFirst = process.waitFor(delay, TimeUnit.MILLISECONDS);
            process.destroyForcibly().waitFor();
            State state = judge(victim, "seed=" + seed + " kill=" + kill + " after " + delay + " ms", failures);
            int temporary = FileTrees.temporaryFiles(victim).size();
            if (state.changed() > 0 && state.unchanged() > 0) {
                midWrite++;
            }
            int next = CliProcess.run(victim, dir.resolve("next" + kill + ".out"), WRITE);
            List<Path> left = FileTrees.temporaryFiles(victim);
            if (!left.isEmpty()) {
                failures.add("kill " + kill + ": temporary files after the next run: " + left);
            }
            judgeFinished(victim, "kill " + kill + ", after the next run", failures);
            System.out.printf("kill: seed=%d kill=%d at %d ms%s: %d rewritten, %d original, %d temporary files; "
                            + "next run exit %d, %d temporary files left%n", seed, kill, delay,
                    finishedFirst ? " (already finished)" : "", state.changed(), state.unchanged(), temporary, next,
                    left.size());
        }
        assertEquals(List.of(), failures);
        assertTrue(midWrite > 0, "no kill landed while files were being written; the seeded moments all missed");
    }

    @Test
    void sigintStopsCleanlyWithExitCode130() throws Exception {
        Path victim = dir.resolve("interrupted");
        FileTrees.write(victim, original);
        Process process = CliProcess.start(victim, dir.resolve("interrupted.out"), WRITE);
        boolean finishedFirst = process.waitFor(cleanRunMillis / 2, TimeUnit.MILLISECONDS);
        assertTrue(!finishedFirst, "the run ended before half the time of a clean run; cannot interrupt it");
        int kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        assertEquals(0, kill, "kill -INT failed");
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the interrupted run did not stop");
        List<String> failures = new ArrayList<>();
        State state = judge(victim, "after SIGINT", failures);
        System.out.printf("kill: SIGINT at %d ms: exit %d, %d rewritten, %d original, %d temporary files%n",
                cleanRunMillis / 2, process.exitValue(), state.changed(), state.unchanged(),
                FileTrees.temporaryFiles(victim).size());
        assertEquals(130, process.exitValue(), CliProcess.outputOf(dir.resolve("interrupted.out")));
        assertEquals(List.of(), FileTrees.temporaryFiles(victim), "temporary files after SIGINT");
        assertEquals(List.of(), failures);
    }

    private record State(int changed, int unchanged) {
    }

    /** Every .go file is its original or its clean-run rewrite; counts both among the files a clean run changes. */
    private static State judge(Path tree, String when, List<String> failures) throws IOException {
        Map<String, byte[]> now = FileTrees.snapshot(tree);
        int changed = 0;
        int unchanged = 0;
        for (String name : FileTrees.goFiles(original)) {
            byte[] bytes = now.get(name);
            boolean isOriginal = Arrays.equals(bytes, original.get(name));
            boolean isRewritten = Arrays.equals(bytes, rewritten.get(name));
            if (isOriginal && !isRewritten) {
                unchanged++;
            } else if (isRewritten && !isOriginal) {
                changed++;
            } else if (!isOriginal) {
                failures.add(when + ": " + name + (bytes == null ? " is gone" : " is neither original nor rewritten ("
                        + bytes.length + " bytes)"));
            }
        }
        for (String name : now.keySet()) {
            if (!original.containsKey(name) && !name.endsWith(FileTrees.TEMP_SUFFIX)) {
                failures.add(when + ": unexpected file " + name);
            }
        }
        return new State(changed, unchanged);
    }

    private static void judgeFinished(Path tree, String when, List<String> failures) throws IOException {
        Map<String, byte[]> now = FileTrees.snapshot(tree);
        for (String name : FileTrees.goFiles(original)) {
            if (!Arrays.equals(now.get(name), rewritten.get(name))) {
                failures.add(when + ": " + name + " differs from the clean run's result");
            }
        }
    }

    private static int changedFiles(Map<String, byte[]> tree) {
        int changed = 0;
        for (String name : FileTrees.goFiles(original)) {
            if (!Arrays.equals(tree.get(name), original.get(name))) {
                changed++;
            }
        }
        return changed;
    }
}
