package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Severity;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
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

    private static List<Finding> detect(String source) throws Exception {
        ParsedFile parsed = GoParsing.parse("regression.go", source.getBytes(StandardCharsets.UTF_8));
        return Detector.detect(parsed, GoVersion.NEWEST);
    }
}
