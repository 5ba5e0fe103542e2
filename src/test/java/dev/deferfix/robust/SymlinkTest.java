package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.SampleGo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links beyond the command line's own tests: directory link loops
 * are never followed (the run ends and sees each file once), a chain of links
 * is written through to its real file once and every link stays a link, no
 * temporary file is left beside a link or its target, and a directory link
 * named on the command line is walked like the directory it names.
 */
class SymlinkTest {
    /** A hang detector for walks that might loop. */
    private static final long HANG_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void directoryLinkLoopsAreNeverFollowed() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        write(tree.resolve("a/b/code.go"), SampleGo.SEED);
        Files.createSymbolicLink(tree.resolve("a/b/up"), Path.of(".."));
        Files.createSymbolicLink(tree.resolve("a/self"), Path.of("."));
        Files.createSymbolicLink(tree.resolve("a/b/root"), tree);
        Files.createSymbolicLink(tree.resolve("ping"), Path.of("pong"));
        Files.createSymbolicLink(tree.resolve("pong"), Path.of("ping"));
        InProcessCli run = bounded(tree, "-l", ".");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("a/b/code.go"), run.out().lines().map(line -> line.substring(0, line.indexOf(':')))
                .toList(), "each file once, through no link: " + run);
        InProcessCli write = bounded(tree, "-w", ".");
        assertEquals(0, write.exitCode(), write.toString());
        assertNotEquals(SampleGo.SEED, Files.readString(tree.resolve("a/b/code.go")));
    }

    @Test
    void aChainOfLinksIsWrittenThroughToItsRealFileOnceAndEveryLinkStaysALink() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path real = write(tree.resolve("_hidden/real.go"), SampleGo.SEED);
        Path second = Files.createSymbolicLink(tree.resolve("second.go"), Path.of("_hidden/real.go"));
        Path first = Files.createSymbolicLink(tree.resolve("first.go"), Path.of("second.go"));
        InProcessCli run = bounded(tree, "-w", ".");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.isSymbolicLink(first) && Files.isSymbolicLink(second), "links stay links");
        String once = Files.readString(real);
        assertNotEquals(SampleGo.SEED, once);
        assertTrue(run.err().contains("1 file scanned"), "the real file is processed once: " + run);
        assertEquals(List.of(), FileTrees.temporaryFiles(tree));
        InProcessCli again = bounded(tree, "-w", ".");
        assertEquals(once, Files.readString(real), "a second run changes nothing: " + again);
    }

    @Test
    void aLinkIntoAnotherNamedTreeIsWrittenThroughButALinkOutOfAllOfThemIsNot() throws IOException {
        Path left = Files.createDirectories(dir.resolve("left"));
        Path right = Files.createDirectories(dir.resolve("right"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path target = write(right.resolve("_private/target.go"), SampleGo.SEED);
        Path foreign = write(outside.resolve("foreign.go"), SampleGo.SEED);
        Files.createSymbolicLink(left.resolve("in.go"), target);
        Files.createSymbolicLink(left.resolve("out.go"), foreign);
        InProcessCli run = bounded(dir, "-w", "left", "right");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("left/out.go: symbolic link to a file outside the scanned tree; not rewritten\n",
                run.errWithoutSummary());
        assertNotEquals(SampleGo.SEED, Files.readString(target), "inside the named trees: " + run);
        assertEquals(SampleGo.SEED, Files.readString(foreign));
    }

    /** It used to be silently scanned as zero files (exit 0): the walk saw one link and no directory. */
    @Test
    void aDirectoryLinkNamedOnTheCommandLineIsWalked() throws IOException {
        Path real = write(dir.resolve("real/code.go"), SampleGo.SEED);
        Path link = Files.createSymbolicLink(dir.resolve("linked"), Path.of("real"));
        InProcessCli list = bounded(dir, "-l", "linked");
        assertEquals(1, list.exitCode(), list.toString());
        assertTrue(list.out().startsWith("linked/code.go:"), list.toString());
        InProcessCli write = bounded(dir, "-w", "linked/...");
        assertEquals(0, write.exitCode(), write.toString());
        assertNotEquals(SampleGo.SEED, Files.readString(real));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of(), FileTrees.temporaryFiles(dir));
    }

    private static InProcessCli bounded(Path workingDirectory, String... args) {
        try (BoundedRunner runner = new BoundedRunner(0, HANG_SECONDS)) {
            BoundedRunner.Outcome<InProcessCli> outcome = runner.run(() -> InProcessCli.run(workingDirectory, args));
            if (outcome instanceof BoundedRunner.Done<InProcessCli> done) {
                return done.value();
            }
            throw new AssertionError("defer-fix " + String.join(" ", args) + ": " + outcome);
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
