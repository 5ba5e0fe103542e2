package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.edit.EditApplier;
import dev.deferfix.edit.Edit;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportAdderTest {

    private static ParsedFile parse(String text) throws Exception {
        return GoParsing.parse("a.go", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String add(String text) throws Exception {
        List<Edit> edits = ImportAdder.ensure(parse(text), "sync");
        return EditApplier.apply(text, edits);
    }

    @Test
    void aFileWithoutImportsGetsADeclarationAfterThePackageClause() throws Exception {
        assertEquals("package p\n\nimport \"sync\"\n\nfunc f() {}\n", add("package p\n\nfunc f() {}\n"));
    }

    @Test
    void aSingleLineImportBecomesASortedBlock() throws Exception {
        assertEquals("package p\n\nimport (\n\t\"os\"\n\t\"sync\"\n)\n\nvar _ = os.Args\n",
                add("package p\n\nimport \"os\"\n\nvar _ = os.Args\n"));
        assertEquals("package p\n\nimport (\n\t\"sync\"\n\t\"unicode\"\n)\n\nvar _ = unicode.IsUpper\n",
                add("package p\n\nimport \"unicode\"\n\nvar _ = unicode.IsUpper\n"));
    }

    @Test
    void theNewPathGoesToItsSortedPlaceInTheFirstGroupOnly() throws Exception {
        String before = "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"example.com/a\"\n)\n";
        assertEquals("package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"sync\"\n\n\t\"example.com/a\"\n)\n", add(before));
        String middle = "package p\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n";
        assertEquals("package p\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n", add(middle));
    }

    @Test
    void aCrlfFileGetsCrlfLines() throws Exception {
        assertEquals("package p\r\n\r\nimport (\r\n\t\"os\"\r\n\t\"sync\"\r\n)\r\n",
                add("package p\r\n\r\nimport (\r\n\t\"os\"\r\n)\r\n"));
    }

    @Test
    void anExistingImportNeedsNothingAndATakenNameIsRefused() throws Exception {
        assertTrue(ImportAdder.ensure(parse("package p\n\nimport \"sync\"\n"), "sync").isEmpty());
        assertNull(ImportAdder.ensure(parse("package p\n\nimport s \"sync\"\n"), "sync"));
        assertNull(ImportAdder.ensure(parse("package p\n\nimport sync \"example.com/mysync\"\n"), "sync"));
        assertNull(ImportAdder.ensure(parse("package p\n\nfunc f() {\n\tsync := 1\n\t_ = sync\n}\n"), "sync"));
    }
}
