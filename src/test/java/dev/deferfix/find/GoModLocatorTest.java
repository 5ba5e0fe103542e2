package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoModLocatorTest {
    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void theNearestGoModAboveTheFileWins() throws IOException {
        write("go.mod", "module example.com/top\n\ngo 1.22\n");
        Path goMod = write("old/go.mod", "module example.com/old\n\ngo 1.21.3 // pinned\n\ntoolchain go1.22.1\n");
        Path deep = write("old/a/b/c.go", "package b\n");
        Path top = write("new/a.go", "package a\n");
        GoModLocator locator = new GoModLocator();
        GoVersion old = locator.versionFor(deep);
        assertEquals("1.21", old.text());
        assertEquals(goMod.toString(), old.source());
        assertFalse(old.hasPerIterationLoopVariables());
        GoVersion newer = locator.versionFor(top);
        assertEquals("1.22", newer.text());
        assertTrue(newer.hasPerIterationLoopVariables());
        assertEquals(root.resolve("go.mod").toString(), newer.source());
    }

    @Test
    void aGoModWithoutAUsableGoDirectiveIsSkipped() throws IOException {
        write("go.mod", "module example.com/top\n\ngo 1.20\n");
        write("inner/go.mod", "module example.com/inner\n// go 1.23 in a comment is no directive\n");
        Path file = write("inner/x.go", "package inner\n");
        assertEquals("1.20", new GoModLocator().versionFor(file).text());
    }

    @Test
    void withoutAnyGoModTheNewestSemanticsAreAssumedAndSaidSo() throws IOException {
        for (Path up = root; up != null; up = up.getParent()) {
            Assumptions.assumeFalse(Files.exists(up.resolve("go.mod")), "a go.mod above the temporary directory");
        }
        Path file = write("a/b.go", "package a\n");
        GoVersion version = new GoModLocator().versionFor(file);
        assertSame(GoVersion.NEWEST, version);
        assertTrue(version.hasPerIterationLoopVariables());
        assertTrue(version.isAssumed());
        assertTrue(version.source().contains("no go.mod"), version.source());
    }

    @Test
    void versionsParseLikeTheGoTool() {
        assertEquals("1.21", GoVersion.parse("go1.21rc1", "x").text());
        assertEquals("1.9", GoVersion.parse("1.9", "x").text());
        assertFalse(GoVersion.parse("1.21.0", "x").hasPerIterationLoopVariables());
        assertTrue(GoVersion.parse("1.22", "x").hasPerIterationLoopVariables());
        assertTrue(GoVersion.parse("2.0", "x").hasPerIterationLoopVariables());
        assertEquals(null, GoVersion.parse("latest", "x"));
    }

    @Test
    void versionsNeedMajorDotMinorAndAtMostAPatchAndALetterSuffix() {
        assertEquals("1.21", GoVersion.parse(" go1.21.3 ", "x").text());
        assertEquals("1.21", GoVersion.parse("1.21.3rc1", "x").text());
        assertEquals("1.23", GoVersion.parse("1.23beta1", "x").text());
        assertEquals("10.0", GoVersion.parse("10.0", "x").text());
        for (String malformed : new String[] {"", "go", "1", "1.", ".21", "go.1.21", "1.21.", "1.21.3.4", "1.21-rc1",
                "1.21RC1", "v1.21", "gox1.21", "1.x", "99999999999.1", "1 .21"}) {
            assertNull(GoVersion.parse(malformed, "x"), malformed);
        }
    }

    @Test
    void theGoDirectiveIsTheFirstLineThatIsOneWithOrWithoutAComment() {
        assertEquals("1.21.3", GoModLocator.goDirective("module m\r\n\r\ngo 1.21.3\r\n"));
        assertEquals("1.20", GoModLocator.goDirective("module m\n\t go\t1.20   // pinned\ngo 1.22\n"));
        assertEquals("1.20//tight", GoModLocator.goDirective("go 1.20//tight "), "the word runs to the next space");
        assertEquals("1.22", GoModLocator.goDirective("module m\ngo 1.21 extra\ngo 1.22"));
        assertNull(GoModLocator.goDirective("module m\ngo\n1.21\n"), "the version is on the directive's line");
        assertNull(GoModLocator.goDirective("module m\ngolang 1.21\n// go 1.21\ntoolchain go1.22\n"));
        assertNull(GoModLocator.goDirective(""));
    }
}
