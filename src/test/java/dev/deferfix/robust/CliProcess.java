package dev.deferfix.robust;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the command line in a separate JVM, as a user would run it, so it
 * can be killed. In the test phase there is no jar yet: the class path is
 * target/classes plus this JVM's own test class path (which holds the
 * dependencies).
 */
final class CliProcess {
    private CliProcess() {
    }

    static Process start(Path workingDirectory, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        // A process started in the background inherits "ignore SIGINT", and a JVM that starts with SIGINT
        // ignored never sees Ctrl-C; reset it so the test behaves the same wherever the suite runs.
        command.add("env");
        command.add("--default-signal=INT");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                + System.getProperty("java.class.path"));
        command.add("dev.deferfix.cli.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Runs to the end and returns the exit code; the output is kept in {@code output}. */
    static int run(Path workingDirectory, Path output, String... args) throws IOException, InterruptedException {
        return start(workingDirectory, output, args).waitFor();
    }

    static String outputOf(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }
}
