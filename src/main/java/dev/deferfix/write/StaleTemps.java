package dev.deferfix.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Temporary files left by an earlier run that was killed outright (SIGKILL
 * gives no chance to clean up). A writing run removes them from the
 * directories it writes into; the originals are intact, since a temporary
 * file only ever replaces its original by a rename.
 */
public final class StaleTemps {
    private StaleTemps() {
    }

    /** Deletes stale temporary files in the directories; returns one message per file that could not be removed. */
    public static List<String> sweep(Collection<Path> directories) {
        List<String> problems = new ArrayList<>();
        for (Path directory : directories) {
            // Names checked here, not by a glob: a glob compiles a regular expression.
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path stale : entries) {
                    String name = stale.getFileName().toString();
                    if (!name.startsWith(".") || !name.endsWith(InFlightTemps.SUFFIX)
                            || name.length() <= InFlightTemps.SUFFIX.length()) {
                        continue;
                    }
                    try {
                        Files.deleteIfExists(stale);
                    } catch (IOException e) {
                        problems.add(stale + ": cannot remove stale temporary file: " + e.getMessage());
                    }
                }
            } catch (IOException unreadable) {
                // The directory's files report their own errors when they are read.
            }
        }
        return problems;
    }
}
