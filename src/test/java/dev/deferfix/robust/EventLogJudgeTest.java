package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge of {@link DifferentialRewriteTest} on hand-written logs of two iterations. */
class EventLogJudgeTest {
    private static final List<String> ORIGINAL = List.of(
            "iter 1 @c/L1.1", "open s2 @c/L1.1", "work w3 @c/L1.1",
            "iter 2 @c/L1.2", "open s2 @c/L1.2", "work w3 @c/L1.2",
            "after L1 @c", "close s2 @c/L1.2", "close s2 @c/L1.1", "R f0 1");
    private static final Map<Integer, String> FIXED = Map.of(2, "explicit-close");

    @Test
    void acceptsEachCleanupAtTheEndOfItsIteration() {
        assertEquals(List.of(), EventLogJudge.judge(ORIGINAL, withCleanups(3, 6, "R f0 1"), FIXED));
    }

    @Test
    void acceptsTheUnchangedLogOfARefusedSite() {
        assertEquals(List.of(), EventLogJudge.judge(ORIGINAL, ORIGINAL, Map.of()));
    }

    @Test
    void rejectsACleanupRunBeforeTheWorkOfItsIteration() {
        assertProblem(EventLogJudge.judge(ORIGINAL, withCleanups(2, 6, "R f0 1"), FIXED), "still part of its iteration");
    }

    @Test
    void rejectsACleanupRunAfterTheNextIterationStarted() {
        assertProblem(EventLogJudge.judge(ORIGINAL, withCleanups(4, 6, "R f0 1"), FIXED), "not part of its iteration");
    }

    @Test
    void rejectsACleanupOfARefusedSiteThatMoved() {
        assertProblem(EventLogJudge.judge(ORIGINAL, withCleanups(3, 6, "R f0 1"), Map.of()),
                "events other than the fixed cleanups");
    }

    @Test
    void rejectsADifferentResultOrAMissingCleanup() {
        List<String> problems = EventLogJudge.judge(ORIGINAL, withCleanups(3, -1, "R f0 2"), FIXED);
        assertProblem(problems, "before 'R f0 1', after 'R f0 2'");
        assertProblem(problems, "cleanup missing after the rewrite: close s2 @c/L1.2");
    }

    @Test
    void excusesTheCleanupAPanicSkipsOnlyForExplicitClose() {
        List<String> original = List.of("iter 1 @c/L1.1", "open s2 @c/L1.1", "panic p3 @c/L1.1",
                "close s2 @c/L1.1", "recovered p3 @c");
        List<String> skipped = List.of("iter 1 @c/L1.1", "open s2 @c/L1.1", "panic p3 @c/L1.1", "recovered p3 @c");
        assertEquals(List.of(), EventLogJudge.judge(original, skipped, FIXED));
        assertProblem(EventLogJudge.judge(original, skipped, Map.of(2, "closure-scope")), "cleanup missing");
    }

    @Test
    void rejectsCleanupsOfOneIterationInAnotherOrder() {
        List<String> original = List.of("iter 1 @c/L1.1", "open s2 @c/L1.1", "open s3 @c/L1.1",
                "after L1 @c", "close s3 @c/L1.1", "close s2 @c/L1.1");
        List<String> swapped = List.of("iter 1 @c/L1.1", "open s2 @c/L1.1", "open s3 @c/L1.1",
                "close s2 @c/L1.1", "close s3 @c/L1.1", "after L1 @c");
        assertProblem(EventLogJudge.judge(original, swapped, Map.of(2, "explicit-close", 3, "explicit-close")),
                "cleanups of iteration c/L1.1 differ");
    }

    /**
     * The original's events without its cleanups, then the given result; the cleanup of
     * iteration 1 and 2 inserted before the event at that index of it (-1: left out).
     */
    private static List<String> withCleanups(int first, int second, String result) {
        List<String> events = new ArrayList<>(ORIGINAL.subList(0, 7));
        events.add(result);
        if (second >= 0) {
            events.add(second, "close s2 @c/L1.2");
        }
        if (first >= 0) {
            events.add(first, "close s2 @c/L1.1");
        }
        return events;
    }

    private static void assertProblem(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing '" + expected + "' in " + problems);
    }
}
