package dev.deferfix.bench;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.parse.antlr.GoCharStream;
import dev.deferfix.parse.antlr.SemicolonInsertingLexer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;

/**
 * Where parse time goes: runs each stage of parsing over every .go file under
 * the given folder, on one thread, several rounds, and prints seconds and MB/s
 * per stage and round (round 1 includes JIT and DFA warm-up). Not a test: after
 * {@code mvn test-compile package -DskipTests}, run
 * {@code java -cp target/test-classes:target/defer-fix.jar dev.deferfix.bench.ParsePhases DIR [ROUNDS]}.
 */
public final class ParsePhases {
    private interface Stage {
        void run(Path path, byte[] content) throws Exception;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        only = args.length > 2 ? args[2] : "";
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root.toRealPath())) {
            paths = walk.filter(p -> p.toString().endsWith(".go") && Files.isRegularFile(p)).sorted().toList();
        }
        List<byte[]> contents = new ArrayList<>();
        long bytes = 0;
        for (Path p : paths) {
            byte[] c = Files.readAllBytes(p);
            contents.add(c);
            bytes += c.length;
        }
        System.out.printf(Locale.ROOT, "%d files, %.1f MB%n", paths.size(), bytes / 1e6);
        for (int round = 1; round <= rounds; round++) {
            time("read", round, bytes, paths, contents, (p, c) -> Files.readAllBytes(p));
            time("decode", round, bytes, paths, contents, ParsePhases::decode);
            time("decode+lex", round, bytes, paths, contents, ParsePhases::lex);
            time("check", round, bytes, paths, contents, (p, c) -> GoParsing.check(p.toString(), c));
            time("parse", round, bytes, paths, contents, (p, c) -> GoParsing.parse(p.toString(), c));
        }
    }

    private static SourceText decode(Path path, byte[] content) throws SyntaxError {
        return SourceText.decode(path.toString(), content);
    }

    private static void lex(Path path, byte[] content) throws SyntaxError {
        SourceText source = decode(path, content);
        SemicolonInsertingLexer lexer = new SemicolonInsertingLexer(new GoCharStream(source.text(), source.path()));
        lexer.removeErrorListeners();
        while (lexer.nextToken().getType() != Token.EOF) {
            // only the lexing counts
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static String only = "";

    private static void time(String stage, int round, long bytes, List<Path> paths, List<byte[]> contents,
                             Stage body) {
        if (!only.isEmpty() && !only.equals(stage)) {
            return;
        }
        long started = System.nanoTime();
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < paths.size(); i++) {
            try {
                body.run(paths.get(i), contents.get(i));
            } catch (Exception | StackOverflowError expected) {
                // rejected files cost what they cost; the figures are about time
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        System.out.printf(Locale.ROOT, "round %d %-12s %6.2f s wall %6.2f s cpu %6.1f MB/s per cpu-s%n",
                round, stage, seconds, cpu, bytes / 1e6 / cpu);
    }
}
