package dev.deferfix.parse.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.testing.GoToolchain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;

/**
 * The prediction table answers as ANTLR's own SLL prediction does: every
 * prediction of a parse asks both, and they must agree wherever the table
 * answers. The table must also answer most of them, or it saves nothing.
 * (The one prediction {@link QuickPrediction} makes before asking the table is
 * not counted.)
 */
class PredictionTableTest {
    private static final Path FIXTURES = Path.of("fixtures");
    private static final Path EXAMPLE = FIXTURES.resolve("example/main.go");

    /** Asks the table, then ANTLR, at every prediction, and counts. */
    private static final class Agreement {
        final PredictionTable table;
        int predictions;
        int answered;

        Agreement(PredictionTable table) {
            this.table = table;
        }
    }

    private static final class CheckingSimulator extends ParserATNSimulator {
        private final Agreement agreement;
        private String file = "";

        CheckingSimulator(GoParser parser, Agreement agreement) {
            super(parser, GoParser._ATN, GoParser._decisionToDFA, new org.antlr.v4.runtime.atn.PredictionContextCache());
            this.agreement = agreement;
        }

        @Override
        public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
            int before = input.index();
            int fromTable = agreement.table == null ? PredictionTable.UNKNOWN
                    : agreement.table.predict(input, decision, parser.getPrecedence());
            assertEquals(before, input.index(), "the table's walk moved the input");
            int fromAntlr = super.adaptivePredict(input, decision, outerContext);
            if (QuickPrediction.startsSignatureResult(input, decision)) {
                return fromAntlr; // answered before the table is asked
            }
            agreement.predictions++;
            if (fromTable != PredictionTable.UNKNOWN) {
                agreement.answered++;
                assertEquals(fromAntlr, fromTable, file + ": decision " + decision + " at token " + input.LT(1));
            }
            return fromAntlr;
        }
    }

    /** Parses in SLL mode, as the first pass does; false when that fails (a broken file). */
    private static boolean parse(String name, String text, Agreement agreement) {
        SemicolonInsertingLexer lexer = new SemicolonInsertingLexer(new GoCharStream(text, name));
        lexer.removeErrorListeners();
        GoParser parser = new GoParser(new GoTokenStream(lexer, 16));
        CheckingSimulator simulator = new CheckingSimulator(parser, agreement);
        simulator.file = name;
        simulator.setPredictionMode(PredictionMode.SLL);
        parser.setInterpreter(simulator);
        parser.removeErrorListeners();
        parser.setBuildParseTree(false);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            parser.sourceFile();
            return true;
        } catch (ParseCancellationException syntaxError) {
            return false;
        }
    }

    private static boolean parseFile(Path file, Agreement agreement) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), agreement);
    }

    @Test
    void theBuildBundlesATableForThisGrammar() {
        assertNotNull(PredictionTable.bundled(), "no prediction table beside the classes: the build's step failed?");
    }

    @Test
    void itAnswersEveryPredictionOfTheExampleItWasNotBuiltFromAsAntlrDoes() throws IOException {
        Agreement agreement = new Agreement(PredictionTable.bundled());
        assertTrue(parseFile(EXAMPLE, agreement));
        assertTrue(agreement.predictions > 20, "predictions: " + agreement.predictions);
        // All of them, or a one-file run pays for loading ANTLR's prediction after all.
        assertEquals(agreement.predictions, agreement.answered);
    }

    @Test
    void itAgreesWithAntlrOnEveryValidFixture() throws IOException {
        Agreement agreement = new Agreement(PredictionTable.bundled());
        for (Path file : GoToolchain.goFilesUnder(FIXTURES)) {
            if (!file.startsWith(FIXTURES.resolve("bad"))) {
                assertTrue(parseFile(file, agreement), file + " parses");
            }
        }
        assertEquals(agreement.predictions, agreement.answered, "it was built from these files");
    }

    @Test
    void itAgreesWithAntlrOnTheStandardLibraryAndAnswersMostPredictions() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        Agreement agreement = new Agreement(PredictionTable.bundled());
        int parsed = 0;
        for (Path file : GoToolchain.goFilesUnder(src)) {
            if (!GoToolchain.isKnownBrokenStdlibFile(src.relativize(file).toString()) && parseFile(file, agreement)) {
                parsed++;
            }
        }
        assertTrue(parsed > 5400, "files parsed: " + parsed);
        double share = (double) agreement.answered / agreement.predictions;
        assertTrue(share > 0.9, "the table answered " + agreement.answered + " of " + agreement.predictions);
    }

    @Test
    void aTableWrittenFromTheLiveDfaReadsBackAndAnswersWhatItSaw() throws IOException {
        String snippet = "package p\n\nfunc f(xs []int) (n int) {\n\tfor i, x := range xs {\n\t\tn += x * i\n"
                + "\t\tif x > 2 && x < 9 || x == -1 {\n\t\t\tcontinue\n\t\t}\n\t}\n\treturn n\n}\n";
        assertTrue(parse("snippet.go", snippet, new Agreement(null)), "ANTLR alone fills the shared DFA");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        PredictionTableBuilder.write(written);
        PredictionTable table = PredictionTable.read(written.toByteArray());
        assertNotNull(table);

        Agreement agreement = new Agreement(table);
        assertTrue(parse("snippet.go", snippet, agreement));
        assertEquals(agreement.predictions, agreement.answered, "the DFA holds every prediction of the snippet");
    }

    @Test
    void aTableForAnotherGrammarOrCutShortIsNotUsed() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        PredictionTableBuilder.write(written);
        byte[] bytes = written.toByteArray();
        assertNotNull(PredictionTable.read(bytes));

        byte[] otherGrammar = bytes.clone();
        ByteBuffer.wrap(otherGrammar).putInt(4, GoParser._serializedATN.length() + 1);
        assertNull(PredictionTable.read(otherGrammar));
        byte[] otherFormat = bytes.clone();
        ByteBuffer.wrap(otherFormat).putInt(0, PredictionTable.FORMAT + 1);
        assertNull(PredictionTable.read(otherFormat));
        assertNull(PredictionTable.read(Arrays.copyOf(bytes, bytes.length - 4)));
    }
}
