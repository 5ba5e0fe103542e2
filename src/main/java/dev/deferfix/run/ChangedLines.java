package dev.deferfix.run;

import dev.deferfix.find.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines added or modified since a git revision ({@code git diff REV}, work
 * tree against REV), for --diff-base: only findings that start on such a line
 * are kept. Untracked files are not part of {@code git diff}; {@code git add -N}
 * makes them count.
 */
public final class ChangedLines {
    private static final Pattern NEW_FILE = Pattern.compile("^\\+\\+\\+ b/(.*)$");
    private static final Pattern HUNK = Pattern.compile("^@@ -\\S+ \\+(\\d+)(?:,(\\d+))? @@.*$");

    private final Map<Path, BitSet> byFile;

    private ChangedLines(Map<Path, BitSet> byFile) {
        this.byFile = byFile;
    }

    /** Runs git in {@code directory}; throws with git's own first line when REV or the repository is wrong. */
    public static ChangedLines since(String revision, Path directory) throws IOException {
        String top = git(directory, "rev-parse", "--show-toplevel").strip();
        String diff = git(directory, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff",
                "--no-renames", "-U0", revision, "--");
        return new ChangedLines(parse(Path.of(top), diff));
    }

    static Map<Path, BitSet> parse(Path top, String diff) {
        Map<Path, BitSet> byFile = new HashMap<>();
        BitSet current = null;
        for (String line : diff.split("\n", -1)) {
            Matcher file = NEW_FILE.matcher(line);
            if (file.matches()) {
                current = byFile.computeIfAbsent(top.resolve(file.group(1)).normalize(), f -> new BitSet());
                continue;
            }
            if (line.startsWith("+++ ")) {
                current = null;
                continue;
            }
            Matcher hunk = HUNK.matcher(line);
            if (hunk.matches() && current != null) {
                int start = Integer.parseInt(hunk.group(1));
                int count = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
                current.set(start, start + count);
            }
        }
        return byFile;
    }

    /** Whether the finding starts on a changed line of the file at {@code file}. */
    public boolean covers(Path file, Finding finding) {
        BitSet lines = byFile.get(realOrSame(file));
        return lines != null && lines.get(finding.start().line());
    }

    private static Path realOrSame(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static String git(Path directory, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
        process.getOutputStream().close();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread drainErrors = new Thread(() -> copy(process.getErrorStream(), errors));
        drainErrors.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int exit = process.waitFor();
            drainErrors.join();
            if (exit != 0) {
                String message = errors.toString(StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                throw new IOException(message.isEmpty() ? "git exited with status " + exit : message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
        return output;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The exit code tells whether git failed.
        }
    }
}
