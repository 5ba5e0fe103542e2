package dev.deferfix.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.cli.Cli;
import dev.deferfix.testing.GoToolchain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** A throwaway git repository for hook tests, with a defer-fix command that runs the classes under test. */
final class GitRepo {
    final Path root;
    final List<String> env;

    private GitRepo(Path root, List<String> env) {
        this.root = root;
        this.env = env;
    }

    /** A new repository; DEFER_FIX points at a wrapper that runs this build's classes (no jar needed). */
    static GitRepo create(Path temp) throws IOException {
        GoToolchain.require(GoToolchain.onPath("git") != null, "git");
        Path root = Files.createDirectories(temp.resolve("repo"));
        Path wrapper = temp.resolve("defer-fix-under-test");
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + javaBinary() + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.deferfix.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> env = List.of("DEFER_FIX=" + wrapper, "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
                "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1",
                "GIT_CONFIG_GLOBAL=/dev/null");
        GitRepo repo = new GitRepo(root, env);
        repo.ok("git", "init", "-q", "-b", "main");
        return repo;
    }

    GoToolchain.Result run(String... command) {
        return GoToolchain.run(root, env, 600, command);
    }

    GoToolchain.Result ok(String... command) {
        GoToolchain.Result result = run(command);
        assertEquals(0, result.exitCode(), String.join(" ", command) + "\n" + result.output());
        return result;
    }

    void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }

    /** The file's content in the last commit, or null when there is no commit or no such file. */
    String committed(String relative) {
        GoToolchain.Result show = run("git", "show", "HEAD:" + relative);
        return show.exitCode() == 0 ? show.stdout() : null;
    }

    String staged(String relative) {
        return ok("git", "show", ":" + relative).stdout();
    }

    int commitCount() {
        GoToolchain.Result count = run("git", "rev-list", "--count", "HEAD");
        return count.exitCode() == 0 ? Integer.parseInt(count.stdout().strip()) : 0;
    }

    /** What {@code defer-fix -w} makes of {@code source}, run in-process in a directory of its own. */
    static String fixedByCli(Path temp, String source) throws IOException {
        Path dir = Files.createTempDirectory(temp, "expected");
        Files.writeString(dir.resolve("main.go"), source);
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(ignored, true, StandardCharsets.UTF_8);
        int code = new Cli(InputStream.nullInputStream(), sink, sink, dir, false).run("-w", ".");
        assertEquals(0, code, ignored.toString(StandardCharsets.UTF_8));
        return Files.readString(dir.resolve("main.go"));
    }

    static Path checkout() {
        return Path.of("").toAbsolutePath();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> with(List<String> env, String... more) {
        List<String> all = new ArrayList<>(env);
        all.addAll(List.of(more));
        return all;
    }
}
