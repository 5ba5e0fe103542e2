package dev.deferfix.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The flags, as picocli (or {@link PlainArguments}) fills them in; {@link UsageCheck} judges their
 * combination. Defaults are the fields' initial values, which picocli also shows as ${DEFAULT-VALUE}.
 */
@Command(name = "defer-fix", sortOptions = false, usageHelpWidth = 90,
        description = {
            "Finds defer statements inside Go loops and rewrites them so each iteration cleans up after itself.",
            "With paths and no mode flag, lists the findings (like -l). With '-' and no mode flag, reads Go source "
                    + "from standard input and prints the rewritten source (like gofmt)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  defer-fix                        list findings under the current directory",
            "  defer-fix -d ./... | git apply   preview the rewrites as a diff, then apply them",
            "  defer-fix -w cmd/ internal/      rewrite files in place",
            "  defer-fix --check --format sarif .",
            "                                   for CI: findings as SARIF, exit 1 if any",
            "  defer-fix --diff-base origin/main",
            "                                   only findings on lines changed since origin/main",
            "  defer-fix - < main.go > new.go   filter standard input, like gofmt",
            "",
            "Exit codes: 0 nothing left to report; 1 findings remain (with -d or --check:",
            "also when something would change); 2 an error (bad arguments, unreadable or",
            "unparsable file, write failure), the other files are still processed.",
            "",
            "A symlinked file is rewritten through the link only when its target is inside",
            "the scanned tree; dangling links and link loops are reported."})
final class CommandOptions {
    @Option(names = {"-l", "--list"}, description = "List findings (the default when paths are given).")
    boolean list;

    @Option(names = {"-d", "--diff", "--dry-run"}, description = "Print the unified diff of every rewrite; change nothing.")
    boolean diff;

    @Option(names = {"-w", "--write"}, description = "Rewrite files in place.")
    boolean write;

    @Option(names = "--check", description = "For CI: print findings only; exit 1 if anything would change or any warning remains.")
    boolean check;

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "auto (default), explicit-close, closure-scope or semaphore.")
    String strategy = "auto";

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "Iterations running at once with --strategy semaphore (default: 4).")
    Integer maxConcurrency;

    @Option(names = "--go-version", paramLabel = "1.xx", description = "Go language version; overrides go.mod.")
    String goVersion;

    @Option(names = "--strict", description = "Treat notes (defers that run at most once) as warnings and rewrite them.")
    boolean strict;

    @Option(names = "--explain", description = "Explain each finding and each rewrite or refusal.")
    boolean explain;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Findings as text (default), json or sarif.")
    String format = "text";

    @Option(names = "--jobs", paramLabel = "N", description = "Files processed at once (default: all cores).")
    Integer jobs;

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Skip and report files over SIZE bytes (suffix k, M or G; 0: no limit; default: ${DEFAULT-VALUE}).")
    String maxFileSize = "2M";

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip matching files and directories (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--include-generated", description = "Also scan files marked '// Code generated ... DO NOT EDIT.'.")
    boolean includeGenerated;

    @Option(names = "--diff-base", paramLabel = "REV", description = "Only findings on lines added or changed since git revision REV.")
    String diffBase;

    @Option(names = "--stdin-filename", paramLabel = "PATH", description = "Name of standard input, for messages and go.mod lookup.")
    String stdinFilename;

    @Option(names = "--color", paramLabel = "WHEN",
            description = "Color the diff: auto (on a terminal, default), always or never.")
    String color = "auto";

    @Option(names = "--version", description = "Print the version and exit.")
    boolean version;

    @Option(names = {"-h", "--help"}, description = "Print this help and exit.")
    boolean help;

    @Option(names = "--parse-all", hidden = true, description = "Diagnostic: parse every .go file, report errors.")
    boolean parseAll;

    @Parameters(paramLabel = "PATH", description = "Files or directories (default: the current directory); '-' for standard input.")
    List<String> paths = new ArrayList<>();
}
