package dev.deferfix.find;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the Go version of a file from the go directive of the nearest go.mod above it (cached per directory). */
public final class GoModLocator {
    private static final Pattern GO_DIRECTIVE = Pattern.compile("(?m)^\\s*go\\s+(\\S+)\\s*(?://.*)?$");

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
            Matcher matcher = GO_DIRECTIVE.matcher(Files.readString(goMod));
            if (matcher.find()) {
                GoVersion version = GoVersion.parse(matcher.group(1), goMod.toString());
                if (version != null) {
                    return version;
                }
            }
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            // An unreadable go.mod says nothing about the version; look further up.
        }
        return null;
    }
}
