package dev.deferfix.cli;

import dev.deferfix.diagnose.ParseAll;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, with its streams and working directory passed in so that
 * tests run it in-process; returns the exit code (only {@link Main} exits).
 */
public final class Cli {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int ERROR = 2;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDirectory;
    private final boolean terminal;

    /** @param terminal whether the user watches stdout and stderr on a terminal (colors, progress bar) */
    public Cli(InputStream in, PrintStream out, PrintStream err, Path workingDirectory, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.terminal = terminal;
    }

    public int run(String... args) {
        CommandOptions options = PlainArguments.read(args);
        if (options == null) {
            try {
                options = PicocliArguments.read(args);
            } catch (UsageCheck.UsageError e) {
                return usageError(e.getMessage());
            }
        }
        return run(options);
    }

    /** Runs a command line already read into options (by either reader). */
    int run(CommandOptions options) {
        if (options.help) {
            PicocliArguments.printUsage(out);
            return OK;
        }
        if (options.version) {
            out.println("defer-fix " + ToolVersion.get());
            return OK;
        }
        if (options.parseAll) {
            return parseAll(options.paths);
        }
        Invocation invocation;
        try {
            invocation = UsageCheck.check(options, Runtime.getRuntime().availableProcessors());
        } catch (UsageCheck.UsageError e) {
            return usageError(e.getMessage());
        }
        return new RunCommand(invocation, in, out, err, workingDirectory, terminal).execute();
    }

    private int usageError(String message) {
        err.println("defer-fix: " + message + " (see defer-fix --help)");
        return ERROR;
    }

    private int parseAll(List<String> arguments) {
        List<Path> paths = new ArrayList<>();
        for (String argument : arguments.isEmpty() ? List.of(".") : arguments) {
            paths.add(workingDirectory.resolve(argument));
        }
        try {
            ParseAll.Summary summary = ParseAll.run(paths, Runtime.getRuntime().availableProcessors(), err);
            err.println(summary.line());
            return summary.errors() > 0 ? ERROR : OK;
        } catch (IOException e) {
            err.println("defer-fix: --parse-all: " + e.getMessage());
            return ERROR;
        }
    }
}
