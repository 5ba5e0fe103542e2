package dev.deferfix.robust;

import dev.deferfix.find.Detector;
import dev.deferfix.find.LoopDeferScreen;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.fix.FileFix;
import dev.deferfix.fix.FixOptions;
import dev.deferfix.fix.Fixer;
import dev.deferfix.fix.Strategies;
import dev.deferfix.fix.Strategy;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one input against what the tool promises for any bytes at all: the
 * parser either reports a well-formed syntax error or returns a tree whose
 * tokens print back to the exact text; then, with every registered strategy
 * and with "auto", the rewrite leaves no internal error, its output parses,
 * and fixing that output again changes nothing. Any violation (or any
 * exception) is thrown as an {@link AssertionError} describing it.
 */
final class RewriteOracle {
    /** What an acceptable run did with the input. */
    enum Verdict {
        SYNTAX_ERROR, PARSED, REWRITTEN
    }

    private final Fixer fixer = Strategies.defaultFixer();
    private final List<String> strategies;

    RewriteOracle() {
        List<String> names = new ArrayList<>();
        for (Strategy strategy : Strategies.all()) {
            names.add(strategy.name());
        }
        names.add(FixOptions.AUTO);
        strategies = List.copyOf(names);
    }

    List<String> strategies() {
        return strategies;
    }

    Verdict judge(String path, byte[] input, GoVersion version, boolean strict) {
        ParsedFile parsed;
        try {
            parsed = GoParsing.parse(path, input);
        } catch (SyntaxError error) {
            checkWellFormed(error, path, input);
            return Verdict.SYNTAX_ERROR;
        }
        checkTokensPrintBack(parsed);
        List<Finding> findings = Detector.detect(parsed, version);
        if (!findings.isEmpty() && !LoopDeferScreen.mayHoldLoopDefer(input)) {
            throw new AssertionError("the pre-parse screen keeps out a file with " + findings.size() + " findings");
        }
        boolean rewritten = false;
        for (String strategy : strategies) {
            FixOptions options = new FixOptions(strategy, 4, strict, version);
            String output = fixChecked(parsed, findings, options, "input");
            if (!output.equals(parsed.source().text())) {
                rewritten = true;
                ParsedFile again = parseOutput(path, output, strategy);
                String second = fixChecked(again, Detector.detect(again, version), options, "its own output");
                if (!second.equals(output)) {
                    throw new AssertionError("not idempotent with " + strategy
                            + ": fixing the output again changed it" + firstDifference(output, second));
                }
            }
        }
        return rewritten ? Verdict.REWRITTEN : Verdict.PARSED;
    }

    private String fixChecked(ParsedFile file, List<Finding> findings, FixOptions options, String what) {
        FileFix fix = fixer.fix(file, findings, options);
        if (fix.internalError() != null) {
            throw new AssertionError("rewrite of " + what + " with " + options.strategy() + ": "
                    + fix.internalError());
        }
        return fix.text();
    }

    private static ParsedFile parseOutput(String path, String output, String strategy) {
        try {
            return GoParsing.parse(path, output.getBytes(StandardCharsets.UTF_8));
        } catch (SyntaxError broken) {
            throw new AssertionError("the rewrite with " + strategy + " does not parse: " + broken.getMessage());
        }
    }

    private static void checkWellFormed(SyntaxError error, String path, byte[] input) {
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i < input.length && line < error.line(); i++) {
            if (input[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = lineStart;
        while (lineEnd < input.length && input[lineEnd] != '\n') {
            lineEnd++;
        }
        boolean placed = error.line() >= 1 && line == error.line() && error.column() >= 1
                && error.column() <= lineEnd - lineStart + 1;
        if (!error.getMessage().startsWith(path + ":") || !placed || error.reason().isBlank()) {
            throw new AssertionError("malformed or misplaced syntax error: " + error.getMessage());
        }
    }

    private static void checkTokensPrintBack(ParsedFile parsed) {
        String text = parsed.source().text();
        int at = 0;
        for (GoToken token : parsed.tokens()) {
            if (token.start() != at || token.end() < token.start()) {
                throw new AssertionError("tokens do not cover the text: " + token + " after offset " + at);
            }
            at = token.end();
        }
        if (at != text.length()) {
            throw new AssertionError("tokens end at " + at + " but the text has " + text.length() + " chars");
        }
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return " (first difference at offset " + i + ")";
    }
}
