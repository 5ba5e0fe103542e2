package dev.deferfix.run;

import dev.deferfix.find.BuildLineVersion;
import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoModLocator;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.LoopDeferScreen;
import dev.deferfix.find.Rule;
import dev.deferfix.fix.FileFix;
import dev.deferfix.fix.Fixer;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.SyntaxError;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pipeline for one input: skip generated files and files where no defer
 * can sit in a loop (LoopDeferScreen), parse, detect, rewrite, and find what is
 * left after the rewrite. Never throws for bad input: every problem becomes an error line.
 */
public final class FileProcessor {
    private final RunOptions options;
    private final Fixer fixer;
    private final ChangedLines changedLines;
    private final GoModLocator goMods = new GoModLocator();

    /**
     * @param fixer        null when {@code options.planFixes()} is false: it is never used then
     * @param changedLines with --diff-base, the lines whose findings count; else null (all lines count)
     */
    public FileProcessor(RunOptions options, Fixer fixer, ChangedLines changedLines) {
        this.options = options;
        this.fixer = fixer;
        this.changedLines = changedLines;
    }

    public FileOutcome process(SourceFile source) {
        byte[] content = source.content();
        String tooLarge = sizeProblem(source.displayPath(), content.length);
        if (tooLarge != null) {
            return FileOutcome.failed(source, tooLarge);
        }
        if (!options.includeGenerated() && GeneratedFiles.isGenerated(content)) {
            return FileOutcome.skippedGenerated(source);
        }
        if (!LoopDeferScreen.mayHoldLoopDefer(content)) {
            return FileOutcome.clean(source);
        }
        try {
            return analyse(source).withoutSites();
        } catch (SyntaxError e) {
            return FileOutcome.failed(source, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return FileOutcome.failed(source, source.displayPath() + ": internal error: " + e);
        }
    }

    /** The error for a file over --max-file-size, or null. */
    public String sizeProblem(String displayPath, long size) {
        if (options.maxFileSize() <= 0 || size <= options.maxFileSize()) {
            return null;
        }
        return displayPath + ": skipped: " + size + " bytes is over the --max-file-size limit of "
                + options.maxFileSize() + " bytes";
    }

    private FileOutcome analyse(SourceFile source) throws SyntaxError {
        ParsedFile parsed = GoParsing.parse(SourceText.decode(source.displayPath(), source.content()).at(source.location()));
        GoVersion version = options.goVersion() != null ? options.goVersion()
                : BuildLineVersion.apply(goMods.versionFor(source.location()), parsed.source().text(),
                        source.displayPath());
        List<Finding> findings = onChangedLines(source, Detector.detect(parsed, version));
        if (!needsRewriteStage(findings)) {
            return new FileOutcome(source, null, findings, findings, List.of(), false, false);
        }
        FileFix fix = fixer.fix(parsed, findings, options.fixOptions(version));
        List<String> errors = fix.internalError() == null ? List.of()
                : List.of(source.displayPath() + ": " + fix.internalError());
        String original = parsed.source().text();
        if (fix.text().equals(original)) {
            return new FileOutcome(source, null, fix.findings(), fix.findings(), errors, false, false);
        }
        List<Finding> remaining = !options.mode().rewrites() ? fix.findings()
                : sameAs(findings, Detector.detect(GoParsing.parse(parsed.source().withText(fix.text())),
                        version));
        return new FileOutcome(source, fix.text(), fix.findings(), remaining, errors, false, false);
    }

    private boolean needsRewriteStage(List<Finding> findings) {
        if (!options.planFixes()) {
            return false;
        }
        for (Finding finding : findings) {
            if (finding.rule() == Rule.DEFER_IN_LOOP && !finding.isSuppressed()) {
                return true;
            }
        }
        return false;
    }

    private List<Finding> onChangedLines(SourceFile source, List<Finding> findings) {
        if (changedLines == null) {
            return findings;
        }
        return findings.stream().filter(f -> changedLines.covers(source.location(), f)).toList();
    }

    /**
     * The findings left after a rewrite that were reported before it (fingerprints survive edits
     * elsewhere); with --diff-base this keeps out findings on unchanged lines.
     */
    private List<Finding> sameAs(List<Finding> before, List<Finding> after) {
        if (changedLines == null) {
            return after;
        }
        Set<String> reported = before.stream().map(Finding::fingerprint).collect(Collectors.toSet());
        return after.stream().filter(f -> reported.contains(f.fingerprint())).toList();
    }
}
