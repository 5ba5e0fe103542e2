package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The screen may let through a file without sites, but must never keep out one with a site:
 * checked on hand-made edge cases, on every file of the standard library and the fixtures
 * (against the parser and DeferFinder), and the share of files it keeps out is measured.
 */
class LoopDeferScreenTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "for { defer f() }",
        "for i := 0; i < n; i++ {\n\tdefer f()\n}",
        "for _, x := range xs {\n\tif x {\n\t\tdefer f()\n\t}\n}",
        "for _, x := range []int{1, 2} {\n\tdefer f(x)\n}",
        "for _, tt := range []struct {\n\ta int\n}{\n\t{1},\n} {\n\tdefer f(tt)\n}",
        "for x := range f(func() { g() }) {\n\tdefer h(x)\n}",
        "for i := s[func() int { return 0 }()]; i < 3; i++ {\n\tdefer h()\n}",
        "for s := []int{}; len(s) < 3; s = append(s, 1) {\n\tdefer h()\n}",
        "for s := []int{}\n len(s) < 3; s = append(s, 1) {\n\tdefer h()\n}",
        "for x := (T{}); x.ok(); {\n\tdefer h()\n}",
        "for _, f := range []func(){a, b} {\n\tdefer f()\n}",
        "for {\n\tfunc() {}()\n\tdefer h()\n}",
        "for {\n\tvar f func() int\n\tif f != nil {\n\t\tdefer h()\n\t}\n}",
        "for {\n\tif func()(x) != nil {\n\t\tdefer h()\n\t}\n}",
        "for {\n\tswitch v.(type) {\n\tcase func():\n\t\tdefer h()\n\t}\n}",
        "for {\n\tg := func() struct{ a int } { return struct{ a int }{} }\n\tdefer h(g)\n}",
        "for {\n\tx := map[string]struct{}{}\n\tdefer h(x)\n}",
        "for { /* } */ defer h() }",
        "for {\n\ts := \"}\"\n\tr := '}'\n\tq := `\n}`\n\tdefer h(s, r, q)\n}",
        "L:\n\tdefer h()\n\tgoto L",
        "for {\n\tdefer h()\n\tfor {\n\t}\n}",
        "for {\n\tfor {\n\t}\n\tdefer h()\n}",
        "for x == y {\n\tdefer h()\n}",
        "for ; ; {\n\tdefer h()\n}",
        "for {} ; for {\n\tdefer h()\n}",
        "go func() {\n\tfor {\n\t\tdefer h()\n\t}\n}()",
        "for {\n\tgo func() {}()\n\tdefer h()\n}",
        "for i := 0; i < 3; i++ {\n\tx := []int{\n\t\t1,\n\t}\n\tdefer h(x)\n}",
        "for a &&\n\tb {\n\tdefer h()\n}",
        "for x := range ch {\n\tselect {\n\tcase <-x:\n\t}\n\tdefer h()\n}",
        "for {\n\tf := func() *\n\t\tT { return nil }\n\tdefer h(f)\n}",
        "for { x := \"unterminated\n\tdefer h()\n}",
    })
    void letsThroughEveryFileWithASite(String body) {
        assertTrue(screen(body), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "defer h()\nfor {\n}",
        "for {\n}\ndefer h()",
        "for i := 0; i < 3; i++ {\n\tg(i)\n}\ndefer h()",
        "for _, x := range []int{1, 2} {\n\tg(x)\n}\ndefer h()",
        "for {\n\tgo func() {\n\t\tdefer wg.Done()\n\t}()\n}",
        "for _, x := range xs {\n\tf := func() error {\n\t\tdefer h()\n\t\treturn nil\n\t}\n\tf()\n}",
        "for {\n\tg(func(x struct{ a int }) (r int) {\n\t\tdefer h()\n\t\treturn\n\t})\n}",
        "// for { defer h() }\ndefer h()",
        "s := \"for { defer h() }\"\n\tdefer h()",
        "for x != nil {\n\tx = x.next\n}\ndefer h()",
        "for ; ; {\n}\ndefer h()",
        "x := T{}\nfor {\n\tbreak\n}\ndefer h()",
    })
    void keepsOutFilesWhoseDefersCannotBeInLoops(String body) {
        assertFalse(screen(body), body);
    }

    @Test
    void keepsOutFilesWithoutDefer() {
        assertFalse(LoopDeferScreen.mayHoldLoopDefer("package p\n\nfunc f() { for {} }\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void lineCommentsAndRawStringsDoNotHideBraces() {
        assertTrue(screen("for { // }\n\tdefer h()\n}"));
        assertTrue(screen("for { _ = `{` ; defer h() }"));
        assertTrue(screen("for { _ = '\\''; defer h() }"));
    }

    @Test
    void badlyEncodedFilesGoToTheParser() {
        byte[] invalidUtf8 = "package p\n// \u00ff defer\n".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(LoopDeferScreen.mayHoldLoopDefer(invalidUtf8));
        assertTrue(LoopDeferScreen.mayHoldLoopDefer("package p\n// \0 defer\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(LoopDeferScreen.mayHoldLoopDefer("package p\n// \u00ff defer\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(LoopDeferScreen.mayHoldLoopDefer("package p\n// \uD83D\uDE00 \u20AC defer\n".getBytes(StandardCharsets.UTF_8)));
        byte[] surrogate = {'/', '/', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'd', 'e', 'f', 'e', 'r'};
        byte[] overlong = {'/', '/', (byte) 0xC0, (byte) 0x80, 'd', 'e', 'f', 'e', 'r'};
        byte[] truncated = {'d', 'e', 'f', 'e', 'r', '/', '/', (byte) 0xE2, (byte) 0x82};
        assertTrue(LoopDeferScreen.mayHoldLoopDefer(surrogate));
        assertTrue(LoopDeferScreen.mayHoldLoopDefer(overlong));
        assertTrue(LoopDeferScreen.mayHoldLoopDefer(truncated));
    }

    @ParameterizedTest
    @ValueSource(strings = {"defer", "d defer", "e defer", "de defer", "def defer", "defe defer", "x\\ndefer", "defer r"})
    void findsTheWordWhereverItStands(String text) {
        String file = "L:\n" + text.replace("\\n", "\n") + "\ngoto L\n";
        assertTrue(LoopDeferScreen.mayHoldLoopDefer(file.getBytes(StandardCharsets.UTF_8)), text);
        assertFalse(LoopDeferScreen.mayHoldLoopDefer(file.replace("defer", "defe r").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyStandardLibraryFileWithASitePasses() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        Sweep sweep = sweep(src);
        assertEquals(List.of(), sweep.missed, "files with sites the screen kept out");
        // The standard library holds sites in about 70 files; nearly 1,000 files mention defer.
        assertTrue(sweep.withSites > 60, "files with sites: " + sweep.withSites);
        assertTrue(sweep.passed < sweep.mentioningDefer / 4,
                sweep.passed + " of " + sweep.mentioningDefer + " files that mention defer pass the screen");
    }

    @Test
    void everyFixtureWithASitePasses() throws IOException {
        Sweep sweep = sweep(Path.of("fixtures"));
        assertEquals(List.of(), sweep.missed, "fixtures with sites the screen kept out");
        assertTrue(sweep.withSites > 50, "fixtures with sites: " + sweep.withSites);
    }

    private static boolean screen(String body) {
        String file = "package p\n\nfunc f() {\n\t" + body + "\n}\n";
        return LoopDeferScreen.mayHoldLoopDefer(file.getBytes(StandardCharsets.UTF_8));
    }

    private static final class Sweep {
        int mentioningDefer;
        int withSites;
        int passed;
        final List<String> missed = new ArrayList<>();
    }

    /** Every .go file under root (vendor and testdata too) that mentions defer and parses. */
    private static Sweep sweep(Path root) throws IOException {
        Sweep sweep = new Sweep();
        for (Path file : GoToolchain.goFilesUnder(root)) {
            byte[] content = Files.readAllBytes(file);
            if (!new String(content, StandardCharsets.ISO_8859_1).contains("defer")) {
                continue;
            }
            sweep.mentioningDefer++;
            boolean passes = LoopDeferScreen.mayHoldLoopDefer(content);
            if (passes) {
                sweep.passed++;
            }
            boolean hasSites;
            try {
                hasSites = !DeferFinder.find(GoParsing.parse(file.toString(), content)).isEmpty();
            } catch (SyntaxError e) {
                continue;
            }
            if (hasSites) {
                sweep.withSites++;
                if (!passes) {
                    sweep.missed.add(file.toString());
                }
            }
        }
        return sweep;
    }
}
