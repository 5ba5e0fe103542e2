package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DeferredWaitCheck: a deferred wait for goroutines the loop starts keeps them running at once. */
class DeferredWaitCheckTest {

    private static String loopWith(String body) {
        return """
                package p

                import (
                	"os"
                	"sync"
                )

                func work(c chan bool, wg *sync.WaitGroup) {}

                func spread(n int, wg *sync.WaitGroup) {
                	c := make(chan bool, n)
                	for i := 0; i < n; i++ {
                		BODY
                	}
                }
                """.replace("BODY", body);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "go work(c, wg);defer func() {;\t<-c;}() | receives from a channel, and the body starts a goroutine at line 13",
        "wg.Add(1);go work(c, wg);defer wg.Wait() | calls wg.Wait(), and the body starts a goroutine at line 14",
        "defer func() {;\tselect {;\tcase <-c:;\t};}();if i > 0 {;\tgo work(c, wg);} "
                + "| waits in a select, and the body starts a goroutine at line 19",
    })
    void refusesAWaitForGoroutinesOfTheIteration(String statements, String detail) throws Exception {
        String body = statements.strip().replace(";", "\n\t\t");
        Refusal refusal = EscapeAnalysisTest.assertRefused(loopWith(body), new DeferredWaitCheck(),
                RefusalReason.WAITS_FOR_GOROUTINES);
        assertEquals("the deferred call " + detail, refusal.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "defer func() {\n\t\t\t<-c\n\t\t}()",
        "defer wg.Wait()",
        "go work(c, wg)\n\t\tf, _ := os.Open(\"x\")\n\t\tdefer f.Close()",
    })
    void letsThroughAWaitWithoutGoroutinesOrAnotherCleanup(String body) throws Exception {
        assertNull(EscapeAnalysisTest.check(loopWith(body), new DeferredWaitCheck()), body);
    }
}
