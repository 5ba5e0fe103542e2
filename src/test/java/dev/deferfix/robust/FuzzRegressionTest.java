package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Severity;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Minimal forms of inputs the fuzzer found crashing, each pinned to what the tool must do instead. */
class FuzzRegressionTest {

    /** Fuzz seed=20261128 input=642: "firsts = append(...)" with "=" duplicated; LoopExitAnalysis threw NPE. */
    @Test
    void anExpressionStatementThatIsNotACallAfterTheDeferKeepsTheWarning() throws Exception {
        String source = """
                package p

                func f(xs []int, y int) {
                	for _, x := range xs {
                		defer g(x)
                		x == y
                	}
                }
                """;
        List<Finding> findings = detect(source);
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
    }

    /**
     * Fuzz seed=1 inputs 896, 5402, 6675, 9307, 12475, 16947, 18462: a return whose value count is not the
     * function's result count (type-invalid, syntactically fine) threw IndexOutOfBoundsException in
     * closure-scope (BodyWrapping.assignThen, FlowSignals.readsEarlierTarget). Now closure-scope refuses it.
     */
    @Test
    void aReturnWithMoreValuesThanTheFunctionHasResultsIsRefusedNotACrash() throws Exception {
        String source = """
                package p

                import "os"

                func f(paths []string) int {
                	for _, path := range paths {
                		file, err := os.Open(path)
                		if err != nil {
                			return 1, err
                		}
                		defer file.Close()
                	}
                	return 0
                }
                """;
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        // The oracle throws on any exception, internal error, unparsable or non-idempotent rewrite.
        assertNotEquals(RewriteOracle.Verdict.SYNTAX_ERROR,
                new RewriteOracle().judge("mismatch.go", bytes, GoVersion.NEWEST, false));
    }

    /** Fuzz seed=2 input=12678: "return err" in a function without results gave closure-scope " = err". */
    @Test
    void aReturnWithAValueFromAFunctionWithoutResultsIsNotRewrittenIntoBrokenCode() throws Exception {
        String source = """
                package p

                import "os"

                func f(paths []string) {
                	for _, path := range paths {
                		file, err := os.Open(path)
                		if err != nil {
                			return err
                		}
                		defer file.Close()
                		if path == "stop" {
                			break
                		}
                	}
                }
                """;
        assertNotEquals(RewriteOracle.Verdict.SYNTAX_ERROR, new RewriteOracle().judge("novalues.go",
                source.getBytes(StandardCharsets.UTF_8), GoVersion.NEWEST, true));
    }

    /**
     * Fuzz seed=1 inputs 9633 and 13755: '"fmt"' then a lone CR (a space to Go) then ')': the semaphore
     * strategy put '"sync"' on the line after ')', so its rewrite did not parse (an internal error, file left
     * unchanged). One-line import groups had the same problem. Such a layout must give a refusal or a rewrite
     * that parses, never an internal error.
     */
    @Test
    void theSyncImportGoesInsideAnImportGroupThatSharesALineWithItsParenthesis() throws Exception {
        String fixture = Files.readString(Path.of("fixtures/rewrite/cs-semaphore-go122/input.go"));
        String imports = "import (\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\n)";
        assertTrue(fixture.contains(imports), "the fixture's imports changed; update this test");
        for (String variant : List.of("import (\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\r)",
                "import (\"fmt\"; \"io\"; \"os\")", "import (\"fmt\"; \"io\"\n\t\"os\")",
                "import (\"fmt\"\n\t\"io\"; \"os\"; \"unicode\")")) {
            byte[] bytes = fixture.replace(imports, variant).getBytes(StandardCharsets.UTF_8);
            assertEquals(RewriteOracle.Verdict.REWRITTEN, new RewriteOracle().judge("imports.go", bytes,
                    GoVersion.NEWEST, false), variant);
        }
    }

    private static List<Finding> detect(String source) throws Exception {
        ParsedFile parsed = GoParsing.parse("regression.go", source.getBytes(StandardCharsets.UTF_8));
        return Detector.detect(parsed, GoVersion.NEWEST);
    }
}
