package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.fix.FileFix;
import dev.deferfix.fix.FixOptions;
import dev.deferfix.fix.Fixer;
import dev.deferfix.fix.Strategies;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.testing.GoToolchain;
import dev.deferfix.testing.WorkDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the rewrite: random programs from {@link LoopProgramGenerator}
 * run before and after the real rewriter (explicit-close, closure-scope and
 * auto; semaphore changes the concurrency on purpose and is left out), and
 * {@link EventLogJudge} compares their event logs. A file where every site was
 * refused must come back unchanged. Programs are batched into one binary per
 * batch and strategy (see {@link DifferentialBatch}).
 *
 * <p>Program N of seed S is generated from (S, N) alone: a failure report
 * "seed=S program=N" reproduces with
 * {@code mvn test -Dtest=DifferentialRewriteTest -Ddifftest.seed=S -Ddifftest.program=N};
 * the program, its rewrite and both logs are saved under target/difftest-failures/.
 * The normal suite runs {@value #DEFAULT_PROGRAMS} programs; {@code -Ddifftest.programs=N}
 * runs more, {@code -Ddifftest.batch=B} sets the programs per binary.
 */
class DifferentialRewriteTest {
    static final int DEFAULT_PROGRAMS = 60;
    static final long DEFAULT_SEED = 20261128L;
    private static final List<String> STRATEGIES = List.of("explicit-close", "closure-scope", FixOptions.AUTO);
    /** The installed toolchain: loop variables are per loop, as the generated programs expect. */
    private static final GoVersion VERSION = GoVersion.parse("1.19", "difftest");
    private static final Pattern SITE = Pattern.compile("\\bs(\\d+)\\b");
    private static final int MAX_REPORTED_FAILURES = 20;
    private static final Path FAILURES = Path.of("target", "difftest-failures");

    private final Fixer fixer = Strategies.defaultFixer();

    /** One program rewritten by one strategy. */
    private record Rewrite(String text, Map<Integer, String> fixedSites, List<String> problems) {
    }

    @Test
    void rewrittenProgramsLogTheSameEventsWithEachCleanupAtTheEndOfItsIteration() throws IOException {
        Path go = GoToolchain.goOrSkip();
        long seed = Long.getLong("difftest.seed", DEFAULT_SEED);
        int programs = Integer.getInteger("difftest.programs", DEFAULT_PROGRAMS);
        int batchSize = Integer.getInteger("difftest.batch", 150);
        Integer only = Integer.getInteger("difftest.program");
        Path work = WorkDirectories.fresh("difftest");
        if (only == null) {
            WorkDirectories.deleteTree(FAILURES);
        }
        List<String> failures = new ArrayList<>();
        Map<String, Integer> fixedCounts = new TreeMap<>();
        Map<String, Integer> refusals = new TreeMap<>();
        int judged = 0;
        long started = System.nanoTime();
        int first = only == null ? 0 : only;
        int last = only == null ? programs : only + 1;
        for (int from = first; from < last && failures.size() < MAX_REPORTED_FAILURES; from += batchSize) {
            Map<String, String> originals = new LinkedHashMap<>();
            for (int n = from; n < Math.min(last, from + batchSize); n++) {
                originals.put("p" + n, LoopProgramGenerator.generate(new Random(FuzzTest.mix(seed, n)), "p" + n + "_"));
            }
            Path batchDir = work.resolve("batch-" + from);
            DifferentialBatch.Outcome before = DifferentialBatch.run(go, batchDir.resolve("before"), originals, null);
            for (String strategy : STRATEGIES) {
                Map<String, Rewrite> rewrites = new LinkedHashMap<>();
                Map<String, String> texts = new LinkedHashMap<>();
                for (Map.Entry<String, String> program : originals.entrySet()) {
                    Rewrite rewrite = rewrite(program.getKey(), program.getValue(), strategy, fixedCounts, refusals);
                    rewrites.put(program.getKey(), rewrite);
                    texts.put(program.getKey(), rewrite.text());
                }
                DifferentialBatch.Outcome after = DifferentialBatch.run(go, batchDir.resolve(strategy), texts, originals);
                for (String name : originals.keySet()) {
                    Rewrite rewrite = rewrites.get(name);
                    List<String> problems = new ArrayList<>(rewrite.problems());
                    if (after.buildErrors().containsKey(name)) {
                        problems.add("the rewrite does not compile:\n" + after.buildErrors().get(name));
                    } else if (!rewrite.fixedSites().isEmpty()) {
                        judged++;
                        problems.addAll(EventLogJudge.judge(before.logs().get(name), after.logs().get(name),
                                rewrite.fixedSites()));
                    }
                    if (!problems.isEmpty()) {
                        failures.add(report(seed, name, strategy, originals.get(name), rewrite.text(),
                                before.logs().get(name), after.logs().get(name), problems));
                    }
                }
            }
        }
        System.out.printf("difftest: seed=%d programs=%d strategies=%s judged=%d fixed sites=%s refusals=%s "
                        + "failures=%d (%.1f s)%n", seed, last - first, STRATEGIES, judged, fixedCounts, refusals,
                failures.size(), (System.nanoTime() - started) / 1e9);
        failures.stream().limit(3).forEach(System.out::println);
        assertTrue(only != null || judged > 0, "no generated program was rewritten: the test judges nothing");
        assertEquals(List.of(), failures.stream().map(DifferentialRewriteTest::headline).toList(),
                failures.size() + " divergences; details above and under target/difftest-failures/");
    }

    private Rewrite rewrite(String name, String text, String strategy, Map<String, Integer> fixedCounts,
                            Map<String, Integer> refusals) {
        ParsedFile parsed;
        try {
            parsed = GoParsing.parse(name + ".go", text.getBytes(StandardCharsets.UTF_8));
        } catch (SyntaxError error) {
            return new Rewrite(text, Map.of(), List.of("go builds it, yet the parser rejects it: " + error.getMessage()));
        }
        List<Finding> findings = Detector.detect(parsed, VERSION);
        FileFix fix = fixer.fix(parsed, findings, new FixOptions(strategy, 4, false, VERSION));
        List<String> problems = new ArrayList<>();
        if (fix.internalError() != null) {
            problems.add("internal error: " + fix.internalError());
        }
        Map<Integer, String> fixed = new TreeMap<>();
        for (Finding finding : fix.findings()) {
            Matcher site = SITE.matcher(finding.call());
            if (finding.resolution() == null || !site.find()) {
                continue;
            }
            if (finding.resolution().isFixed()) {
                fixed.put(Integer.valueOf(site.group(1)), finding.resolution().strategy());
                fixedCounts.merge(strategy, 1, Integer::sum);
            } else {
                refusals.merge(strategy + ":" + finding.resolution().refusalReason(), 1, Integer::sum);
            }
        }
        if (fixed.isEmpty() && !fix.text().equals(text)) {
            problems.add("every site was refused, yet the file changed");
        }
        return new Rewrite(fix.text(), fixed, problems);
    }

    private static String report(long seed, String name, String strategy, String original, String rewritten,
                                 List<String> before, List<String> after, List<String> problems) throws IOException {
        String id = "seed=" + seed + " program=" + name.substring(1) + " strategy=" + strategy;
        Path dir = Files.createDirectories(FAILURES.resolve(
                "seed-" + seed + "-program-" + name.substring(1) + "-" + strategy));
        Files.writeString(dir.resolve("input.go"), original);
        Files.writeString(dir.resolve("output.go"), rewritten);
        Files.writeString(dir.resolve("before.log"), String.join("\n", before == null ? List.of() : before) + "\n");
        Files.writeString(dir.resolve("after.log"), String.join("\n", after == null ? List.of() : after) + "\n");
        String summary = problems.size() <= 3 ? String.join("; ", problems)
                : String.join("; ", problems.subList(0, 3)) + "; and " + (problems.size() - 3) + " more";
        String text = id + ": " + summary + "\n--- program\n" + original + "--- rewritten\n"
                + rewritten + "--- log before\n" + String.join("\n", before == null ? List.of() : before)
                + "\n--- log after\n" + String.join("\n", after == null ? List.of() : after) + "\n";
        Files.writeString(dir.resolve("report.txt"), text);
        return text;
    }

    private static String headline(String report) {
        String first = report.lines().findFirst().orElse("");
        return first.length() <= 300 ? first : first.substring(0, 300) + "...";
    }
}
