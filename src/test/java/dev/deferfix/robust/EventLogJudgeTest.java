package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List<String> rewritten = List.of(
                "iter 1 @c/L1.1", "open s2 @c/L1.1", "work w3 @c/L1.1", "close s2 @c/L1.1",
                "iter 2 @c/L1.2", "open s2 @c/L1.2", "work w3 @c/L1.2", "close s2 @c/L1.2",
                "after L1 @c", "R f0 1");
        assertEquals(List.of(), EventLogJudge.judge(ORIGINAL, rewritten, FIXED));
    }

    @Test
    void acceptsTheUnchangedLogOfARefusedSite() {
        assertEquals(List.of(), EventLogJudge.judge(ORIGINAL, ORIGINAL, Map.of()));
    }

    @Test
    void rejectsACleanupRunBeforeTheWorkOfItsIteration() {
        List<String> early = List.of(
                "iter 1 @c/L1.1", "open s2 @c/L1.1", "close s2 @c/L1.1", "work w3 @c/L1.1",
                "iter 2 @c/L1.2", "open s2 @c/L1.2", "work w3 @c/L1.2", "close s2 @c/L1.2",
                "after L1 @c", "R f0 1");
        assertProblem(EventLogJudge.judge(ORIGINAL, early, FIXED), "still part of its iteration");
    }

    @Test
    void rejectsACleanupRunAfterTheNextIterationStarted() {
        List<String> late = List.of(
                "iter 1 @c/L1.1", "open s2 @c/L1.1", "work w3 @c/L1.1",
                "iter 2 @c/L1.2", "close s2 @c/L1.1", "open s2 @c/L1.2", "work w3 @c/L1.2", "close s2 @c/L1.2",
                "after L1 @c", "R f0 1");
        assertProblem(EventLogJudge.judge(ORIGINAL, late, FIXED), "not part of its iteration");
    }

    @Test
    void rejectsACleanupOfARefusedSiteThatMoved() {
        List<String> moved = List.of(
                "iter 1 @c/L1.1", "open s2 @c/L1.1", "work w3 @c/L1.1", "close s2 @c/L1.1",
                "iter 2 @c/L1.2", "open s2 @c/L1.2", "work w3 @c/L1.2", "close s2 @c/L1.2",
                "after L1 @c", "R f0 1");
        assertProblem(EventLogJudge.judge(ORIGINAL, moved, Map.of()), "events other than the fixed cleanups");
    }

    @Test
    void rejectsADifferentResultOrAMissingCleanup() {
        List<String> wrong = List.of(
                "iter 1 @c/L1.1", "open s2 @c/L1.1", "work w3 @c/L1.1", "close s2 @c/L1.1",
                "iter 2 @c/L1.2", "open s2 @c/L1.2", "work w3 @c/L1.2",
                "after L1 @c", "R f0 2");
        List<String> problems = EventLogJudge.judge(ORIGINAL, wrong, FIXED);
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

    private static void assertProblem(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing '" + expected + "' in " + problems);
    }
}
