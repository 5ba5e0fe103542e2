package dev.deferfix.bench;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import dev.deferfix.parse.SyntaxError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lexer and parser on a few large files of the Go standard library, with the
 * launcher's JVM flags (C1 only, serial GC), one file per invocation:
 * lex = decode and tokenize; check = what --parse-all does per file (no tree
 * kept, no tokens kept); parse = what the finder gets (tree and every token).
 * Run with {@code mvn -Pjmh test-compile exec:exec@jmh} (README, Performance).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss64m"})
public class ParserBenchmark {
    /** Relative to the standard library's src directory (environment variable GO_SRC, else `go env GOROOT`/src). */
    @Param({"net/http/server.go", "runtime/proc.go", "go/types/expr.go", "cmd/compile/internal/ssa/rewriteAMD64.go"})
    public String file;

    private String path;
    private byte[] content;

    @Setup
    public void read() throws IOException, InterruptedException {
        Path source = goSource().resolve(file);
        path = source.toString();
        content = Files.readAllBytes(source);
    }

    @Benchmark
    public List<GoToken> lex() throws SyntaxError {
        return GoParsing.tokenize(SourceText.decode(path, content));
    }

    @Benchmark
    public boolean check() throws SyntaxError {
        return GoParsing.check(path, content);
    }

    @Benchmark
    public ParsedFile parse() throws SyntaxError {
        return GoParsing.parse(path, content);
    }

    private static Path goSource() throws IOException, InterruptedException {
        String configured = System.getenv("GO_SRC");
        if (configured != null) {
            return Path.of(configured);
        }
        Process go = new ProcessBuilder("go", "env", "GOROOT").redirectErrorStream(true).start();
        String root = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (go.waitFor() != 0) {
            throw new IOException("go env GOROOT failed: " + root + " (set GO_SRC to the src directory)");
        }
        return Path.of(root, "src");
    }
}
