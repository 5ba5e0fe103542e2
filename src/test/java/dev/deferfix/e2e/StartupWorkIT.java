package dev.deferfix.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-file runs a pre-commit hook makes stay free of start-up costs that
 * crept in before, read from the real shaded jar run with its class-data
 * archive: the JVM's class-loading log, and its trace of every call site
 * linked through java.lang.invoke (a lambda, a method reference, a record's
 * generated equals, hashCode or toString: each about 0.3 ms on first use, the
 * first one 4 ms). A one-file {@code --check} links none, loads no regular
 * expression (its first compilation costs about 5 ms), no picocli, no
 * Jackson, not the generated lexer (whose ATN takes about 10 ms to load and is
 * only needed for rare tokens and lexical errors), never runs ANTLR's own
 * prediction (each call makes a DoubleKeyMap; the prediction table answers
 * all of the example's), reads that table from the jar without a resource
 * search (which opens the JDK's module image: 4 ms), and loads only classes
 * from the archive. A one-file {@code -w} links none and loads no regular
 * expression and no message digest; {@code -d} links only the diff library's
 * own.
 */
class StartupWorkIT {
    private static final Path JAR = Path.of("target", "defer-fix.jar");
    private static final Path ARCHIVE = Path.of("target", "defer-fix.jsa");
    private static final Path EXAMPLE = Path.of("fixtures", "example", "main.go");
    private static final String LINKED = "linkCallSite ";

    @TempDir
    Path work;

    private record Run(int exitCode, String output, List<String> loaded) {
        List<String> loadedMatching(String part) {
            return loaded.stream().filter(line -> line.contains(part)).toList();
        }

        /** The trace's call sites (its "=>" lines only tell what each was linked to). */
        List<String> linkedCallSites() {
            return output.lines().filter(line -> line.startsWith(LINKED) && !line.startsWith(LINKED + "=>")).toList();
        }
    }

    private Run run(String... arguments) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "the integration tests need the shaded jar from mvn package");
        Path log = Files.createTempFile(work, "classes", ".log");
        List<String> command = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + ARCHIVE,
                // the JVM refuses to start unless the build's class-data archive fits this jar
                "-Xshare:on", "-Xlog:class+load=info:file=" + log,
                "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(line -> line.contains("dev.deferfix.cli.Main ")),
                "the log lists the classes the run loaded");
        return new Run(exitCode, output, loaded);
    }

    @Test
    void aOneFileCheckLinksNothingAndLoadsOnlyWhatItNeedsFromTheArchive() throws IOException, InterruptedException {
        Run check = run("--check", EXAMPLE.toString());
        assertEquals(1, check.exitCode(), "--check on the example reports its finding:\n" + check.output());
        assertTrue(check.output().contains("main.go:21:3: defer f.Close() in a loop"), check.output());
        assertEquals(List.of(), check.linkedCallSites());
        for (String unwanted : List.of("java.util.regex.", "picocli.", "com.fasterxml.jackson.",
                "dev.deferfix.parse.antlr.GoLexer ", "org.antlr.v4.runtime.misc.DoubleKeyMap",
                "sun.net.www.protocol.jar.JarURLConnection", "jdk.internal.jimage.")) {
            assertEquals(List.of(), check.loadedMatching(unwanted), "a one-file --check loaded " + unwanted);
        }
        List<String> notShared = check.loaded().stream()
                .filter(line -> !line.contains("source: shared objects file"))
                .toList();
        assertEquals(List.of(), notShared, "classes a one-file check loaded from outside the class-data archive");
    }

    @Test
    void aOneFileRewriteLinksNothingAndLoadsNoRegularExpressionOrDigest() throws IOException, InterruptedException {
        Path file = work.resolve("main.go");
        Files.copy(EXAMPLE, file);
        Run write = run("-w", file.toString());
        assertNotEquals(Files.readString(EXAMPLE), Files.readString(file), "-w rewrote the copy:\n" + write.output());
        assertTrue(write.output().contains("1 site rewritten"), write.output());
        assertEquals(List.of(), write.linkedCallSites());
        for (String unwanted : List.of("java.util.regex.", "java.security.MessageDigest", "sun.security.provider.",
                "picocli.", "com.fasterxml.jackson.")) {
            assertEquals(List.of(), write.loadedMatching(unwanted), "a one-file -w loaded " + unwanted);
        }
    }

    @Test
    void aOneFileDryRunLinksOnlyTheDiffLibrarysCallSites() throws IOException, InterruptedException {
        Run dryRun = run("-d", EXAMPLE.toString());
        assertEquals(1, dryRun.exitCode(), "-d on the example shows its rewrite:\n" + dryRun.output());
        assertTrue(dryRun.output().contains("+++ b/fixtures/example/main.go")
                && dryRun.output().contains("closure-scope 1"), dryRun.output());
        assertTrue(dryRun.loaded().stream().anyMatch(line -> line.contains("dev.deferfix.fix.ClosureScope ")),
                "the log lists the rewrite stage's classes");
        List<String> ours = dryRun.linkedCallSites().stream().filter(line -> line.startsWith(LINKED + "dev.deferfix."))
                .toList();
        assertEquals(List.of(), ours, "call sites of ours a one-file -d linked");
        assertEquals(List.of(), dryRun.loadedMatching("java.util.regex."), "a one-file -d loaded a regular expression");
    }
}
