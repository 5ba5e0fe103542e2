package dev.deferfix.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.deferfix.testing.SampleGo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code defer-fix -w} in a separate process, interrupted while it writes:
 * Ctrl-C (SIGINT) stops cleanly with exit 130 and no temporary file; SIGKILL
 * at random moments leaves every file either untouched or completely
 * rewritten, and the next run removes any temporary file the killed one left.
 */
class InterruptedWriteTest {
    private static final int FILES = 1500;

    @TempDir
    Path tree;

    private String fixed;
    private Path firstFile;

    @BeforeEach
    void createTree() throws IOException, InterruptedException {
        Path sample = Files.createDirectories(tree.resolve("sample"));
        Files.writeString(sample.resolve("main.go"), SampleGo.SEED);
        Process once = start(sample);
        assertEquals(0, once.waitFor(), "a full run rewrites the sample");
        fixed = Files.readString(sample.resolve("main.go"));
        assertTrue(!fixed.equals(SampleGo.SEED));
        Files.delete(sample.resolve("main.go"));
        Files.delete(sample);
        for (int i = 0; i < FILES; i++) {
            Path file = tree.resolve(String.format("p%02d/f%04d.go", i % 50, i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, SampleGo.SEED);
        }
        firstFile = tree.resolve("p00/f0000.go");
    }

    @Test
    void ctrlCStopsCleanlyWithExit130() throws IOException, InterruptedException {
        Process run = start(tree);
        waitUntilRewritten(run, firstFile);
        signal(run, "INT");
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the run stops after SIGINT");
        assertEquals(130, run.exitValue());
        int rewritten = checkEveryFileWhole();
        assertTrue(rewritten >= 1, "finished files stay rewritten");
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void sigkillAtRandomMomentsNeverLeavesAHalfWrittenFile() throws IOException, InterruptedException {
        Random random = new Random(8);
        for (int round = 0; round < 3; round++) {
            restoreFirstFile();
            Process run = start(tree);
            waitUntilRewritten(run, firstFile);
            Thread.sleep(random.nextInt(400));
            signal(run, "KILL");
            run.waitFor(60, TimeUnit.SECONDS);
            checkEveryFileWhole();
        }
        Process last = start(tree);
        assertTrue(last.waitFor(600, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue(), "the next run finishes the job");
        assertEquals(FILES, checkEveryFileWhole());
        assertEquals(List.of(), temporaryFiles(), "the next run removed the killed runs' temporary files");
    }

    /** Puts the first file back so the next round has something to wait for. */
    private void restoreFirstFile() throws IOException {
        Files.writeString(firstFile, SampleGo.SEED);
    }

    /** Every Go file is the original or the complete rewrite; returns how many are rewritten. */
    private int checkEveryFileWhole() throws IOException {
        int rewritten = 0;
        for (Path file : goFiles()) {
            String content = Files.readString(file);
            if (content.equals(fixed)) {
                rewritten++;
            } else if (!content.equals(SampleGo.SEED)) {
                fail(file + " is neither the original nor the rewrite:\n" + content);
            }
        }
        return rewritten;
    }

    private List<Path> goFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(p -> p.toString().endsWith(".go")).sorted().toList();
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(InFlightTemps.SUFFIX)).toList();
        }
    }

    private static void waitUntilRewritten(Process run, Path file) throws IOException, InterruptedException {
        while (Files.readString(file).equals(SampleGo.SEED)) {
            if (!run.isAlive()) {
                fail("the run ended before the first rewrite: exit " + run.exitValue());
            }
            Thread.sleep(5);
        }
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    private static Process start(Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.deferfix.cli.Main");
        command.add("-w");
        command.add(".");
        return new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
