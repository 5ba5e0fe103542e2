package dev.deferfix.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/test, .ci/run and scripts/defer-fix, run for real by bash in a copy
 * of the repository layout, with apt-get, dpkg-query, id, mvn and java replaced
 * by stand-ins on PATH that record how they were called.
 */
class ScriptsTest {
    private static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;
    private Path root;
    private Path log;

    @BeforeEach
    void layOutACopy() throws IOException {
        root = tmp.resolve("repo");
        for (String script : List.of("scripts/test", "scripts/defer-fix", ".ci/run")) {
            Path copy = root.resolve(script);
            Files.createDirectories(copy.getParent());
            Files.copy(REPO.resolve(script), copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.createDirectories(root.resolve("src/main"));
        Files.createDirectories(root.resolve("grammar"));
        Files.writeString(root.resolve("src/main/A.java"), "class A {}\n");
        Files.writeString(root.resolve("grammar/G.g4"), "grammar G;\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        log = tmp.resolve("calls.log");
        Files.writeString(log, "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        fake(bin, "apt-get", "echo \"apt-get $*\" >> \"$FAKE_LOG\"");
        fake(bin, "dpkg-query", "grep -qx \"$3\" \"$FAKE_INSTALLED\" && echo 'install ok installed'");
        fake(bin, "id", "echo \"$FAKE_UID\"");
        fake(bin, "mvn", "echo \"mvn $* CI=${CI:-}\" >> \"$FAKE_LOG\"\n"
                + "if [ -n \"${FAKE_BUILD_ERROR:-}\" ]; then echo \"$FAKE_BUILD_ERROR\"; exit 1; fi\n"
                + "if [ -n \"${FAKE_JAR:-}\" ]; then mkdir -p \"$(dirname \"$FAKE_JAR\")\"; : > \"$FAKE_JAR\"; fi");
        fake(bin, "java", "echo \"java $*\" >> \"$FAKE_LOG\"\nprintf '<%s>' \"$@\" >> \"$FAKE_LOG\"\n"
                + "echo >> \"$FAKE_LOG\"\nexit \"${FAKE_EXIT:-0}\"");
    }

    private static void fake(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private GoToolchain.Result run(Path dir, List<String> env, String... command) throws IOException {
        List<String> all = new ArrayList<>(List.of(
                "PATH=" + tmp.resolve("bin") + ":/usr/bin:/bin",
                "FAKE_LOG=" + log, "FAKE_INSTALLED=" + tmp.resolve("installed"), "FAKE_UID=0", "CI="));
        all.addAll(env);
        return GoToolchain.run(dir, all, 60, command);
    }

    private void installed(String... packages) throws IOException {
        Files.writeString(tmp.resolve("installed"), String.join("\n", packages) + "\n");
    }

    /** Marks every package of scripts/test's TEST_PACKAGES list installed except the given ones. */
    private void installedAllBut(String... missing) throws IOException {
        List<String> packages = new ArrayList<>(testPackages());
        packages.removeAll(List.of(missing));
        installed(packages.toArray(String[]::new));
    }

    /** The TEST_PACKAGES array of scripts/test, so the test follows the list as it grows. */
    private List<String> testPackages() throws IOException {
        String script = Files.readString(root.resolve("scripts/test"));
        Matcher list = Pattern.compile("TEST_PACKAGES=\\(([^)]*)\\)").matcher(script);
        assertTrue(list.find(), "scripts/test has a TEST_PACKAGES=(...) list");
        return List.of(list.group(1).strip().split("\\s+"));
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(log);
    }

    @Test
    void testInstallsOnlyTheMissingPackagesAfterOneUpdateThenRunsEveryTest() throws IOException {
        installedAllBut("maven", "golang-go");
        GoToolchain.Result result = run(tmp, List.of(), root.resolve("scripts/test").toString(), "-Dtest=X");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(List.of("apt-get update -q",
                "apt-get install -y -q --no-install-recommends maven golang-go",
                "mvn -B verify -Dtest=X CI="), calls());
    }

    @Test
    void testInstallsNothingWhenEverythingIsThere() throws IOException {
        installedAllBut();
        GoToolchain.Result result = run(tmp, List.of(), root.resolve("scripts/test").toString());
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(List.of("mvn -B verify CI="), calls());
    }

    @Test
    void testTellsANonRootUserWhatToInstall() throws IOException {
        installedAllBut("golang-go", "golang-1.19-src");
        GoToolchain.Result result = run(tmp, List.of("FAKE_UID=1000"), root.resolve("scripts/test").toString());
        assertTrue(result.stderr().contains("missing Debian packages: golang-go golang-1.19-src"), result.stderr());
        assertTrue(result.stderr().contains("sudo apt-get install -y golang-go golang-1.19-src"), result.stderr());
        assertEquals(List.of("mvn -B verify CI="), calls());
    }

    @Test
    void ciRunCallsTheTestScriptWithCiTrue() throws IOException {
        installedAllBut();
        GoToolchain.Result result = run(tmp, List.of("CI=true"), root.resolve(".ci/run").toString());
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(List.of("mvn -B verify CI=true"), calls());
    }

    @Test
    void launcherBuildsAMissingJarThenPassesArgumentsAndExitCodeThrough() throws IOException {
        Path jar = root.resolve("target/defer-fix.jar");
        Path onPath = Files.createDirectories(tmp.resolve("elsewhere/bin")).resolve("defer-fix");
        Files.createSymbolicLink(onPath, root.resolve("scripts/defer-fix"));
        GoToolchain.Result result = run(tmp.resolve("elsewhere"), List.of("FAKE_JAR=" + jar, "FAKE_EXIT=3"),
                onPath.toString(), "--parse-all", "a dir", "");
        assertEquals(3, result.exitCode(), result.output());
        String flags = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn160m -XX:SharedArchiveFile=" + root.toRealPath()
                + "/target/defer-fix.jsa -Xlog:cds=off,cds+dynamic=off";
        assertEquals(List.of("mvn -B -q -DskipTests -f " + root.toRealPath() + "/pom.xml package CI=",
                "java " + flags + " -jar " + root.toRealPath() + "/target/defer-fix.jar --parse-all a dir ",
                "<" + flags.replace(" ", "><") + "><-jar><" + root.toRealPath()
                        + "/target/defer-fix.jar><--parse-all><a dir><>"), calls());
    }

    @Test
    void launcherRebuildsOnlyWhenAMainSourceIsNewerThanTheJar() throws IOException {
        Path jar = root.resolve("target/defer-fix.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        Instant now = Instant.now();
        // Directories count too: a deleted source file shows only in its directory's time.
        for (String source : List.of("src", "src/main", "src/main/A.java", "grammar", "grammar/G.g4", "pom.xml")) {
            Files.setLastModifiedTime(root.resolve(source), FileTime.from(now.minusSeconds(60)));
        }
        Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(30)));
        run(tmp, List.of("FAKE_JAR=" + jar), root.resolve("scripts/defer-fix").toString());
        assertEquals(0, calls().stream().filter(call -> call.startsWith("mvn")).count(), "jar is up to date");

        Files.createDirectories(root.resolve("src/test"));
        Files.writeString(root.resolve("src/test/ATest.java"), "class ATest {}\n");
        run(tmp, List.of("FAKE_JAR=" + jar), root.resolve("scripts/defer-fix").toString());
        assertEquals(0, calls().stream().filter(call -> call.startsWith("mvn")).count(), "tests are not in the jar");

        Files.setLastModifiedTime(root.resolve("grammar/G.g4"), FileTime.from(now));
        run(tmp, List.of("FAKE_JAR=" + jar), root.resolve("scripts/defer-fix").toString());
        assertEquals(1, calls().stream().filter(call -> call.startsWith("mvn")).count(), "grammar changed");
    }

    @Test
    void launcherStopsWithTheBuildLogWhenTheBuildFails() throws IOException {
        GoToolchain.Result result = run(tmp, List.of("FAKE_BUILD_ERROR=COMPILATION ERROR in A.java"),
                root.resolve("scripts/defer-fix").toString(), "x");
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("COMPILATION ERROR in A.java"), result.stderr());
        assertTrue(result.stderr().contains("the build failed"), result.stderr());
        assertEquals(0, calls().stream().filter(call -> call.startsWith("java")).count(), "java must not run");
    }
}
