package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.find.DeferFinder;
import dev.deferfix.find.LoopDeferScreen;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.SyntaxError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generated programs put defers in every loop form, behind labels, gotos,
 * switches, selects, function literals, methods and generics: the pre-parse
 * screen must let through every one that has a site.
 */
class ScreenOnGeneratedProgramsTest {
    private static final long SEED = 0x5C12EE7L;

    @Test
    void everyGeneratedProgramWithASitePassesTheScreen() throws SyntaxError {
        int programs = Integer.getInteger("screen.programs", 500);
        List<String> missed = new ArrayList<>();
        int withSites = 0;
        for (int n = 0; n < programs; n++) {
            byte[] program = LoopProgramGenerator.generate(new Random(FuzzTest.mix(SEED, n)), "p" + n + "_")
                    .getBytes(StandardCharsets.UTF_8);
            if (DeferFinder.find(GoParsing.parse("p" + n + ".go", program)).isEmpty()) {
                continue;
            }
            withSites++;
            if (!LoopDeferScreen.mayHoldLoopDefer(program)) {
                missed.add("program " + n);
            }
        }
        assertEquals(List.of(), missed);
        assertTrue(withSites > programs / 2, withSites + " of " + programs + " programs have sites");
    }
}
