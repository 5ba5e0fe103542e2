package dev.deferfix.cli;

import dev.deferfix.fix.Strategies;
import dev.deferfix.run.ChangedLines;
import dev.deferfix.run.FileOutcome;
import dev.deferfix.run.FileProcessor;
import dev.deferfix.run.FileTask;
import dev.deferfix.run.InputTargets;
import dev.deferfix.run.ParallelRunner;
import dev.deferfix.run.RunMode;
import dev.deferfix.run.RunOptions;
import dev.deferfix.run.SourceFile;
import dev.deferfix.run.Target;
import dev.deferfix.write.InFlightTemps;
import dev.deferfix.write.SafeWriter;
import dev.deferfix.write.StaleTemps;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Runs a checked command line over files or standard input; prints as it goes; returns the exit code. */
final class RunCommand {
    private final Invocation invocation;
    private final RunOptions options;
    private final InputStream in;
    private final PrintStream err;
    private final Path workingDirectory;
    private final boolean terminal;
    private final OutcomePrinter printer;
    private final long started = System.nanoTime();

    RunCommand(Invocation invocation, InputStream in, PrintStream out, PrintStream err, Path workingDirectory,
               boolean terminal) {
        this.invocation = invocation;
        this.options = invocation.run();
        this.in = in;
        this.err = err;
        this.workingDirectory = workingDirectory;
        this.terminal = terminal;
        boolean color = invocation.colorMode().equals("always") || invocation.colorMode().equals("auto") && terminal;
        this.printer = new OutcomePrinter(invocation, out, err, color);
    }

    int execute() {
        try {
            return invocation.stdin() ? standardInput() : files();
        } catch (IOException e) {
            err.println("defer-fix: " + e.getMessage());
            return Cli.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("defer-fix: interrupted");
            return Cli.ERROR;
        }
    }

    private int standardInput() throws IOException {
        String name = invocation.stdinName() != null ? invocation.stdinName() : "<standard input>";
        Path location = workingDirectory.resolve(invocation.stdinName() != null ? invocation.stdinName() : "stdin.go");
        SourceFile source = new SourceFile(name, location, in.readAllBytes(), null);
        FileProcessor processor = processor(null);
        FileOutcome outcome = processor.process(source);
        RunSummary summary = new RunSummary(options.mode());
        summary.add(outcome);
        printer.print(outcome);
        printer.finish();
        return exitCode(summary);
    }

    private int files() throws IOException, InterruptedException {
        ChangedLines changed = null;
        if (invocation.diffBase() != null) {
            try {
                changed = ChangedLines.since(invocation.diffBase(), workingDirectory);
            } catch (IOException e) {
                err.println("defer-fix: --diff-base " + invocation.diffBase() + ": " + e.getMessage());
                return Cli.ERROR;
            }
        }
        InputTargets.Listing listing = new InputTargets(workingDirectory, options.excludes()).list(invocation.paths());
        RunSummary summary = new RunSummary(options.mode());
        for (String problem : listing.problems()) {
            err.println(problem);
            summary.addError();
        }
        List<Target> targets = listing.targets();
        FileProcessor processor = processor(changed);
        try (InFlightTemps temps = options.mode() == RunMode.WRITE ? new InFlightTemps() : null;
             Progress progress = Progress.start(err, targets.size(), terminal)) {
            if (temps != null) {
                for (String problem : StaleTemps.sweep(directoriesOf(targets))) {
                    err.println(problem);
                    summary.addError();
                }
            }
            FileTask task = new FileTask(processor, temps == null ? null : new SafeWriter(temps));
            new ParallelRunner(options.jobs()).run(targets, new FileWork(task, progress, summary));
        }
        printer.finish();
        if (options.mode() != RunMode.CHECK) {
            err.println(summary.line((System.nanoTime() - started) / 1e9));
        }
        return exitCode(summary);
    }

    /** Each file's task; its outcome is counted and printed in input order, the progress bar kept out of the way. */
    private final class FileWork implements ParallelRunner.Work<Target, FileOutcome> {
        private final FileTask task;
        private final Progress progress;
        private final RunSummary summary;

        FileWork(FileTask task, Progress progress, RunSummary summary) {
            this.task = task;
            this.progress = progress;
            this.summary = summary;
        }

        @Override
        public FileOutcome run(Target target) {
            return task.run(target);
        }

        @Override
        public void finished() {
            progress.fileDone();
        }

        @Override
        public void accept(FileOutcome outcome) {
            summary.add(outcome);
            if (!outcome.errors().isEmpty() || printer.printsAsItGoes()) {
                progress.erase();
            }
            printer.print(outcome);
        }
    }

    /** Without planned fixes (--check in plain text) the strategies are never asked, so they are not built. */
    private FileProcessor processor(ChangedLines changed) {
        return new FileProcessor(options, options.planFixes() ? Strategies.defaultFixer() : null, changed);
    }

    private int exitCode(RunSummary summary) {
        if (summary.errors() > 0) {
            return Cli.ERROR;
        }
        return printer.somethingToReport() ? Cli.FINDINGS : Cli.OK;
    }

    private static Set<Path> directoriesOf(List<Target> targets) {
        Set<Path> directories = new TreeSet<>();
        for (Target target : targets) {
            if (target.writeTo() != null) {
                directories.add(target.writeTo().getParent());
            }
        }
        return directories;
    }
}
