package dev.deferfix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import dev.deferfix.testing.SampleGo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links (documented policy) and --diff-base. */
class CliSymlinkAndDiffBaseTest {
    @TempDir
    Path dir;

    @TempDir
    Path outside;

    @Test
    void linkToAFileInsideTheTreeIsRewrittenThroughTheLinkOnce() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path real = write(tree.resolve("testdata/real.go"), SampleGo.SEED);
        Path link = Files.createSymbolicLink(tree.resolve("link.go"), Path.of("testdata/real.go"));
        CliRun run = CliRun.in(tree, "-w");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertNotEquals(SampleGo.SEED, Files.readString(real));
        assertTrue(run.err().contains("1 file scanned"), run.toString());
    }

    @Test
    void linkAndItsTargetBothInTheRunAreProcessedOnce() throws IOException {
        write(dir.resolve("a.go"), SampleGo.SEED);
        Files.createSymbolicLink(dir.resolve("b.go"), Path.of("a.go"));
        CliRun run = CliRun.in(dir, "-l");
        assertEquals(1, run.out().lines().count(), run.toString());
        assertTrue(run.out().startsWith("a.go:"), run.toString());
    }

    @Test
    void linkToAFileOutsideTheTreeIsNeverWritten() throws IOException {
        Path target = write(outside.resolve("theirs.go"), SampleGo.SEED);
        Files.createSymbolicLink(dir.resolve("mine.go"), target);
        CliRun run = CliRun.in(dir, "-w");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("mine.go: symbolic link to a file outside the scanned tree; not rewritten\n",
                run.errWithoutSummary());
        assertEquals(SampleGo.SEED, Files.readString(target));
        CliRun list = CliRun.in(dir, "-l");
        assertEquals(1, list.exitCode(), "reading through the link is fine: " + list);
    }

    @Test
    void aDirectoryNamedThroughALinkIsWalkedAndKeepsTheLinkName() throws IOException {
        write(dir.resolve("real/main.go"), SampleGo.SEED);
        Files.createSymbolicLink(dir.resolve("link"), Path.of("real"));
        CliRun run = CliRun.in(dir, "-w", "link");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("1 site rewritten in 1 file"), run.toString());
        assertNotEquals(SampleGo.SEED, Files.readString(dir.resolve("real/main.go")));
        CliRun diff = CliRun.in(dir, "-l", "link/");
        assertEquals("", diff.out(), "already fixed");
        write(dir.resolve("real/main.go"), SampleGo.SEED);
        assertTrue(CliRun.in(dir, "-l", "link").out().startsWith("link/main.go:21:3: "));
    }

    @Test
    void danglingLinksAndLinkLoopsAreReported() throws IOException {
        Files.createSymbolicLink(dir.resolve("dangling.go"), Path.of("missing.go"));
        Files.createSymbolicLink(dir.resolve("loop1.go"), Path.of("loop2.go"));
        Files.createSymbolicLink(dir.resolve("loop2.go"), Path.of("loop1.go"));
        write(dir.resolve("ok.go"), SampleGo.SEED);
        CliRun run = CliRun.in(dir, "-l");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("""
                dangling.go: dangling symbolic link (its target does not exist)
                loop1.go: symbolic link loop
                loop2.go: symbolic link loop
                """, run.errWithoutSummary());
        assertTrue(run.out().startsWith("ok.go:"), run.toString());
    }

    @Test
    void diffBaseKeepsOnlyFindingsOnChangedLines() throws IOException {
        GoToolchain.require(GoToolchain.onPath("git") != null, "git");
        write(dir.resolve("old.go"), SampleGo.SEED);
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
        String added = SampleGo.SEED.replace("package seed", "package seed // unchanged package")
                + """

                func again(names []string) {
                	for _, name := range names {
                		f, _ := os.Open(name)
                		defer f.Close()
                	}
                }
                """;
        write(dir.resolve("old.go"), added);
        CliRun all = CliRun.in(dir, "-l");
        assertEquals(2, all.out().lines().count(), all.toString());
        CliRun changed = CliRun.in(dir, "-l", "--diff-base", "HEAD");
        assertEquals(1, changed.exitCode(), changed.toString());
        assertEquals(1, changed.out().lines().count(), changed.toString());
        assertTrue(changed.out().startsWith("old.go:30:3: defer f.Close() in a loop runs when again returns"),
                changed.toString());
        CliRun bad = CliRun.in(dir, "-l", "--diff-base", "no-such-rev");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertEquals(1, bad.err().lines().count(), bad.toString());
        assertEquals("defer-fix: --diff-base no-such-rev: fatal: bad revision 'no-such-rev'\n", bad.err());
    }

    private void git(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        GoToolchain.Result result = GoToolchain.run(dir, List.of(), 60, command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.output());
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
