package dev.deferfix.robust;

import dev.deferfix.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One run of the command line in this JVM, with its exit code and captured output. */
record InProcessCli(int exitCode, String out, String err) {

    static InProcessCli run(Path workingDirectory, String... args) {
        return withInput(workingDirectory, new byte[0], args);
    }

    static InProcessCli withInput(Path workingDirectory, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), workingDirectory, false).run(args);
        return new InProcessCli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stderr without the closing summary line, whose timing differs from run to run. */
    String errWithoutSummary() {
        return err.lines().filter(line -> !(line.startsWith("defer-fix: ") && line.contains(" scanned, ")))
                .map(line -> line + "\n").reduce("", String::concat);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
