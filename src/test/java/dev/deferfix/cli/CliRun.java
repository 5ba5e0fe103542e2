package dev.deferfix.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One in-process run of the command, with captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun in(Path workingDirectory, String... args) {
        return withInput(workingDirectory, "", args);
    }

    static CliRun withInput(Path workingDirectory, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                workingDirectory, false).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stderr without the summary line. */
    String errWithoutSummary() {
        return err.lines().filter(line -> !line.startsWith("defer-fix: ") || !line.contains(" scanned"))
                .map(line -> line + "\n").reduce("", String::concat);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
