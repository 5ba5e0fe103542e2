package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.testing.GoSources;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The control-flow classifier through DeferFinder: NOTE when every path from
 * the defer leaves the outermost loop for good, WARNING when the loop may go
 * round again. Each case is a function body around "defer f()".
 */
class LoopExitAnalysisTest {

    private static Severity severityOf(String body) {
        String source = "package p\n\nimport \"os\"\n\nvar _ = os.Exit\n\nfunc f() {}\n\n"
                + "func g(xs []int, a, b chan int, c bool) int {\n" + body + "\n\treturn 0\n}\n";
        List<DeferSite> sites = DeferFinder.find(GoSources.parse("p.go", source));
        assertEquals(1, sites.size(), "one defer in a loop expected in:\n" + source);
        return sites.get(0).severity();
    }

    @Test
    void returnAfterTheDeferIsANote() {
        assertEquals(Severity.NOTE, severityOf("for range xs {\n defer f()\n return 1\n}"));
    }

    @Test
    void reachingTheEndOfTheBodyIsAWarning() {
        assertEquals(Severity.WARNING, severityOf("for range xs {\n defer f()\n}"));
    }

    @Test
    void breakOfTheLoopIsANote() {
        assertEquals(Severity.NOTE, severityOf("for range xs {\n defer f()\n break\n}"));
    }

    @Test
    void breakInsideSwitchTargetsTheSwitch() {
        assertEquals(Severity.WARNING, severityOf(
                "for range xs {\n defer f()\n switch {\n case c:\n  break\n default:\n  return 1\n }\n}"));
        assertEquals(Severity.NOTE, severityOf(
                "for range xs {\n defer f()\n switch {\n case c:\n  return 2\n default:\n  return 1\n }\n}"));
    }

    @Test
    void breakInsideSelectTargetsTheSelect() {
        assertEquals(Severity.WARNING, severityOf(
                "for range xs {\n defer f()\n select {\n case <-a:\n  break\n case <-b:\n  return 1\n }\n}"));
    }

    @Test
    void selectWithoutDefaultWhoseEveryCaseLeavesIsANote() {
        assertEquals(Severity.NOTE, severityOf(
                "for range xs {\n defer f()\n select {\n case <-a:\n  return 1\n case <-b:\n  panic(0)\n }\n}"));
    }

    @Test
    void switchWithoutDefaultMayFallThroughToTheNextIteration() {
        assertEquals(Severity.WARNING, severityOf(
                "for range xs {\n defer f()\n switch {\n case c:\n  return 1\n }\n}"));
    }

    @Test
    void ifAndElseBothReturning() {
        assertEquals(Severity.NOTE, severityOf(
                "for range xs {\n defer f()\n if c {\n  return 1\n } else {\n  return 2\n }\n}"));
        assertEquals(Severity.NOTE, severityOf(
                "for range xs {\n defer f()\n if c {\n  return 1\n } else if len(xs) > 0 {\n  os.Exit(2)\n } else {\n  panic(3)\n }\n}"));
        assertEquals(Severity.WARNING, severityOf("for range xs {\n defer f()\n if c {\n  return 1\n }\n}"));
        assertEquals(Severity.WARNING, severityOf(
                "for range xs {\n defer f()\n if c {\n  return 1\n } else if len(xs) > 0 {\n  return 2\n }\n}"));
    }

    @Test
    void labeledBreakOfTheOuterLoopIsANoteButOfTheInnerLoopIsNot() {
        assertEquals(Severity.NOTE, severityOf(
                "outer:\nfor range xs {\n for {\n  defer f()\n  break outer\n }\n}"));
        assertEquals(Severity.WARNING, severityOf(
                "outer:\nfor range xs {\n inner:\n for {\n  defer f()\n  break inner\n }\n}"));
        assertEquals(Severity.WARNING, severityOf("for range xs {\n for {\n  defer f()\n  break\n }\n}"));
    }

    @Test
    void breakOfAnInnerConstructContinuesAfterIt() {
        assertEquals(Severity.NOTE, severityOf("for range xs {\n for {\n  defer f()\n  break\n }\n return 1\n}"));
        assertEquals(Severity.NOTE, severityOf(
                "for range xs {\n switch {\n case c:\n  defer f()\n  break\n }\n return 1\n}"));
        assertEquals(Severity.NOTE, severityOf(
                "for range xs {\n select {\n case <-a:\n  defer f()\n  if c {\n   break\n  } else {\n   panic(1)\n  }\n }\n"
                        + " return 1\n}"));
        assertEquals(Severity.WARNING, severityOf(
                "for range xs {\n switch {\n case c:\n  defer f()\n  break\n }\n println()\n}"));
        assertEquals(Severity.WARNING, severityOf(
                "for range xs {\n for range xs {\n  for {\n   defer f()\n   break\n  }\n }\n return 1\n}"),
                "after the innermost loop, the middle loop goes round again");
    }

    @Test
    void continueGoesRoundAgain() {
        assertEquals(Severity.WARNING, severityOf("for range xs {\n defer f()\n if c {\n  continue\n }\n return 1\n}"));
        assertEquals(Severity.WARNING, severityOf(
                "outer:\nfor range xs {\n for {\n  defer f()\n  continue outer\n }\n}"));
    }

    @Test
    void gotoForwardOutOfTheLoopIsANote() {
        assertEquals(Severity.NOTE, severityOf("for range xs {\n defer f()\n goto done\n}\ndone:\n println()"));
    }

    @Test
    void gotoBackwardToBeforeTheLoopRunsItAgain() {
        assertEquals(Severity.WARNING, severityOf("again:\nfor range xs {\n defer f()\n goto again\n}"));
    }

    @Test
    void gotoWithinTheBodyDoesNotLeave() {
        assertEquals(Severity.WARNING, severityOf(
                "for range xs {\n defer f()\n goto next\nnext:\n println()\n}"));
    }

    @Test
    void noReturnCallsLeave() {
        for (String call : List.of("panic(1)", "os.Exit(1)")) {
            assertEquals(Severity.NOTE, severityOf("for range xs {\n defer f()\n " + call + "\n}"), call);
        }
    }

    @Test
    void leavingOnlyInsideANestedLoopDoesNotCount() {
        assertEquals(Severity.WARNING, severityOf("for range xs {\n defer f()\n for range xs {\n  return 1\n }\n}"));
    }

    @Test
    void aDeferInsideACaseClauseFollowedByReturnAfterTheSwitch() {
        assertEquals(Severity.NOTE, severityOf(
                "for range xs {\n switch {\n case c:\n  defer f()\n }\n return 1\n}"));
        assertEquals(Severity.WARNING, severityOf(
                "for range xs {\n switch {\n case c:\n  defer f()\n  fallthrough\n default:\n }\n}"));
    }
}
