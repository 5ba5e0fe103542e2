package dev.deferfix.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Work directories at a fixed place under {@code target/}, emptied when a test
 * starts. Go's build cache remembers the paths of cgo sources it processed; a
 * copy in a fresh temporary directory that a later run deletes leaves cache
 * entries that name missing files, and go vet then fails on the next copy
 * with the same content. The same path every run keeps those entries right.
 */
public final class WorkDirectories {

    private WorkDirectories() {
    }

    /** {@code target/NAME}, absolute, empty. */
    public static Path fresh(String name) throws IOException {
        Path work = Path.of("target", name).toAbsolutePath();
        deleteTree(work);
        return Files.createDirectories(work);
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
