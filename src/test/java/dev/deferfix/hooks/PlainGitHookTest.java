package dev.deferfix.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import dev.deferfix.testing.SampleGo;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/install-git-hook in a real repository: commits stopped, fixed, or let through. */
class PlainGitHookTest {
    static final String SEED = SampleGo.SEED;

    @TempDir
    Path temp;

    GitRepo repo;

    @BeforeEach
    void createRepository() throws IOException {
        repo = GitRepo.create(temp);
    }

    @Test
    void checkModeStopsACommitWithADeferInALoopAndLetsACleanOneThrough() throws IOException {
        install();
        repo.write("pkg/main.go", SEED);
        repo.ok("git", "add", ".");
        GoToolchain.Result stopped = repo.run("git", "commit", "-q", "-m", "seed");
        assertEquals(1, stopped.exitCode(), stopped.output());
        assertTrue(stopped.output().contains("pkg/main.go:21:3: defer f.Close() in a loop"), stopped.output());
        assertEquals(0, repo.commitCount());
        assertEquals(SEED, repo.read("pkg/main.go"), "check mode changes nothing");

        repo.ok("git", "rm", "-q", "--cached", "pkg/main.go");
        repo.write("pkg/clean.go", SampleGo.CLEAN);
        repo.ok("git", "add", "pkg/clean.go");
        repo.ok("git", "commit", "-q", "-m", "clean");
        assertEquals(1, repo.commitCount());
    }

    @Test
    void checkModeJudgesTheStagedContentNotTheWorkTree() throws IOException {
        install();
        repo.write("main.go", SampleGo.CLEAN);
        repo.ok("git", "add", ".");
        repo.write("main.go", SEED);
        repo.ok("git", "commit", "-q", "-m", "clean staged");
        assertEquals(SampleGo.CLEAN, repo.committed("main.go"));
        assertEquals(SEED, repo.read("main.go"), "the unstaged work is untouched");
    }

    @Test
    void fixModeRewritesRestagesAndCommits() throws IOException {
        install("--fix");
        repo.write("main.go", SEED);
        repo.ok("git", "add", ".");
        repo.ok("git", "commit", "-q", "-m", "seed");
        String committed = repo.committed("main.go");
        assertNotEquals(SEED, committed);
        assertEquals(GitRepo.fixedByCli(temp, SEED), committed, "committed as defer-fix -w rewrites it");
        assertEquals(committed, repo.read("main.go"));
        assertEquals("", repo.ok("git", "status", "--porcelain").stdout(), "nothing left unstaged");
    }

    @Test
    void fixModeNeverTouchesAPartlyStagedFile() throws IOException {
        install("--fix");
        repo.write("main.go", SEED);
        repo.ok("git", "add", ".");
        String unstaged = SEED + "\n// work in progress, not staged\n";
        repo.write("main.go", unstaged);
        GoToolchain.Result stopped = repo.run("git", "commit", "-q", "-m", "partly staged");
        assertEquals(1, stopped.exitCode(), stopped.output());
        assertTrue(stopped.output().contains("not rewriting main.go: it has unstaged changes"), stopped.output());
        assertEquals(0, repo.commitCount());
        assertEquals(unstaged, repo.read("main.go"), "unstaged changes are kept");
        assertEquals(SEED, repo.staged("main.go"), "the index is kept");
    }

    @Test
    void refusesToReplaceAForeignHookWithoutForce() throws IOException {
        repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
        GoToolchain.Result refused = repo.run(installer().toString());
        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("use --force"), refused.output());
        repo.ok(installer().toString(), "--force");
    }

    private void install(String... flags) {
        String[] command = new String[flags.length + 1];
        command[0] = installer().toString();
        System.arraycopy(flags, 0, command, 1, flags.length);
        GoToolchain.Result result = repo.ok(command);
        assertTrue(result.stdout().startsWith("install-git-hook: installed "), result.output());
    }

    private static Path installer() {
        return GitRepo.checkout().resolve("scripts/install-git-hook");
    }
}
