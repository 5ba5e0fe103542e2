package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuildLineVersionTest {
    private static final GoVersion GO_1_22 = GoVersion.parse("1.22", "/m/go.mod");

    private static GoVersion judged(GoVersion module, String buildLine) {
        return BuildLineVersion.apply(module, "// Copyright\n\n" + buildLine + "\n\npackage p\n", "a.go");
    }

    @Test
    void anOlderGoVersionOnTheBuildLineSetsTheFilesSemantics() {
        GoVersion version = judged(GO_1_22, "//go:build go1.21");
        assertEquals("1.21", version.text());
        assertFalse(version.hasPerIterationLoopVariables());
        assertTrue(version.source().startsWith("//go:build go1.21 in a.go"), version.source());
        assertTrue(version.source().contains("/m/go.mod"), version.source());
        assertEquals("1.18", judged(GO_1_22, "//go:build linux && (go1.18 || go1.20)").text());
        assertEquals("1.20", judged(GO_1_22, "//go:build go1.18 && !windows && go1.20").text());
        assertEquals("1.21", judged(GoVersion.NEWEST, "//go:build go1.21").text());
    }

    @Test
    void constraintsThatNeedNoOlderVersionLeaveTheModules() {
        for (String line : new String[] {"//go:build go1.21 || linux", "//go:build !go1.21", "//go:build linux",
            "//go:build go1.22", "//go:build go1.23", "//go:build (go1.21", "//go:build go1.x"}) {
            assertSame(GO_1_22, judged(GO_1_22, line), line);
        }
        GoVersion old = GoVersion.parse("1.20", "/m/go.mod");
        assertSame(old, judged(old, "//go:build go1.18"), "before Go 1.21 the build line sets no version");
    }

    @Test
    void onlyTheHeaderBeforeThePackageClauseCounts() {
        assertNull(BuildLineVersion.buildExpression("package p\n\n//go:build go1.21\n"));
        assertNull(BuildLineVersion.buildExpression("//go:buildgo1.21\npackage p\n"));
        assertEquals("go1.21", BuildLineVersion.buildExpression("/* a\nb */\r\n//go:build go1.21\r\npackage p\n"));
        String source = "package p\n\nfunc f() {}\n";
        assertSame(GO_1_22, BuildLineVersion.apply(GO_1_22, source, "a.go"));
    }
}
