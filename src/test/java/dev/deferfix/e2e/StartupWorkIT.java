package dev.deferfix.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-file check a pre-commit hook runs stays free of start-up costs that
 * crept in before: no lambda or method reference (each one's first call links
 * through java.lang.invoke, about 0.3 ms apiece and 4 ms for the first), no
 * regular expression (its first compilation about 5 ms), no picocli, no
 * Jackson, and not the generated lexer, whose ATN takes about 10 ms to load and
 * is only needed for rare tokens and lexical errors. And every class it loads
 * comes from the class-data archive the build makes. Read from the JVM's class-loading log of the real shaded jar, so a
 * new lambda anywhere on the path fails here with its class name.
 */
class StartupWorkIT {
    private static final Path JAR = Path.of("target", "defer-fix.jar");
    private static final Path ARCHIVE = Path.of("target", "defer-fix.jsa");
    private static final Path EXAMPLE = Path.of("fixtures", "example", "main.go");
    private static final List<String> UNWANTED = List.of("$$Lambda", "java.util.regex.", "picocli.",
            "com.fasterxml.jackson.", "dev.deferfix.parse.antlr.GoLexer ");

    @TempDir
    Path work;

    @Test
    void aOneFileDryRunLoadsNoLambdaOfOursNoRegularExpressionAndNoDigest() throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "the integration tests need the shaded jar from mvn package");
        Path log = work.resolve("classes.log");
        Process dryRun = new ProcessBuilder("java", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + ARCHIVE,
                "-Xshare:on", "-Xlog:class+load=info:file=" + log, "-jar", JAR.toString(), "-d", EXAMPLE.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(dryRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, dryRun.waitFor(), "-d on the example shows its rewrite:\n" + output);
        assertTrue(output.contains("+++ b/fixtures/example/main.go") && output.contains("closure-scope 1"), output);

        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(line -> line.contains("dev.deferfix.fix.ClosureScope ")),
                "the log lists the rewrite stage's classes");
        // The diff library's own lambdas are not ours to change.
        for (String unwanted : List.of("dev.deferfix.", "java.util.regex.", "java.security.MessageDigest",
                "picocli.", "com.fasterxml.jackson.")) {
            List<String> found = loaded.stream()
                    .filter(line -> line.contains(unwanted) && (!unwanted.equals("dev.deferfix.")
                            || line.contains("$$Lambda")))
                    .toList();
            assertTrue(found.isEmpty(), "a one-file -d loaded " + unwanted + ":\n" + String.join("\n", found));
        }
    }

    @Test
    void aOneFileCheckLoadsNoLambdaNoRegularExpressionNoPicocliNoJacksonAndNoLexerAtn() throws IOException,
            InterruptedException {
        assertTrue(Files.exists(JAR), "the integration tests need the shaded jar from mvn package");
        Path log = work.resolve("classes.log");
        // -Xshare:on: the JVM refuses to start unless the build's class-data archive fits this jar.
        Process check = new ProcessBuilder("java", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + ARCHIVE,
                "-Xshare:on", "-Xlog:class+load=info:file=" + log, "-jar", JAR.toString(), "--check",
                EXAMPLE.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, check.waitFor(), "--check on the example reports its finding:\n" + output);
        assertTrue(output.contains("main.go:21:3: defer f.Close() in a loop"), output);

        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(line -> line.contains("dev.deferfix.find.Detector ")),
                "the log lists the classes the check loaded");
        List<String> notShared = loaded.stream().filter(line -> !line.contains("source: shared objects file"))
                .toList();
        assertTrue(notShared.isEmpty(), "classes a one-file check loaded from outside the class-data archive:\n"
                + String.join("\n", notShared));
        for (String unwanted : UNWANTED) {
            List<String> found = loaded.stream().filter(line -> line.contains(unwanted)).toList();
            assertTrue(found.isEmpty(), "a one-file --check loaded " + unwanted + ":\n" + String.join("\n", found));
        }
    }
}
