package dev.deferfix.cli;

import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Every command line {@link PlainArguments} leaves alone goes through picocli,
 * which is kept behind this class so that a plain run never loads it.
 */
final class PicocliArguments {
    private PicocliArguments() {
    }

    static CommandOptions read(String... args) throws UsageCheck.UsageError {
        CommandOptions options = new CommandOptions();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new UsageCheck.UsageError(e.getMessage());
        }
        return options;
    }

    static void printUsage(PrintStream out) {
        new CommandLine(new CommandOptions()).usage(out, CommandLine.Help.Ansi.OFF);
    }
}
