package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.files.GoFileWalker;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Our findings on the Go 1.19 standard library must equal the sites that Go's
 * own go/ast finds (../shared/data/go1.19-stdlib-defer-in-loop.tsv): none
 * missing, none extra, same loop chain.
 */
class StdlibAgreementTest {
    @Test
    void defaultWalkFindsExactlyTheSitesOutsideVendorAndTestdata() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        TreeSet<String> expected = reference(false);
        assertEquals(117, expected.size(), "reference rows outside vendor/ and testdata/");
        assertEquals(expected, found(src, List.of(src)));
    }

    @Test
    void namingVendorAndTestdataFindsTheOtherThree() throws IOException {
        Path src = GoToolchain.stdlibSourceOrSkip();
        TreeSet<String> expected = new TreeSet<>(reference(true));
        expected.removeAll(reference(false));
        assertEquals(3, expected.size());
        List<Path> roots = List.of(src.resolve("cmd/vendor/github.com/google/pprof/internal/driver"),
                src.resolve("runtime/testdata/testprog"));
        assertEquals(expected, found(src, roots));
    }

    private static TreeSet<String> reference(boolean includeSkipped) throws IOException {
        Path file = GoToolchain.sharedData("go1.19-stdlib-defer-in-loop.tsv");
        TreeSet<String> rows = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            boolean skipped = line.contains("vendor/") || line.contains("testdata/");
            if (includeSkipped || !skipped) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    private static TreeSet<String> found(Path src, List<Path> roots) throws IOException {
        TreeSet<String> rows = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        for (Path file : new GoFileWalker(List.of()).list(roots).files()) {
            byte[] content = Files.readAllBytes(file);
            if (!new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).contains("defer")) {
                continue;
            }
            String relative = src.relativize(file).toString();
            try {
                ParsedFile parsed = GoParsing.parse(relative, content);
                for (DeferSite site : DeferFinder.find(parsed)) {
                    if (!site.loops().isEmpty()) {
                        Position at = Position.of(parsed.source(), site.defer().start());
                        rows.add(relative + ":" + at + "\t" + site.loopChain());
                    }
                }
            } catch (SyntaxError e) {
                if (!GoToolchain.isKnownBrokenStdlibFile(relative)) {
                    errors.add(e.getMessage());
                }
            }
        }
        assertEquals(List.of(), errors, "valid standard library files must parse");
        return rows;
    }
}
