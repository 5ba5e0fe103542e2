import dev.deferfix.cli.Cli;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Growth of the scan itself, for scripts/bench's goal 5: runs `defer-fix -l`
 * in-process over 1, 2 and 4 of the given copies of a tree, in one JVM that
 * has already scanned them, so start-up, JIT compilation and the parser's
 * caches are paid before the clock starts. A cold run pays them once per
 * process, which is what makes its time per copy fall as copies are added;
 * this shows whether what is left grows in proportion to the size.
 *
 * usage: java FLAGS -cp defer-fix.jar:DIR WarmGrowth ROUNDS COPY1 COPY2 COPY3 COPY4
 * prints one line per count: "COPIES MEDIAN_SECONDS"
 */
public final class WarmGrowth {
    private static final int[] COUNTS = {1, 2, 4};

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        String[] copies = Arrays.copyOfRange(args, 1, args.length);
        if (copies.length < 4) {
            throw new IllegalArgumentException("four copies of the tree are needed, got " + copies.length);
        }
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            scan(copies, 4);
        }
        double[][] seconds = new double[COUNTS.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < COUNTS.length; i++) {
                seconds[i][round] = scan(copies, COUNTS[i]);
            }
        }
        for (int i = 0; i < COUNTS.length; i++) {
            Arrays.sort(seconds[i]);
            System.out.printf("%d %.3f%n", COUNTS[i], seconds[i][rounds / 2]);
        }
    }

    /** Wall seconds of one `-l` over the first {@code count} copies; each starts from a collected heap, as a new process would. */
    private static double scan(String[] copies, int count) {
        String[] arguments = new String[count + 1];
        arguments[0] = "-l";
        System.arraycopy(copies, 0, arguments, 1, count);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Cli cli = new Cli(InputStream.nullInputStream(), discard, discard, Path.of(""), false);
        System.gc();
        long start = System.nanoTime();
        cli.run(arguments);
        return (System.nanoTime() - start) / 1e9;
    }
}
