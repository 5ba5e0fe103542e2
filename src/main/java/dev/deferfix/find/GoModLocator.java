package dev.deferfix.find;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the Go version of a file from the go directive of the nearest go.mod above it (cached per directory). */
public final class GoModLocator {
    private final Map<Path, GoVersion> byDirectory = new ConcurrentHashMap<>();

    public GoVersion versionFor(Path file) {
        Path directory = file.toAbsolutePath().normalize().getParent();
        return directory == null ? GoVersion.NEWEST : versionOfDirectory(directory);
    }

    private GoVersion versionOfDirectory(Path directory) {
        GoVersion cached = byDirectory.get(directory);
        if (cached != null) {
            return cached;
        }
        GoVersion version = readGoMod(directory.resolve("go.mod"));
        if (version == null) {
            Path parent = directory.getParent();
            version = parent == null ? GoVersion.NEWEST : versionOfDirectory(parent);
        }
        byDirectory.put(directory, version);
        return version;
    }

    private static GoVersion readGoMod(Path goMod) {
        if (!Files.isRegularFile(goMod)) {
            return null;
        }
        try {
            String directive = goDirective(Files.readString(goMod));
            return directive == null ? null : GoVersion.parse(directive, goMod.toString());
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            // An unreadable go.mod says nothing about the version; look further up.
        }
        return null;
    }

    /**
     * The version word of the first line that is a go directive ({@code go 1.21}, maybe indented,
     * maybe with a trailing comment), or null. Read by hand: compiling a regular expression cost a
     * one-file run as much as reading the go.mod.
     */
    static String goDirective(String goMod) {
        int lineStart = 0;
        while (lineStart < goMod.length()) {
            int lineEnd = goMod.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = goMod.length();
            }
            String version = directiveVersion(goMod, lineStart, lineEnd);
            if (version != null) {
                return version;
            }
            lineStart = lineEnd + 1;
        }
        return null;
    }

    private static String directiveVersion(String text, int start, int end) {
        int at = skipSpace(text, start, end);
        if (!text.startsWith("go", at)) {
            return null;
        }
        int wordStart = skipSpace(text, at + 2, end);
        if (wordStart == at + 2) {
            return null;
        }
        int wordEnd = wordStart;
        while (wordEnd < end && !isSpace(text.charAt(wordEnd))) {
            wordEnd++;
        }
        int after = skipSpace(text, wordEnd, end);
        boolean restIsComment = after == end || text.startsWith("//", after);
        return wordEnd > wordStart && restIsComment ? text.substring(wordStart, wordEnd) : null;
    }

    private static int skipSpace(String text, int from, int end) {
        int at = from;
        while (at < end && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Spaces, tabs, form feeds, vertical tabs and the carriage return of a CRLF line. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
