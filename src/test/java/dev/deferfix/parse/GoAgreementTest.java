package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go's own parser (through {@code gofmt -e}) must agree with the expectations
 * of the parser tests: the valid snippets are valid Go, and each broken one
 * is broken on the same line and byte column that we report.
 */
class GoAgreementTest {
    private static final Pattern ERROR = Pattern.compile("^(?:.*/)?([^/:]+\\.go):(\\d+):(\\d+): ", Pattern.MULTILINE);

    @Test
    void goAcceptsEveryValidSnippet(@TempDir Path dir) throws IOException {
        List<Snippets.Valid> valid = Snippets.valid();
        for (int i = 0; i < valid.size(); i++) {
            write(dir, "valid" + i + ".go", valid.get(i).source());
        }
        assertEquals(Map.of(), firstErrors(dir), "gofmt -e errors on snippets we call valid");
    }

    @Test
    void goRejectsEveryBrokenSnippetAtTheSamePlace(@TempDir Path dir) throws IOException {
        List<Snippets.Broken> broken = Snippets.broken();
        Map<String, String> ours = new TreeMap<>();
        for (int i = 0; i < broken.size(); i++) {
            Snippets.Broken snippet = broken.get(i);
            String name = "broken" + i + ".go";
            write(dir, name, snippet.source());
            ours.put(name, snippet.line() + ":" + snippet.column() + " " + snippet.name());
        }
        Map<String, String> go = new TreeMap<>();
        firstErrors(dir).forEach((name, position) -> go.put(name, position + " " + ours.get(name).split(" ", 2)[1]));
        assertEquals(ours, go);
    }

    private static void write(Path dir, String name, String source) throws IOException {
        Files.write(dir.resolve(name), source.getBytes(StandardCharsets.UTF_8));
    }

    /** File name to "line:col" of the first error gofmt reports in it. */
    private static Map<String, String> firstErrors(Path dir) throws IOException {
        Path gofmt = GoToolchain.gofmtOrSkip();
        TreeSet<String> names = new TreeSet<>();
        try (var files = Files.list(dir)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        List<String> command = new java.util.ArrayList<>(List.of(gofmt.toString(), "-e", "-l"));
        command.addAll(names);
        GoToolchain.Result result = GoToolchain.run(dir, List.of(), 120, command.toArray(String[]::new));
        Map<String, String> first = new TreeMap<>();
        Matcher matcher = ERROR.matcher(result.stderr());
        while (matcher.find()) {
            first.putIfAbsent(matcher.group(1), matcher.group(2) + ":" + matcher.group(3));
        }
        return first;
    }
}
