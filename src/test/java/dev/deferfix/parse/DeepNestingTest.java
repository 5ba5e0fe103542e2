package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 10,000 nested parentheses or blocks (fixtures/bad/deep-*.go): the parser
 * recurses, so the outcome depends on the thread's stack, but it is always a
 * tree or a clear error, never a StackOverflowError. Both outcomes are forced
 * here with threads of a known stack size.
 */
class DeepNestingTest {

    /** Parses on a fresh thread with the given stack size; returns the tree or the error. */
    private static Object parseWithStack(Path file, long stackBytes) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(GoParsing.parse(file.getFileName().toString(), bytes));
            } catch (SyntaxError error) {
                outcome.set(error);
            } catch (Throwable other) {
                outcome.set(other);
            }
        }, "parse-" + stackBytes, stackBytes);
        thread.start();
        thread.join();
        return outcome.get();
    }

    @ParameterizedTest
    @CsvSource({"deep-parens.go, 3", "deep-blocks.go, 4"})
    void aSmallStackGivesAClearErrorOnTheNestedLine(String name, int line) throws Exception {
        Object outcome = parseWithStack(Path.of("fixtures", "bad", name), 256 * 1024);
        assertTrue(outcome instanceof SyntaxError, () -> "expected a SyntaxError, got " + outcome);
        SyntaxError error = (SyntaxError) outcome;
        assertEquals(name, error.path());
        assertEquals(line, error.line());
        assertEquals("file is nested too deeply to parse", error.reason());
    }

    @ParameterizedTest
    @CsvSource({"deep-parens.go, OPERAND, 10001", "deep-blocks.go, BLOCK, 10001"})
    void aLargeStackGivesTheWholeTree(String name, NodeKind kind, int count) throws Exception {
        Object outcome = parseWithStack(Path.of("fixtures", "bad", name), 512L * 1024 * 1024);
        assertTrue(outcome instanceof ParsedFile, () -> "expected a tree, got " + outcome);
        assertEquals(count, ((ParsedFile) outcome).root().descendants(kind).size());
    }
}
