package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.testing.GoSources;
import org.junit.jupiter.api.Test;

class JumpTargetsTest {
    static final String SOURCE = """
            package p

            func f(xs []int, ch chan int) {
            outer:
            	for _, x := range xs {
            		switch x {
            		case 1:
            			break /* switch */
            		case 2:
            			continue /* loop */
            		case 3:
            			break outer
            		}
            		select {
            		case <-ch:
            			break /* select */
            		default:
            			for {
            				break /* inner */
            			}
            		}
            	inner:
            		for {
            			continue outer
            			break inner
            		}
            		if x > 9 {
            			goto done
            		}
            		goto again
            	again:
            	}
            done:
            	func() {
            		for {
            			break /* literal */
            		}
            	}()
            }
            """;
    static final ParsedFile FILE = GoSources.parse("p.go", SOURCE);

    /** The node of a kind that starts where the marker text starts. */
    static SyntaxNode at(ParsedFile file, NodeKind kind, String marker) {
        int offset = file.source().text().indexOf(marker);
        assertTrue(offset >= 0, marker);
        return file.root().descendants(kind).stream().filter(n -> n.start() == offset).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " at " + marker));
    }

    static SyntaxNode loopLabeled(String label) {
        SyntaxNode labeled = FILE.root().descendants(NodeKind.LABELED_STMT).stream()
                .filter(l -> GoTrees.labelName(l).equals(label)).findFirst().orElseThrow();
        return GoTrees.labeledStatement(labeled);
    }

    @Test
    void breakInsideSwitchTargetsTheSwitchNotTheLoop() {
        SyntaxNode target = JumpTargets.targetOf(at(FILE, NodeKind.BREAK_STMT, "break /* switch */"));
        assertEquals(NodeKind.SWITCH_STMT, target.kind());
        assertFalse(JumpTargets.leaves(at(FILE, NodeKind.BREAK_STMT, "break /* switch */"), target));
    }

    @Test
    void breakInsideSelectTargetsTheSelect() {
        assertEquals(NodeKind.SELECT_STMT,
                JumpTargets.targetOf(at(FILE, NodeKind.BREAK_STMT, "break /* select */")).kind());
    }

    @Test
    void continueInsideSwitchTargetsTheLoop() {
        assertSame(loopLabeled("outer"), JumpTargets.targetOf(at(FILE, NodeKind.CONTINUE_STMT, "continue /* loop */")));
    }

    @Test
    void labeledBreakAndContinueTargetTheLabeledLoop() {
        SyntaxNode outer = loopLabeled("outer");
        assertSame(outer, JumpTargets.targetOf(at(FILE, NodeKind.BREAK_STMT, "break outer")));
        assertSame(outer, JumpTargets.targetOf(at(FILE, NodeKind.CONTINUE_STMT, "continue outer")));
        SyntaxNode inner = loopLabeled("inner");
        assertSame(inner, JumpTargets.targetOf(at(FILE, NodeKind.BREAK_STMT, "break inner")));
        assertTrue(JumpTargets.leaves(at(FILE, NodeKind.CONTINUE_STMT, "continue outer"), inner));
        assertFalse(JumpTargets.leaves(at(FILE, NodeKind.BREAK_STMT, "break inner"), inner));
    }

    @Test
    void breakOfANestedLoopStaysInsideTheOuterOne() {
        SyntaxNode jump = at(FILE, NodeKind.BREAK_STMT, "break /* inner */");
        assertEquals(NodeKind.FOR_STMT, JumpTargets.targetOf(jump).kind());
        assertFalse(JumpTargets.leaves(jump, loopLabeled("outer")));
    }

    @Test
    void gotoFindsItsLabelForwardAndBackwardWithinTheFunction() {
        SyntaxNode forward = JumpTargets.targetOf(at(FILE, NodeKind.GOTO_STMT, "goto done"));
        assertEquals("done", GoTrees.labelName(forward));
        assertTrue(JumpTargets.leaves(at(FILE, NodeKind.GOTO_STMT, "goto done"), loopLabeled("outer")));
        SyntaxNode again = JumpTargets.targetOf(at(FILE, NodeKind.GOTO_STMT, "goto again"));
        assertEquals("again", GoTrees.labelName(again));
        assertFalse(JumpTargets.leaves(at(FILE, NodeKind.GOTO_STMT, "goto again"), loopLabeled("outer")));
    }

    @Test
    void aFunctionLiteralIsABoundary() {
        SyntaxNode jump = at(FILE, NodeKind.BREAK_STMT, "break /* literal */");
        SyntaxNode target = JumpTargets.targetOf(jump);
        assertTrue(GoTrees.enclosingFunction(target).is(NodeKind.FUNC_LIT));
        ParsedFile labelOutside = GoSources.parse("q.go", """
                package p

                func g() {
                outer:
                	for {
                		func() {
                			for {
                				break outer
                			}
                		}()
                	}
                }
                """);
        assertNull(JumpTargets.targetOf(at(labelOutside, NodeKind.BREAK_STMT, "break outer")),
                "a label of the enclosing function is not visible inside a literal");
    }
}
