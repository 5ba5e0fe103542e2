package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the parser and the rewriter mutated fixtures and standard library
 * files (see {@link Mutator}) and accepts only what {@link RewriteOracle}
 * accepts; every input runs on a worker thread with a hang bound.
 *
 * <p>Every input is derived from (seed, input number) alone, so a failure
 * report "seed=S input=I" reproduces with
 * {@code mvn test -Dtest=FuzzTest -Dfuzz.seed=S -Dfuzz.input=I}; the failing
 * bytes are also saved under target/fuzz-failures/. The normal suite runs
 * {@value #DEFAULT_ITERATIONS} inputs; {@code -Dfuzz.iterations=N} runs more
 * and {@code -Dfuzz.seed=S} starts elsewhere.
 */
class FuzzTest {
    static final int DEFAULT_ITERATIONS = 3000;
    static final long DEFAULT_SEED = 20261128L;
    /** A hang detector, not a performance bound: honest inputs take milliseconds. */
    private static final long HANG_SECONDS = 60;
    private static final int MAX_REPORTED_FAILURES = 25;
    private static final GoVersion BEFORE_LOOP_VARIABLES = GoVersion.parse("1.21", "fuzz");

    @Test
    void mutatedInputsGiveAResultOrASyntaxErrorNeverACrashHangOrBrokenRewrite() throws IOException {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
        Integer only = Integer.getInteger("fuzz.input");
        FuzzCorpus corpus = FuzzCorpus.load();
        RewriteOracle oracle = new RewriteOracle();
        Map<RewriteOracle.Verdict, Integer> verdicts = new EnumMap<>(RewriteOracle.Verdict.class);
        Map<Mutator.Family, Integer> families = new EnumMap<>(Mutator.Family.class);
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int tried = 0;
        try (BoundedRunner runner = new BoundedRunner(0, HANG_SECONDS)) {
            for (int input = only == null ? 0 : only; input < (only == null ? iterations : only + 1); input++) {
                Random random = new Random(mix(seed, input));
                FuzzSeed from = corpus.pick(random);
                Mutator.Mutation mutation = Mutator.mutate(from, random);
                GoVersion version = random.nextBoolean() ? BEFORE_LOOP_VARIABLES : GoVersion.NEWEST;
                boolean strict = random.nextInt(4) == 0;
                String path = "fuzz/" + input + ".go";
                BoundedRunner.Outcome<RewriteOracle.Verdict> outcome =
                        runner.run(() -> oracle.judge(path, mutation.bytes(), version, strict));
                tried++;
                families.merge(mutation.family(), 1, Integer::sum);
                if (outcome instanceof BoundedRunner.Done<RewriteOracle.Verdict> done) {
                    verdicts.merge(done.value(), 1, Integer::sum);
                    continue;
                }
                String problem = outcome instanceof BoundedRunner.Hung<?> hung
                        ? "hung: no result within " + hung.seconds() + " s"
                        : describe(((BoundedRunner.Threw<?>) outcome).error());
                failures.add(String.format("seed=%d input=%d (%s, go %s%s, %s: %s): %s", seed, input, from.name(),
                        version.text(), strict ? ", strict" : "", mutation.family(), mutation.description(), problem));
                save(seed, input, mutation.bytes());
                if (failures.size() >= MAX_REPORTED_FAILURES) {
                    break;
                }
            }
        }
        System.out.printf("fuzz: seed=%d inputs=%d seeds=%d strategies=%s verdicts=%s families=%s failures=%d "
                        + "(%.1f s)%n", seed, tried, corpus.size(), oracle.strategies(), verdicts, families,
                failures.size(), (System.nanoTime() - started) / 1e9);
        assertTrue(only != null || verdicts.getOrDefault(RewriteOracle.Verdict.SYNTAX_ERROR, 0) > 0,
                "the mutations must break some inputs, or the syntax error path is not exercised");
        assertTrue(only != null || verdicts.getOrDefault(RewriteOracle.Verdict.PARSED, 0)
                        + verdicts.getOrDefault(RewriteOracle.Verdict.REWRITTEN, 0) > 0,
                "some mutated inputs must still parse, or the rewriter is never reached");
        assertEquals(List.of(), failures, failures.size() + " bad outcomes");
    }

    /** SplitMix64 of (seed, input): neighbouring inputs get unrelated random streams. */
    static long mix(long seed, long input) {
        long z = seed + 0x9E3779B97F4A7C15L * (input + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The exception with the first frame of our own code, where the fix belongs. */
    private static String describe(Throwable error) {
        if (error instanceof AssertionError) {
            return error.getMessage();
        }
        String where = "";
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.deferfix.")) {
                where = " at " + frame;
                break;
            }
        }
        return "exception escaped: " + error + where;
    }

    private static void save(long seed, int input, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
        Files.write(dir.resolve("seed-" + seed + "-input-" + input + ".go"), bytes);
    }
}
