package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.edit.Edit;
import dev.deferfix.find.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Line endings through the rewrite of every rewrite fixture with every
 * strategy (and auto). Each case is rewritten in its LF form, then in variants:
 * all CRLF, mixed (every other line CRLF), and without a final newline (LF
 * and CRLF). A variant's rewrite must be the LF rewrite up to line endings;
 * a CRLF file has CRLF on every line of its rewrite; every line no edit
 * touches keeps its own ending (mixed files); a missing final newline stays
 * missing.
 */
class LineEndingsTest {

    @TestFactory
    Stream<DynamicTest> everyRewriteKeepsTheLineEndingsOfItsInput() throws Exception {
        List<String> strategies = new ArrayList<>();
        Strategies.all().forEach(strategy -> strategies.add(strategy.name()));
        strategies.add(FixOptions.AUTO);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : RewriteFixturesTest.caseDirectories()) {
            for (String strategy : strategies) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " / " + strategy, () -> check(dir, strategy)));
            }
        }
        return tests.stream();
    }

    private static void check(Path dir, String strategy) throws Exception {
        String lf = RewriteFixturesTest.read(dir.resolve("input.go")).replace("\r\n", "\n");
        String lfFixed = RewriteFixturesTest.fix(dir, lf, strategy).text();
        checkVariant(dir, strategy, "CRLF", lf, lfFixed, text -> text.replace("\n", "\r\n"));
        checkVariant(dir, strategy, "mixed", lf, lfFixed, LineEndingsTest::everyOtherLineCrlf);
        checkVariant(dir, strategy, "no final newline", lf, lfFixed, LineEndingsTest::withoutFinalNewline);
        checkVariant(dir, strategy, "CRLF, no final newline", lf, lfFixed,
                text -> withoutFinalNewline(text.replace("\n", "\r\n")));
    }

    private static void checkVariant(Path dir, String strategy, String variant, String lf, String lfFixed,
                                     UnaryOperator<String> endings) throws Exception {
        String input = endings.apply(lf);
        FileFix fix = RewriteFixturesTest.fix(dir, input, strategy);
        String what = dir.getFileName() + " / " + strategy + " / " + variant;
        assertEquals(null, fix.internalError(), what);
        String output = fix.text();
        if (lfFixed.equals(lf)) {
            assertEquals(input, output, what + ": refused, so nothing may change");
            return;
        }
        String expected = input.endsWith("\n") ? lfFixed : withoutFinalNewline(lfFixed);
        assertEquals(expected, output.replace("\r\n", "\n"), what + ": the rewrite differs beyond line endings");
        assertEquals(input.endsWith("\n"), output.endsWith("\n"), what + ": the final newline changed");
        if (!lf.contains("\r") && input.contains("\r\n") && !variant.startsWith("mixed")) {
            assertTrue(!output.replace("\r\n", "").contains("\n"), what + ": a line of the CRLF file ends in LF only");
        }
        checkUntouchedLinesKept(what, input, output, editsOf(fix));
    }

    private static List<Edit> editsOf(FileFix fix) {
        List<Edit> edits = new ArrayList<>();
        for (Finding finding : fix.findings()) {
            if (finding.resolution() != null && finding.resolution().isFixed()) {
                edits.addAll(finding.resolution().edits());
            }
        }
        return EditOrder.sortedDistinct(edits);
    }

    /** Every input line no edit touches is in the output, ending included, where the edits before it move it. */
    private static void checkUntouchedLinesKept(String what, String input, String output, List<Edit> edits) {
        int lineStart = 0;
        while (lineStart < input.length()) {
            int newline = input.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? input.length() : newline + 1;
            int shift = 0;
            boolean touched = false;
            for (Edit edit : edits) {
                if (edit.end() <= lineStart && edit.start() < lineStart) {
                    shift += edit.text().length() - (edit.end() - edit.start());
                } else if (edit.start() < lineEnd) {
                    touched = true;
                }
            }
            if (!touched) {
                String line = input.substring(lineStart, lineEnd);
                int at = lineStart + shift;
                assertEquals(line, output.substring(Math.min(at, output.length()),
                        Math.min(at + line.length(), output.length())), what + ": untouched line at offset "
                        + lineStart + " changed (ending included)");
            }
            lineStart = lineEnd;
        }
    }

    private static String everyOtherLineCrlf(String lf) {
        StringBuilder mixed = new StringBuilder();
        int line = 0;
        for (char c : lf.toCharArray()) {
            if (c == '\n' && line++ % 2 == 1) {
                mixed.append('\r');
            }
            mixed.append(c);
        }
        return mixed.toString();
    }

    private static String withoutFinalNewline(String text) {
        String stripped = text;
        while (stripped.endsWith("\n")) {
            stripped = stripped.substring(0, stripped.length() - (stripped.endsWith("\r\n") ? 2 : 1));
        }
        return stripped;
    }

    /** Edits sorted by position, each once (a unit's edits are reported on each of its findings). */
    private static final class EditOrder {
        static List<Edit> sortedDistinct(List<Edit> edits) {
            return edits.stream().distinct()
                    .sorted(java.util.Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end)).toList();
        }
    }
}
