package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.edit.EditApplier;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReindentTest {

    private static String deeper(String text, String from, String to) throws Exception {
        ParsedFile file = GoParsing.parse("a.go", text.getBytes(StandardCharsets.UTF_8));
        return EditApplier.apply(text, Reindent.deeper(file, text.indexOf(from), text.indexOf(to), 1));
    }

    @Test
    void linesInsideARawStringKeepTheirBytesEmptyLinesStayEmpty() throws Exception {
        String text = "package p\n\nfunc f() {\n\tx := `a\n\tb\nc`\n\n\t_ = x\n}\n";
        assertEquals("package p\n\nfunc f() {\n\t\tx := `a\n\tb\nc`\n\n\t\t_ = x\n}\n", deeper(text, "\tx :=", "}\n"));
    }

    @Test
    void blockCommentLinesMoveWithTheComment() throws Exception {
        String text = "package p\n\nfunc f() {\n\t/* a\n\t   b\n\t*/\n}\n";
        assertEquals("package p\n\nfunc f() {\n\t\t/* a\n\t\t   b\n\t\t*/\n}\n", deeper(text, "\t/*", "}\n"));
    }

    @Test
    void crlfLinesGetTheTabAfterTheLineEnding() throws Exception {
        String text = "package p\r\n\r\nfunc f() {\r\n\tg()\r\n\r\n\tg()\r\n}\r\n\r\nfunc g() {}\r\n";
        assertEquals("package p\r\n\r\nfunc f() {\r\n\t\tg()\r\n\r\n\t\tg()\r\n}\r\n\r\nfunc g() {}\r\n",
                deeper(text, "\tg()", "}\r\n"));
    }
}
