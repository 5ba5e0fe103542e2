package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.GoVersion;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.SyntaxError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Valid Go of extreme shapes (see {@link ExtremeInputs}) must give a result
 * that passes the {@link RewriteOracle}, or the one clear error "nested too
 * deeply"; a StackOverflowError or any other exception must never escape.
 * Every deep shape runs with a 1 MB thread stack (the JVM default) and with
 * the 64 MB the command line gives its worker threads; the long lines run
 * once, at 1 MB.
 */
class ExtremeInputTest {
    private static final int DEPTH = 10_000;
    private static final int ONE_MEGABYTE = 1 << 20;
    /** A hang detector only. */
    private static final long HANG_SECONDS = 300;

    @Test
    void deepNestingGivesAResultOrAClearErrorAtAnyStackSize() {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        add(inputs, "nested parentheses", ExtremeInputs::nestedParentheses, DEPTH);
        add(inputs, "nested blocks", ExtremeInputs::nestedBlocks, DEPTH);
        add(inputs, "nested composite literals", ExtremeInputs::nestedCompositeLiterals, DEPTH);
        add(inputs, "nested if statements", ExtremeInputs::nestedIfs, DEPTH);
        add(inputs, "defer in a loop under nested ifs", ExtremeInputs::deferUnderNestedIfs, DEPTH);
        add(inputs, "nested blocks after a defer", ExtremeInputs::nestedBlocksAfterDefer, DEPTH);
        // Every round of the fixer rewrites one of these loops, and it stops after 32 rounds: 100 is past that.
        add(inputs, "nested loops each with a defer", ExtremeInputs::nestedLoopsWithDefers, 100);
        add(inputs, "nested function literals", ExtremeInputs::nestedFunctionLiterals, DEPTH);
        List<String> failures = new ArrayList<>();
        runAll(inputs, ONE_MEGABYTE, failures);
        runAll(inputs, 64L * ONE_MEGABYTE, failures);
        assertEquals(List.of(), failures);
    }

    /**
     * A 1 MB line of one token is cheap; 1 MB lines of many tokens take a minute of parsing on a
     * loaded machine, so the normal suite runs them at 128 KB and -Drobust.heavy=true at 1 MB.
     */
    @Test
    void longLinesGiveAResult() {
        int manyTokens = Boolean.getBoolean("robust.heavy") ? ONE_MEGABYTE : ONE_MEGABYTE / 8;
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        add(inputs, "1 MB line: string literal", ExtremeInputs::longStringLiteral, ONE_MEGABYTE);
        add(inputs, "1 MB line: comment", ExtremeInputs::longComment, ONE_MEGABYTE);
        add(inputs, manyTokens / 1024 + " KB line: binary operator chain", ExtremeInputs::longBinaryChain,
                manyTokens / 4);
        add(inputs, manyTokens / 1024 + " KB line: slice elements", ExtremeInputs::longLineOfElements, manyTokens);
        List<String> failures = new ArrayList<>();
        runAll(inputs, ONE_MEGABYTE, failures);
        assertEquals(List.of(), failures);
    }

    private static void runAll(Map<String, byte[]> inputs, long stack, List<String> failures) {
        try (BoundedRunner runner = new BoundedRunner(stack, HANG_SECONDS)) {
            inputs.forEach((name, bytes) -> {
                String what = name + " (stack " + (stack / ONE_MEGABYTE) + " MB)";
                long started = System.nanoTime();
                BoundedRunner.Outcome<String> outcome = runner.run(() -> judge(bytes));
                String took = String.format(" (%.1f s)", (System.nanoTime() - started) / 1e9);
                if (outcome instanceof BoundedRunner.Done<String> done) {
                    System.out.println("extreme: " + what + ": " + done.value() + took);
                } else {
                    failures.add(what + ": " + describe(outcome) + took);
                }
            });
        }
    }

    /** Valid input, so the only acceptable syntax error is the depth limit. */
    private static String judge(byte[] bytes) {
        try {
            GoParsing.parse("deep.go", bytes);
        } catch (SyntaxError error) {
            assertTrue(error.reason().contains("nested too deeply"), "valid Go rejected: " + error.getMessage());
            return "clear error: " + error.getMessage();
        }
        return "result: " + new RewriteOracle().judge("deep.go", bytes, GoVersion.NEWEST, false);
    }

    private static void add(Map<String, byte[]> inputs, String name, IntFunction<byte[]> generator, int size) {
        inputs.put(name, generator.apply(size));
    }

    private static String describe(BoundedRunner.Outcome<?> outcome) {
        if (outcome instanceof BoundedRunner.Hung<?> hung) {
            return "no result within " + hung.seconds() + " s";
        }
        Throwable error = ((BoundedRunner.Threw<?>) outcome).error();
        return error instanceof AssertionError ? error.getMessage() : "escaped: " + error;
    }
}
