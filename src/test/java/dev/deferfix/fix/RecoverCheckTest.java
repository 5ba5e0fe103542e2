package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.deferfix.find.DeferFinder;
import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoVersion;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RecoverCheck: a deferred call whose function calls recover() itself stops
 * panics only while deferred by the function it is in.
 */
class RecoverCheckTest {
    @TempDir
    Path dir;

    /** The loop's body is BODY; the file declares DECLS after it. */
    private static String loopWith(String body, String declarations) {
        return """
                package p

                import (
                	"fmt"
                	"log"
                )

                type res struct{}

                func (r *res) Close() {}

                type guard struct{}

                func run(rs []*res, g guard) {
                	for _, r := range rs {
                		BODY
                	}
                }

                DECLS
                """.replace("BODY", body.replace("\n", "\n\t\t")).replace("DECLS", declarations);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the audit's case: a function of the file that recovers, called by the defer itself
        "defer rescue(r) | func rescue(r *res) {;\tfmt.Println(recover());\tr.Close();} "
                + "| rescue, declared at line 20, calls recover()",
        // instantiated or parenthesized, it is the same function
        "defer rescue[int](r) | func rescue[T any](r *res) {;\trecover();} "
                + "| rescue, declared at line 20, calls recover()",
        "defer (rescue)(r) | func rescue(r *res) {;\trecover();} | rescue, declared at line 20, calls recover()",
        // a recover in a literal the function defers is counted too, to be safe
        "defer rescue(r) | func rescue(r *res) {;\tdefer func() {;\t\trecover();\t}();} "
                + "| rescue, declared at line 20, calls recover()",
        // a method of any receiver with the name (no types)
        "defer g.guard(r) | func (guard) guard(r *res) {;\tlog.Print(recover());} "
                + "| the method guard, declared at line 20, calls recover()",
        "defer r.rescue() | func (r *res) rescue() {;\trecover();} "
                + "| the method rescue, declared at line 20, calls recover()",
        // a local variable given a literal or a function that recovers
        "h := func() {;\trecover();};defer h() | | h is given a function literal at line 16 that calls recover()",
        "h := rescue;defer h(r) | func rescue(r *res) {;\trecover();} "
                + "| h is given rescue, declared at line 21, calls recover()",
        "var h func();h = g.guard;defer h() | func (guard) guard() {;\trecover();} "
                + "| h is given the method guard, declared at line 22, calls recover()",
    })
    void refusesADeferredFunctionThatRecovers(String statements, String declarations, String detail)
            throws Exception {
        String source = loopWith(statements.replace(";", "\n"),
                declarations == null ? "" : declarations.strip().replace(";", "\n"));
        Refusal refusal = assertRefused(source, "input.go");
        int line = source.substring(0, source.indexOf("defer")).split("\n", -1).length;
        assertEquals("line " + line + ": " + detail, refusal.detail(), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // recover in a literal the function calls (not defers) returns nil: the function stops nothing
        "defer rescue(r)|func rescue(r *res) {\n\tfunc() {\n\t\trecover()\n\t}()\n}",
        // nor does a function that calls a recovering one
        "defer rescue(r)|func rescue(r *res) {\n\thelp()\n}\n\nfunc help() {\n\trecover()\n}",
        // a function without recover, a method of another name, another package's function
        "defer rescue(r)|func rescue(r *res) {\n\tr.Close()\n}",
        "defer r.Close()|func (guard) guard() {\n\trecover()\n}",
        "defer log.Print(r)|func (guard) Print(x any) {\n}",
        "defer fmt.Println(r)|func (guard) Println() {\n\trecover()\n}",
        // a method that recovers, but the call names a function
        "defer guard(r)|func guard(r *res) {\n}\n\nfunc (res) guard() {\n\trecover()\n}",
        // a local variable given a literal that recovers only in a literal it calls
        "h := func() {\n\tfunc() {\n\t\trecover()\n\t}()\n}\ndefer h()|",
    })
    void letsThroughAFunctionThatDoesNotRecoverItself(String statementsAndDeclarations) throws Exception {
        String[] parts = statementsAndDeclarations.split("\\|", -1);
        assertNull(check(loopWith(parts[0], parts[1]), "input.go"), statementsAndDeclarations);
    }

    @Test
    void aDeferredLiteralThatRecoversIsRefusedAsBefore() throws Exception {
        Refusal refusal = assertRefused(loopWith("defer func() {\n\trecover()\n}()", ""), "input.go");
        assertEquals("line 16", refusal.detail());
    }

    @Test
    void findsTheFunctionInAnotherFileOfThePackage() throws Exception {
        assertRescueFound("package p\n\nfunc rescue(r *res) {\n\trecover()\n}\n", 3);
        // the byte filter that spares files mentioning recover only in prose must not miss a blank before (
        assertRescueFound("package p\n\n// rescue will recover from a panic\n"
                + "func rescue(r *res) {\n\trecover ()\n}\n", 4);
    }

    private void assertRescueFound(String rescueFile, int line) throws Exception {
        Files.writeString(dir.resolve("rescue.go"), rescueFile);
        Refusal refusal = assertRefused(loopWith("defer rescue(r)", ""), "input.go");
        assertEquals("line 16: rescue, declared in rescue.go at line " + line + ", calls recover()", refusal.detail());
    }

    @Test
    void findsTheMethodInAnotherFileOfThePackage() throws Exception {
        Files.writeString(dir.resolve("guard.go"), "package p\n\nfunc (g guard) check() {\n\trecover()\n}\n");
        Refusal refusal = assertRefused(loopWith("defer g.check()", ""), "input.go");
        assertEquals("line 16: the method check, declared in guard.go at line 3, calls recover()",
                refusal.detail());
    }

    @Test
    void anotherFileIsReadAsPreciselyAsThisOne() throws Exception {
        // its tokens hold recover( in both, but only check calls it itself
        Files.writeString(dir.resolve("guard.go"), """
                package p

                func (g guard) keep() {
                	func() {
                		recover()
                	}()
                }

                func (g guard) check() {
                	recover()
                }
                """);
        assertNull(check(loopWith("defer g.keep()", ""), "input.go"));
        Refusal refusal = assertRefused(loopWith("defer g.check()", ""), "input.go");
        assertEquals("line 16: the method check, declared in guard.go at line 9, calls recover()", refusal.detail());
    }

    @Test
    void everyDeclarationCounts() throws Exception {
        Files.writeString(dir.resolve("rescue_linux.go"), "package p\n\nfunc rescue(r *res) {\n}\n");
        Files.writeString(dir.resolve("rescue_windows.go"), "package p\n\nfunc rescue(r *res) {\n\trecover()\n}\n");
        assertRefused(loopWith("defer rescue(r)", ""), "input.go");
    }

    @Test
    void aTestFileSeesNonTestFilesButNotTheOtherWayRound() throws Exception {
        Files.writeString(dir.resolve("rescue_test.go"), "package p\n\nfunc rescue(r *res) {\n\trecover()\n}\n");
        assertNull(check(loopWith("defer rescue(r)", ""), "input.go"));
        assertRefused(loopWith("defer rescue(r)", ""), "input_test.go");
    }

    @Test
    void anotherPackageInTheDirectoryIsNotRead() throws Exception {
        Files.writeString(dir.resolve("rescue_test.go"),
                "package p_test\n\nfunc rescue(r *res) {\n\trecover()\n}\n");
        assertNull(check(loopWith("defer rescue(r)", ""), "input_test.go"));
    }

    @Test
    void aFunctionOfAnotherFileThatDoesNotRecoverIsLetThrough() throws Exception {
        Files.writeString(dir.resolve("rescue.go"), "package p\n\n// recover: not here\nfunc rescue(r *res) {\n}\n");
        assertNull(check(loopWith("defer rescue(r)", ""), "input.go"));
    }

    private Refusal assertRefused(String source, String fileName) throws Exception {
        Refusal refusal = check(source, fileName);
        assertNotNull(refusal, source);
        assertEquals(RefusalReason.RECOVER_IN_LOOP, refusal.reason(), refusal.detail());
        return refusal;
    }

    private Refusal check(String source, String fileName) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, source);
        ParsedFile parsed = GoParsing.parse(file.toString(), source.getBytes(StandardCharsets.UTF_8));
        List<DeferSite> sites = DeferFinder.find(parsed).stream().filter(s -> !s.loops().isEmpty()).toList();
        assertEquals(1, sites.size(), "one defer in a loop expected");
        return new RecoverCheck(new PackageDeclarations()).check(
                new LoopUnit(parsed, sites.get(0).innermostLoop(), sites),
                new FixOptions(FixOptions.AUTO, 4, false, GoVersion.NEWEST));
    }
}
