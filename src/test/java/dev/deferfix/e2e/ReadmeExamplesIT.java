package dev.deferfix.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.testing.GoToolchain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's strategy section shows the real dry-run diffs of the classic
 * example; scripts/readme-examples --check regenerates them with the freshly
 * built jar and fails when README.md differs.
 */
class ReadmeExamplesIT {

    @Test
    void readmeShowsTheCurrentDryRunOfEveryStrategy() throws Exception {
        GoToolchain.Result result = GoToolchain.run(Path.of("."),
                List.of("DEFER_FIX=" + RunningProgramsIT.launcher()), 300,
                "bash", "scripts/readme-examples", "--check");
        assertEquals(0, result.exitCode(), "README.md is not current (run scripts/readme-examples):\n"
                + result.output());
    }
}
