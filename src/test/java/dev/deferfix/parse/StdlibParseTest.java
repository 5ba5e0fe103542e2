package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The whole Go 1.19 standard library source (vendor and testdata included):
 * every file Go's parser accepts must parse, every file must print back from
 * its tokens byte for byte, and of the 54 files Go's parser rejects we must
 * keep rejecting at least as many as we do today.
 */
class StdlibParseTest {
    private static final int FILES = 5_564;
    private static final int BROKEN = 54;
    /** Raise this when the parser rejects more broken files; it must never go down. */
    private static final int REJECTED_AT_LEAST = 54;

    /** @param checkDiffers null when check() (what --parse-all runs, on a slimmer tree) agrees with parse() */
    private record Outcome(String path, boolean broken, String error, String roundTripFailure, boolean retried,
                           String checkDiffers) {
    }

    @Test
    void parsesEveryValidFileAndPrintsEveryFileBack() throws Exception {
        Path src = GoToolchain.stdlibSourceOrSkip();
        Set<String> broken = GoToolchain.knownBrokenStdlibFiles();
        List<Path> files = GoToolchain.goFilesUnder(src);
        assertEquals(FILES, files.size(), ".go files under " + src);
        assertEquals(BROKEN, broken.size());

        long started = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        List<Outcome> outcomes;
        try {
            outcomes = pool.submit(() -> files.parallelStream()
                    .map(file -> examine(src, file, broken)).toList()).get();
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<String> falseErrors = outcomes.stream().filter(o -> !o.broken() && o.error() != null)
                .map(Outcome::error).toList();
        List<String> notRoundTripped = outcomes.stream().filter(o -> o.roundTripFailure() != null)
                .map(o -> o.path() + ": " + o.roundTripFailure()).toList();
        List<String> accepted = outcomes.stream().filter(o -> o.broken() && o.error() == null)
                .map(Outcome::path).toList();
        long retried = outcomes.stream().filter(Outcome::retried).count();
        List<String> checkDiffers = outcomes.stream().map(Outcome::checkDiffers).filter(d -> d != null).toList();
        int rejected = BROKEN - accepted.size();
        System.out.printf(Locale.ROOT, "stdlib %s: %d files, %d false errors, %d of %d broken files rejected,"
                        + " %d round-trip failures, %d full-LL retries, %.1f s%n",
                src, files.size(), falseErrors.size(), rejected, BROKEN, notRoundTripped.size(), retried, seconds);

        assertEquals(List.of(), falseErrors, "valid files we reject");
        assertEquals(List.of(), checkDiffers, "files where check() and parse() disagree");
        assertEquals(List.of(), notRoundTripped, "files whose tokens do not print back to their bytes");
        assertTrue(rejected >= REJECTED_AT_LEAST, "broken files we now accept: " + accepted);
        assertEquals(0, retried, "files that needed the slow full-LL retry (a grammar decision got ambiguous)");
    }

    private static Outcome examine(Path src, Path file, Set<String> brokenFiles) {
        String path = src.relativize(file).toString();
        boolean broken = brokenFiles.contains(path);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String checked = errorOfCheck(path, bytes);
        try {
            ParsedFile parsed = GoParsing.parse(path, bytes);
            return new Outcome(path, broken, null, roundTrip(bytes, parsed.tokens(), parsed.source()),
                    parsed.neededFullContext(), checked == null ? null : path + ": check() reports " + checked);
        } catch (SyntaxError error) {
            String differs = error.getMessage().equals(checked) ? null
                    : path + ": parse() reports " + error.getMessage() + ", check() " + checked;
            return new Outcome(path, broken, error.getMessage(), roundTripAlone(path, bytes), false, differs);
        }
    }

    private static String errorOfCheck(String path, byte[] bytes) {
        try {
            GoParsing.check(path, bytes);
            return null;
        } catch (SyntaxError error) {
            return error.getMessage();
        }
    }

    /** For a file that does not parse, the tokens alone must still print it back. */
    private static String roundTripAlone(String path, byte[] bytes) {
        try {
            SourceText source = SourceText.decode(path, bytes);
            return roundTrip(bytes, GoParsing.tokenize(source), source);
        } catch (SyntaxError error) {
            return "cannot tokenize: " + error.getMessage();
        }
    }

    private static String roundTrip(byte[] bytes, List<GoToken> tokens, SourceText source) {
        byte[] printed = Parsing.joined(tokens, source).getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(bytes, printed)) {
            return null;
        }
        return "differs at byte " + Arrays.mismatch(bytes, printed);
    }

    @Test
    void everyKnownBrokenFileIsInTheTree() {
        Path src = GoToolchain.stdlibSourceOrSkip();
        Set<String> missing = new TreeSet<>();
        for (String path : GoToolchain.knownBrokenStdlibFiles()) {
            if (!Files.isRegularFile(src.resolve(path))) {
                missing.add(path);
            }
        }
        assertEquals(Set.of(), missing);
    }
}
