package dev.deferfix.robust;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The seeds the fuzzer mutates, in a fixed order so a seed number always
 * means the same inputs: every fixture (.go and .golden), the standard
 * library files that have a defer inside a loop (from the shared reference
 * list), and a thin deterministic sample of the other standard library files.
 * Files with a defer in a loop are picked more often, since the rewriter only
 * works on those.
 */
final class FuzzCorpus {
    /** Larger files make each input slower without reaching new code. */
    private static final long MAX_SEED_BYTES = 64 * 1024;
    private static final long MAX_SAMPLE_BYTES = 24 * 1024;
    private static final int SAMPLE_EVERY = 200;

    private final List<FuzzSeed> seeds = new ArrayList<>();
    private final List<Integer> weights = new ArrayList<>();
    private int totalWeight;

    static FuzzCorpus load() {
        FuzzCorpus corpus = new FuzzCorpus();
        for (Path file : fixtureFiles()) {
            corpus.add(FuzzSeed.of(file.toString(), read(file)), 3);
        }
        Path src = GoToolchain.stdlibSourceOrSkip();
        TreeSet<String> withDeferInLoop = deferInLoopFiles();
        for (String relative : withDeferInLoop) {
            Path file = src.resolve(relative);
            if (size(file) <= MAX_SEED_BYTES) {
                corpus.add(FuzzSeed.of("stdlib/" + relative, read(file)), 2);
            }
        }
        List<Path> others = stdlibFiles(src);
        for (int i = 0; i < others.size(); i += SAMPLE_EVERY) {
            Path file = others.get(i);
            String relative = src.relativize(file).toString();
            if (!withDeferInLoop.contains(relative) && size(file) <= MAX_SAMPLE_BYTES) {
                corpus.add(FuzzSeed.of("stdlib/" + relative, read(file)), 1);
            }
        }
        return corpus;
    }

    private void add(FuzzSeed seed, int weight) {
        seeds.add(seed);
        weights.add(weight);
        totalWeight += weight;
    }

    int size() {
        return seeds.size();
    }

    FuzzSeed pick(Random random) {
        int ticket = random.nextInt(totalWeight);
        for (int i = 0; i < seeds.size(); i++) {
            ticket -= weights.get(i);
            if (ticket < 0) {
                return seeds.get(i);
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private static List<Path> fixtureFiles() {
        try (Stream<Path> files = Files.walk(Path.of("fixtures"))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".go") || f.toString().endsWith(".golden"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeSet<String> deferInLoopFiles() {
        TreeSet<String> files = new TreeSet<>();
        try {
            for (String row : Files.readAllLines(GoToolchain.sharedData("go1.19-stdlib-defer-in-loop.tsv"))) {
                if (!row.isBlank()) {
                    files.add(row.substring(0, row.indexOf(':')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<Path> stdlibFiles(Path src) {
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(f -> f.toString().endsWith(".go") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
