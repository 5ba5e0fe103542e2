package dev.deferfix.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

/** One in-process run of the command, with captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun in(Path workingDirectory, String... args) {
        return withInput(workingDirectory, "", args);
    }

    static CliRun withInput(Path workingDirectory, String stdin, String... args) {
        return run(workingDirectory, stdin, cli -> cli.run(args));
    }

    /** Like {@link #in}, but the command line is read by picocli even where {@link PlainArguments} would read it. */
    static CliRun viaPicocli(Path workingDirectory, String... args) throws UsageCheck.UsageError {
        CommandOptions options = PicocliArguments.read(args);
        return run(workingDirectory, "", cli -> cli.run(options));
    }

    private static CliRun run(Path workingDirectory, String stdin, ToIntFunction<Cli> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.applyAsInt(new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                workingDirectory, false));
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
