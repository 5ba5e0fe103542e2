package dev.deferfix.parse;

import dev.deferfix.parse.antlr.PredictionTable;
import dev.deferfix.parse.antlr.PredictionTableBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step: parses the given Go files and directories (in SLL mode only, with
 * ANTLR predicting everything) and writes the {@link PredictionTable} they leave.
 *
 * <pre>java -cp ... dev.deferfix.parse.BuildPredictionTable OUT.bin PATH...</pre>
 */
public final class BuildPredictionTable {
    private BuildPredictionTable() {
    }

    public static void main(String[] args) throws IOException, SyntaxError {
        System.setProperty(PredictionTable.OFF_PROPERTY, "true");
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> found = Files.walk(Path.of(args[i]))) {
                found.filter(path -> path.toString().endsWith(".go")).sorted().forEach(files::add);
            }
        }
        for (Path file : files) {
            // A full-LL retry (a syntax error, say) would leave LL states in the DFA: not in this table.
            if (GoParsing.check(file.toString(), Files.readAllBytes(file))) {
                throw new IllegalStateException(file + " needed the full-LL retry: leave it out of the table's files");
            }
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            PredictionTableBuilder.write(stream);
        }
        System.out.printf("from %d files%n", files.size());
    }
}
