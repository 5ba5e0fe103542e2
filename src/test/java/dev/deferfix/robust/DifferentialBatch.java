package dev.deferfix.robust;

import static org.junit.jupiter.api.Assertions.fail;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds many generated programs into one Go binary (one file each, plus the
 * shared helpers below) and runs it once, so a batch costs one {@code go build}
 * rather than one per program. A file that does not compile is reported and
 * swapped for its fallback text (the original program), and the build retried.
 */
final class DifferentialBatch {
    /** Helpers every generated program logs through; each program's log is printed after "=== NAME". */
    static final String SUPPORT = """
            package main

            import "fmt"

            var evlog []string

            func ev(s string) { evlog = append(evlog, s) }

            type res struct {
            	name, tag string
            	closed    bool
            }

            func open(name, tag string) *res {
            	ev("open " + name + " @" + tag)
            	return &res{name: name, tag: tag}
            }

            func (r *res) Close() error {
            	ev("close " + r.name + " @" + r.tag)
            	r.closed = true
            	if len(r.name)%2 == 0 {
            		return fmt.Errorf("close %s failed", r.name)
            	}
            	return nil
            }

            func release(r *res) { _ = r.Close() }

            func note(r *res, v int) {
            	ev(fmt.Sprint("close ", r.name, " v=", v, " @", r.tag))
            	r.closed = true
            }

            func (r *res) use(w, at string) {
            	ev(fmt.Sprint("use ", r.name, " ", w, " closed=", r.closed, " @", at))
            }

            type reader struct{ r *res }

            func newReader(r *res) *reader { return &reader{r: r} }

            func (w *reader) use(at string) { w.r.use("via reader", at) }

            // late logs from a defer that stays until the function returns.
            func (r *res) late(at string) { ev(fmt.Sprint("late ", r.name, " closed=", r.closed, " @", at)) }

            func (w *reader) late(at string) { w.r.late(at) }

            func panicAt(id, at string) {
            	ev("panic " + id + " @" + at)
            	panic(id)
            }

            func runOne(name string, run func()) {
            	evlog = nil
            	defer func() {
            		if r := recover(); r != nil {
            			ev(fmt.Sprint("PANIC ", r))
            		}
            		fmt.Println("=== " + name)
            		for _, e := range evlog {
            			fmt.Println(e)
            		}
            	}()
            	run()
            }
            """;
    private static final Pattern ERROR_FILE = Pattern.compile("^\\./(\\w+)\\.go:", Pattern.MULTILINE);
    private static final long TIMEOUT_SECONDS = 600;

    /** The event log of every program, and the compiler's complaint about each file that had to be swapped. */
    record Outcome(Map<String, List<String>> logs, Map<String, String> buildErrors) {
    }

    private DifferentialBatch() {
    }

    /**
     * @param files    program name (also its file name and prefix stem) to its text
     * @param fallback program name to the text used when its file does not compile, or null for none
     */
    static Outcome run(Path go, Path dir, Map<String, String> files, Map<String, String> fallback) {
        Map<String, String> current = new LinkedHashMap<>(files);
        Map<String, String> buildErrors = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            write(dir.resolve("go.mod"), "module difftest\n\ngo 1.19\n");
            write(dir.resolve("support.go"), SUPPORT + mainFunction(files.keySet()));
            while (true) {
                for (Map.Entry<String, String> file : current.entrySet()) {
                    write(dir.resolve(file.getKey() + ".go"), file.getValue());
                }
                GoToolchain.Result build = GoToolchain.run(dir, List.of("GOPROXY=off", "GOFLAGS=-mod=mod"),
                        TIMEOUT_SECONDS, go.toString(), "build", "-o", "programs", ".");
                if (build.exitCode() == 0) {
                    break;
                }
                TreeSet<String> broken = new TreeSet<>();
                Matcher matcher = ERROR_FILE.matcher(build.output());
                while (matcher.find()) {
                    broken.add(matcher.group(1));
                }
                broken.retainAll(current.keySet());
                broken.removeAll(buildErrors.keySet());
                if (fallback == null || broken.isEmpty()) {
                    fail("go build in " + dir + " failed:\n" + build.output());
                }
                for (String name : broken) {
                    buildErrors.put(name, build.output());
                    current.put(name, fallback.get(name));
                }
            }
            GoToolchain.Result result = GoToolchain.run(dir, List.of(), TIMEOUT_SECONDS,
                    dir.resolve("programs").toAbsolutePath().toString());
            if (result.exitCode() != 0) {
                fail("the programs of " + dir + " exited with " + result.exitCode() + ":\n" + result.stderr());
            }
            return new Outcome(logs(result.stdout()), buildErrors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mainFunction(Iterable<String> names) {
        StringBuilder main = new StringBuilder("\nfunc main() {\n");
        for (String name : names) {
            main.append("\trunOne(\"").append(name).append("\", ").append(name).append("_main)\n");
        }
        return main.append("}\n").toString();
    }

    private static Map<String, List<String>> logs(String stdout) {
        Map<String, List<String>> logs = new LinkedHashMap<>();
        List<String> log = null;
        for (String line : stdout.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                log = new ArrayList<>();
                logs.put(line.substring(4), log);
            } else if (log != null && !line.isEmpty()) {
                log.add(line);
            }
        }
        return logs;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
