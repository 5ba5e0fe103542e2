package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TimingCommentCheck: a comment at the defer that speaks of when it runs keeps the defer as it is. */
class TimingCommentCheckTest {

    private static String loopWith(String deferLines) {
        return """
                package p

                import "net"

                func hold(ln net.Listener, n int) {
                	for i := 0; i < n; i++ {
                		c, err := net.Dial("tcp", ln.Addr().String())
                		if err != nil {
                			return
                		}
                		c.Write(nil)
                		DEFER
                	}
                }
                """.replace("DEFER", deferLines);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "// Leave c open until the listener is closed.\n\t\tdefer c.Close()",
        "defer c.Close() // yup, defer in a loop",
        "// We want to close this eventually,\n\t\t// but not before the check at the bottom.\n\t\tdefer c.Close()",
        "/* Closed when the test ends, on purpose. */\n\t\tdefer c.Close()",
        "// Keep them all open: deliberately.\n\t\tdefer c.Close() // want \"in a loop\"",
        "// Drop them all after we're done.\n\t\tdefer c.Close()",
    })
    void refusesWhenTheCommentSpeaksOfTiming(String lines) throws Exception {
        Refusal refusal = EscapeAnalysisTest.assertRefused(loopWith(lines), new TimingCommentCheck(),
                RefusalReason.TIMING_COMMENTED);
        assertTrue(refusal.detail().startsWith("the comment says \""), refusal.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "defer c.Close()",
        "// Close the connection when done.\n\t\tdefer c.Close()",
        "defer c.Close() // want \"defer c.Close\\\\(\\\\) in a loop runs until hold returns\"",
        "// Closed when the test ends, on purpose.\n\n\t\tdefer c.Close()",
        "// The close is deferred per iteration, to be closed later.\n\t\tdefer c.Close()",
        "// Close it after we read the reply.\n\t\tdefer c.Close()",
        "defer c.Close() //nolint:errcheck // deferred until later",
    })
    void letsOtherCommentsThrough(String lines) throws Exception {
        assertNull(EscapeAnalysisTest.check(loopWith(lines), new TimingCommentCheck()), lines);
    }

    @Test
    void aCommentEndingTheLineAboveBelongsToThatLine() throws Exception {
        String source = loopWith("defer c.Close()").replace("c.Write(nil)", "c.Write(nil) // kept until the end");
        assertNull(EscapeAnalysisTest.check(source, new TimingCommentCheck()));
    }

    @Test
    void quotesTheCommentInTheDetail() throws Exception {
        Refusal refusal = EscapeAnalysisTest.check(
                loopWith("// Leave c open until the listener is closed.\n\t\tdefer c.Close()"), new TimingCommentCheck());
        assertEquals("the comment says \"until\": // Leave c open until the listener is closed.", refusal.detail());
    }
}
