package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The token-only reading of a file's package-level names must find what the
 * syntax tree says: the same package name, functions without a receiver and
 * top-level names, on snippets and on every file of the standard library.
 */
class TopLevelNamesTest {
    @Test
    void readsEveryKindOfTopLevelDeclaration() throws SyntaxError {
        TopLevelNames names = scan("""
                package demo

                import "fmt"

                var a, b = 1, 2
                var (
                	c    int
                	d, e = f(func() {
                		var inner = 1
                		_ = inner
                	}), []int{
                		3,
                	}
                )
                const (
                	g = iota
                	h
                )
                type (
                	I interface{ M() }
                	J[T any] struct{ x T }
                	K = J[int]
                )
                type L func(int) (string, error)

                func f(func()) int { var local = 2; return local }
                func (J[T]) method() {}
                func Generic[T any](t T) T { fmt.Println(t); return t }
                """);
        assertEquals("demo", names.packageName());
        assertEquals(List.of("f", "Generic"), names.functions());
        assertEquals(Set.of("a", "b", "c", "d", "e", "g", "h", "I", "J", "K", "L", "f", "Generic"), names.names());
        assertEquals(Set.of("I"), names.interfaces());
        assertFalse(names.mayCloseFirst());
    }

    @Test
    void saysWhenAFunctionMayCloseAChannelFirstThing() throws SyntaxError {
        assertTrue(scan("package p\n\nfunc w(ch chan int) {\n\tdefer close(ch)\n}\n").mayCloseFirst());
        assertFalse(scan("package p\n\nfunc w(ch chan int) {\n\tclose(ch)\n}\n").mayCloseFirst());
    }

    @Test
    void findsWhatTheTreeSaysInEveryStandardLibraryFile() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        int compared = 0;
        for (Path file : GoToolchain.goFilesUnder(src)) {
            ParsedFile parsed;
            try {
                parsed = GoParsing.parse(file.toString(), Files.readAllBytes(file));
            } catch (SyntaxError broken) {
                continue;
            }
            TopLevelNames names = TopLevelNames.of(parsed.tokens(), parsed.source());
            SyntaxNode root = parsed.root();
            assertEquals(root.firstChild(NodeKind.PACKAGE_CLAUSE).firstChild(TokenKind.IDENTIFIER).text(),
                    names.packageName(), file.toString());
            assertEquals(functionsOf(root), names.functions(), file.toString());
            assertEquals(namesOf(root), names.names(), file.toString());
            compared++;
        }
        assertTrue(compared > 5500, "files compared: " + compared);
    }

    private static TopLevelNames scan(String text) throws SyntaxError {
        SourceText source = SourceText.of("snippet.go", text);
        return TopLevelNames.of(GoParsing.tokenize(source), source);
    }

    private static List<String> functionsOf(SyntaxNode root) {
        List<String> functions = new ArrayList<>();
        for (SyntaxNode top : root.children(NodeKind.TOP_LEVEL_DECL)) {
            SyntaxNode function = top.firstChild(NodeKind.FUNC_DECL);
            if (function != null && function.firstChild(NodeKind.RECEIVER) == null) {
                functions.add(function.firstChild(TokenKind.IDENTIFIER).text());
            }
        }
        return functions;
    }

    /** The functions, and the names of the specs of top-level declarations (not those inside function literals). */
    private static Set<String> namesOf(SyntaxNode root) {
        Set<String> names = new HashSet<>(functionsOf(root));
        for (SyntaxNode top : root.children(NodeKind.TOP_LEVEL_DECL)) {
            SyntaxNode declaration = top.firstChild(NodeKind.DECLARATION);
            SyntaxNode group = declaration == null ? null : declaration.child(0);
            if (group == null) {
                continue;
            }
            for (SyntaxNode spec : group.children()) {
                if (spec.is(NodeKind.VAR_SPEC) || spec.is(NodeKind.CONST_SPEC)) {
                    spec.child(0).children().stream().filter(n -> n.is(TokenKind.IDENTIFIER))
                            .forEach(n -> names.add(n.text()));
                } else if (spec.is(NodeKind.TYPE_SPEC)) {
                    names.add(spec.child(0).text());
                }
            }
        }
        return names;
    }
}
