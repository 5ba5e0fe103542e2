package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The defer statements gathered while the tree is built are the tree's own, in source order. */
class DeferStatementsTest {

    @Test
    void nestedAndSiblingDefersComeInSourceOrder() {
        ParsedFile file = Parsing.parse("""
                package p

                func f(xs []int) {
                	defer func() {
                		defer a()
                		for range xs {
                			defer func() { defer b() }()
                		}
                	}()
                	select {
                	case <-c:
                		defer d()
                	}
                	g := func() { defer e() }
                	defer g()
                }

                func h() {}
                """);
        List<SyntaxNode> walked = file.root().descendants(NodeKind.DEFER_STMT);
        assertEquals(7, walked.size());
        assertEquals(walked, file.deferStatements());
    }

    @Test
    void aFileWithoutDefersHasNone() {
        assertEquals(List.of(), Parsing.parse("package p\n\nfunc f() { for {} }\n").deferStatements());
    }
}
