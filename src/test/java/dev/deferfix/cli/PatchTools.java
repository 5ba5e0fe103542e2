package dev.deferfix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks a diff with the real {@code git apply --check} and {@code patch -p1 --dry-run}, in the tree it was made in. */
final class PatchTools {
    private PatchTools() {
    }

    static void assertBothAccept(Path tree, String diff) throws IOException {
        Path patch = Files.createTempFile("defer-fix", ".patch");
        try {
            Files.writeString(patch, diff, StandardCharsets.UTF_8);
            GoToolchain.Result git = GoToolchain.run(tree, List.of(), 600, "git", "apply", "--check", "--verbose",
                    patch.toString());
            assertEquals(0, git.exitCode(), "git apply --check: " + git.output());
            GoToolchain.Result dry = GoToolchain.run(tree, List.of(), 600, "patch", "-p1", "--dry-run", "--batch",
                    "-i", patch.toString());
            assertEquals(0, dry.exitCode(), "patch -p1 --dry-run: " + dry.output());
        } finally {
            Files.delete(patch);
        }
    }

    /** Applies the diff with patch -p1 for real. */
    static void apply(Path tree, String diff) throws IOException {
        Path patch = Files.createTempFile("defer-fix", ".patch");
        try {
            Files.writeString(patch, diff, StandardCharsets.UTF_8);
            GoToolchain.Result result = GoToolchain.run(tree, List.of(), 600, "patch", "-p1", "--batch", "-i",
                    patch.toString());
            assertEquals(0, result.exitCode(), result.output());
        } finally {
            Files.delete(patch);
        }
    }
}
