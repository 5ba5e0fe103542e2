package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.testing.GoSources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopVariableCaptureTest {
    private static Set<String> captured(String loop) {
        String source = "package p\n\nfunc g(xs []int, ys [][]int) {\n" + loop + "\n}\n";
        List<DeferSite> sites = DeferFinder.find(GoSources.parse("p.go", source));
        assertEquals(1, sites.size(), source);
        return LoopVariableCapture.capturedBy(sites.get(0));
    }

    @Test
    void closureUsingRangeVariables() {
        assertEquals(Set.of("i", "x"), captured("for i, x := range xs {\n defer func() { println(i, x) }()\n}"));
    }

    @Test
    void closureUsingTheThreeClauseCounter() {
        assertEquals(Set.of("i"), captured("for i := 0; i < 3; i++ {\n defer func() { println(i) }()\n}"));
    }

    @Test
    void valuePassedAsAnArgumentIsNoCapture() {
        assertEquals(Set.of(), captured("for _, x := range xs {\n defer func(x int) { println(x) }(x)\n}"));
        assertEquals(Set.of(), captured("for _, x := range xs {\n defer func(v int) { println(v) }(x)\n}"));
    }

    @Test
    void aCopyInTheBodyHidesTheLoopVariable() {
        assertEquals(Set.of(), captured("for _, x := range xs {\n x := x\n defer func() { println(x) }()\n}"));
        assertEquals(Set.of(), captured("for _, x := range xs {\n var x = x\n defer func() { println(x) }()\n}"));
        assertEquals(Set.of("x"), captured("for _, x := range xs {\n defer func() { println(x) }()\n x := 1\n _ = x\n}"),
                "a declaration after the defer hides nothing");
    }

    @Test
    void innerLoopHeaderRedeclaringTheNameIsStillALoopVariable() {
        assertEquals(Set.of("x"), captured("for _, x := range ys {\n x := 1\n _ = x\n for _, x := range xs {\n  "
                + "defer func() { println(x) }()\n }\n}"));
    }

    @Test
    void declarationsInsideTheLiteralHideTheLoopVariable() {
        assertEquals(Set.of(), captured("for _, x := range xs {\n defer func() {\n  var x = 2\n  println(x)\n }()\n}"));
        assertEquals(Set.of(), captured("for _, x := range xs {\n defer func() {\n  const x = 2\n  println(x)\n }()\n}"));
    }

    @Test
    void aDeferredNamedFunctionCapturesNothing() {
        assertEquals(Set.of(), captured("for _, x := range xs {\n defer println(x)\n}"));
    }
}
