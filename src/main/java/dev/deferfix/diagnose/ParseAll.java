package dev.deferfix.diagnose;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.run.ParallelRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code --parse-all} diagnostic: fully parses every {@code .go} file under
 * the given paths (vendor and testdata included), prints each error and a
 * summary line.
 */
public final class ParseAll {

    public record Summary(int files, long bytes, int errors, int fullContextRetries, double seconds) {
        public String line() {
            return String.format(Locale.ROOT,
                    "parse-all: %d files, %d bytes, %d errors, %d full-LL retries, %.2f s (%.1f MB/s, %.0f files/s)",
                    files, bytes, errors, fullContextRetries, seconds,
                    bytes / 1e6 / Math.max(seconds, 1e-9), files / Math.max(seconds, 1e-9));
        }
    }

    private record Outcome(Path file, long bytes, String error, boolean retried) {
    }

    private ParseAll() {
    }

    public static Summary run(List<Path> roots, int jobs, PrintStream err) throws IOException {
        long started = System.nanoTime();
        List<Path> files = goFilesUnder(roots, err);
        List<Outcome> outcomes = new ArrayList<>(files.size());
        try {
            new ParallelRunner(jobs).run(files, ParseAll::parseOne, () -> { }, outcomes::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("parse-all was interrupted", e);
        }
        long bytes = 0;
        int errors = 0;
        int retries = 0;
        for (Outcome outcome : outcomes) {
            bytes += outcome.bytes();
            if (outcome.error() != null) {
                errors++;
                err.println(outcome.error());
            }
            if (outcome.retried()) {
                retries++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Summary(files.size(), bytes, errors, retries, seconds);
    }

    private static Outcome parseOne(Path file) {
        String shown = file.toString();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Outcome(file, 0, shown + ": cannot read: " + e.getMessage(), false);
        }
        try {
            boolean retried = GoParsing.check(shown, content);
            return new Outcome(file, content.length, null, retried);
        } catch (SyntaxError e) {
            String message = e.reason().startsWith("syntax error") ? e.getMessage()
                    : e.path() + ":" + e.line() + ":" + e.column() + ": syntax error: " + e.reason();
            return new Outcome(file, content.length, message, false);
        }
    }

    private static List<Path> goFilesUnder(List<Path> roots, PrintStream err) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root.toRealPath())) {
                    walk.filter(p -> p.toString().endsWith(".go") && Files.isRegularFile(p)).forEach(files::add);
                }
            } else if (Files.exists(root)) {
                files.add(root);
            } else {
                err.println(root + ": no such file or directory");
            }
        }
        files.sort(null);
        return files;
    }
}
