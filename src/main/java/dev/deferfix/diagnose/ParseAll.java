package dev.deferfix.diagnose;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.run.ParallelRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

    private record GoFile(Path path, long size) {
    }

    private record Outcome(Path file, long bytes, String error, boolean retried) {
    }

    /** Reads a file's bytes; tests substitute failures that the OS gives only to non-root users. */
    @FunctionalInterface
    interface SourceReader {
        byte[] read(Path file) throws IOException;
    }

    private ParseAll() {
    }

    public static Summary run(List<Path> roots, int jobs, PrintStream err) throws IOException {
        return run(roots, jobs, err, Files::readAllBytes);
    }

    static Summary run(List<Path> roots, int jobs, PrintStream err, SourceReader reader) throws IOException {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<GoFile> files = goFilesUnder(roots, problems);
        // Largest first, so the run does not end with one thread parsing a big file while the
        // others wait; the report still lists files in path order.
        List<GoFile> largestFirst = new ArrayList<>(files);
        largestFirst.sort(Comparator.comparingLong(GoFile::size).reversed());
        List<Outcome> outcomes = new ArrayList<>(files.size());
        try {
            new ParallelRunner(jobs).run(largestFirst, file -> parseOne(file.path(), reader), () -> { }, outcomes::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("parse-all was interrupted", e);
        }
        outcomes.sort(Comparator.comparing(Outcome::file));
        long bytes = 0;
        int errors = problems.size();
        int retries = 0;
        problems.forEach(err::println);
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

    /** Whatever goes wrong with one file is reported as one line for that file. */
    private static Outcome parseOne(Path file, SourceReader reader) {
        try {
            return readAndParse(file, reader);
        } catch (RuntimeException bug) {
            return new Outcome(file, 0, file + ": internal error while parsing: " + bug, false);
        }
    }

    private static Outcome readAndParse(Path file, SourceReader reader) {
        String shown = file.toString();
        byte[] content;
        try {
            content = reader.read(file);
        } catch (IOException e) {
            return new Outcome(file, 0, shown + ": cannot read: " + describe(e), false);
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

    /** A short reason without the path, which the caller already prints. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Every {@code .go} file under the roots (vendor and testdata included), in
     * path order; a directory named {@code x.go} is walked, not read, as gofmt does.
     * Entries that cannot be listed or read become problem lines; the walk goes on.
     */
    private static List<GoFile> goFilesUnder(List<Path> roots, List<String> problems) throws IOException {
        List<GoFile> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Files.walkFileTree(root.toRealPath(), new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!file.toString().endsWith(".go")) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isRegularFile()) {
                            files.add(new GoFile(file, attrs.size())); // the walk's attributes: no second look
                        } else if (!Files.isDirectory(file)) {
                            addIfReadable(file, files, problems);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(file + ": cannot read: " + describe(e));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                addIfReadable(root, files, problems);
            }
        }
        files.sort(Comparator.comparing(GoFile::path));
        return files;
    }

    /** Regular files only (a link is followed): reading a FIFO or a device could block or never end. */
    private static void addIfReadable(Path file, List<GoFile> files, List<String> problems) {
        if (Files.isRegularFile(file)) {
            files.add(new GoFile(file, sizeOf(file)));
        } else if (!Files.exists(file)) {
            problems.add(file + ": no such file or directory");
        } else {
            problems.add(file + ": cannot read: not a regular file");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // reading it reports the problem
        }
    }
}
