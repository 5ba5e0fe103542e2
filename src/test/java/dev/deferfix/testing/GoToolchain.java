package dev.deferfix.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the real Go toolchain and reference data for tests. Tests that
 * need Go are skipped when it is missing, except under CI=true, where a
 * missing toolchain is a failure.
 */
public final class GoToolchain {
    /** Reference data measured with Go's own tools; see its README.md. Tests run in the project directory. */
    /** The project's shared reference data lives beside the repository; DEFERFIX_SHARED overrides. */
    private static final Path SHARED_DATA = Path.of(System.getenv().getOrDefault("DEFERFIX_SHARED",
            Path.of("..", "shared").toString()), "data");

    private GoToolchain() {
    }

    /** Result of running a command. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }
    }

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the test (or fails under CI) with the given reason. */
    public static void require(boolean available, String what) {
        if (!available && underCi()) {
            fail(what + " is required under CI=true but missing");
        }
        Assumptions.assumeTrue(available, what + " is not installed; skipping");
    }

    public static Path goOrSkip() {
        Path go = onPath("go");
        require(go != null, "the Go toolchain (go)");
        return go;
    }

    public static Path gofmtOrSkip() {
        Path gofmt = onPath("gofmt");
        require(gofmt != null, "gofmt");
        return gofmt;
    }

    /** A C compiler, which Go's race detector (go run -race) needs through cgo. */
    public static void raceDetectorOrSkip() {
        require(onPath("gcc") != null, "gcc, for the race detector (go run -race)");
    }

    /**
     * The real path of the Go 1.19 standard library source tree: {@code $(go env GOROOT)/src}
     * when that Go is 1.19, else Debian's golang-1.19-src location.
     */
    public static Path stdlibSourceOrSkip() {
        Path src = null;
        List<Path> candidates = new ArrayList<>();
        Path goroot = goroot119();
        if (goroot != null) {
            candidates.add(goroot.resolve("src"));
        }
        candidates.add(Path.of("/usr/share/go-1.19/src"));
        candidates.add(Path.of("/usr/lib/go-1.19/src"));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve("fmt"))) {
                src = candidate;
                break;
            }
        }
        require(src != null, "the Go 1.19 standard library source (golang-1.19-src)");
        try {
            return src.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular .go file under {@code dir} (vendor and testdata too), in path order. */
    public static List<Path> goFilesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".go") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** GOROOT of the go on PATH if it is Go 1.19, else null. */
    private static Path goroot119() {
        Path go = onPath("go");
        if (go == null) {
            return null;
        }
        Result result = run(Path.of("."), List.of(), 60, go.toString(), "env", "GOROOT");
        Path goroot = Path.of(result.stdout().strip());
        try {
            String version = Files.readString(goroot.resolve("VERSION"), StandardCharsets.UTF_8);
            return result.exitCode() == 0 && version.startsWith("go1.19") ? goroot : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A file of the reference data in ../shared/data beside the repository (measured with Go's own parser). */
    public static Path sharedData(String name) {
        Path path = SHARED_DATA.resolve(name);
        if (!Files.exists(path)) {
            fail("reference data " + path.toAbsolutePath() + " is missing: ../shared/ must sit beside the "
                    + "repository (or set DEFERFIX_SHARED to its path)");
        }
        return path;
    }

    public static Set<String> knownBrokenStdlibFiles() {
        try {
            return Set.copyOf(Files.readAllLines(sharedData("go1.19-stdlib-rejected-by-go-parser.txt"))
                    .stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isKnownBrokenStdlibFile(String relativePath) {
        return knownBrokenStdlibFiles().contains(relativePath);
    }

    public static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs a command in a directory with extra environment entries ("K=V"), bounded by a timeout. */
    public static Result run(Path dir, List<String> env, long timeoutSeconds, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        for (String entry : env) {
            int eq = entry.indexOf('=');
            builder.environment().put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        try {
            Path out = Files.createTempFile("cmd", ".out");
            Path err = Files.createTempFile("cmd", ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Debian's packaged Go libraries, for GOPATH mode. */
    public static final String DEBIAN_GOPATH = "/usr/share/gocode";

    /** Environment for running Go offline in GOPATH mode (GOPATH may list several roots, ':'-separated). */
    public static List<String> gopathEnvironment(String gopath, Path cache) {
        List<String> env = new ArrayList<>();
        env.add("GO111MODULE=off");
        env.add("GOPATH=" + gopath);
        env.add("GOCACHE=" + cache.toAbsolutePath());
        env.add("GOPROXY=off");
        return env;
    }
}
