package dev.deferfix.hooks;

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

/**
 * .pre-commit-hooks.yaml with the real pre-commit framework: a {@code repo:}
 * entry pointing at this checkout (its HEAD commit, as pre-commit clones it),
 * installed as the repository's hook. The launcher builds the jar inside
 * pre-commit's clone on first use, exactly as it would for a user.
 */
class PreCommitFrameworkTest {
    @TempDir
    Path temp;

    @Test
    void checkHookStopsTheCommitAndFixHookRewritesTheFile() throws IOException {
        GoToolchain.require(GoToolchain.onPath("pre-commit") != null, "pre-commit (Debian package pre-commit)");
        Path checkout = GitRepo.checkout();
        GoToolchain.require(Files.isExecutable(checkout.resolve("scripts/defer-fix")), "the launcher scripts/defer-fix");
        GoToolchain.Result hooksFile = GoToolchain.run(checkout, List.of(), 60, "git", "cat-file", "-e",
                "HEAD:.pre-commit-hooks.yaml");
        assertEquals(0, hooksFile.exitCode(), ".pre-commit-hooks.yaml must be committed: pre-commit clones HEAD");
        String rev = GoToolchain.run(checkout, List.of(), 60, "git", "rev-parse", "HEAD").stdout().strip();

        GitRepo repo = GitRepo.create(temp);
        List<String> env = GitRepo.with(repo.env, "PRE_COMMIT_HOME=" + temp.resolve("pre-commit-home"));
        configure(repo, checkout, rev, "defer-fix-check");
        run(repo, env, 0, "pre-commit", "install");

        repo.write("main.go", SampleGo.SEED);
        repo.ok("git", "add", "main.go");
        GoToolchain.Result stopped = GoToolchain.run(repo.root, env, 900, "git", "commit", "-m", "seed");
        assertEquals(1, stopped.exitCode(), stopped.output());
        assertTrue(stopped.output().contains("main.go:21:3: defer f.Close() in a loop"), stopped.output());
        assertEquals(0, repo.commitCount());
        assertEquals(SampleGo.SEED, repo.read("main.go"));

        configure(repo, checkout, rev, "defer-fix");
        GoToolchain.Result fixing = GoToolchain.run(repo.root, env, 900, "git", "commit", "-m", "seed");
        assertEquals(1, fixing.exitCode(), "the fixing hook stops the commit for review: " + fixing.output());
        assertTrue(fixing.output().contains("files were modified by this hook"), fixing.output());
        String fixed = repo.read("main.go");
        assertNotEquals(SampleGo.SEED, fixed);
        assertEquals(GitRepo.fixedByCli(temp, SampleGo.SEED), fixed, "rewritten as defer-fix -w rewrites it");

        repo.ok("git", "add", "main.go");
        GoToolchain.Result accepted = GoToolchain.run(repo.root, env, 900, "git", "commit", "-m", "seed, fixed");
        assertEquals(0, accepted.exitCode(), accepted.output());
        assertEquals(fixed, repo.committed("main.go"));
    }

    private static void configure(GitRepo repo, Path checkout, String rev, String hook) throws IOException {
        Files.writeString(repo.root.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: %s
                """.formatted(checkout, rev, hook));
        repo.ok("git", "add", ".pre-commit-config.yaml");
    }

    private static void run(GitRepo repo, List<String> env, int expected, String... command) {
        GoToolchain.Result result = GoToolchain.run(repo.root, env, 600, command);
        assertEquals(expected, result.exitCode(), result.output());
    }
}
