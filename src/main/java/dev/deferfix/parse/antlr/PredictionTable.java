package dev.deferfix.parse.antlr;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.antlr.v4.runtime.TokenStream;

/**
 * ANTLR's prediction DFA for the grammar's decisions, as a build-time parse of the
 * fixtures left it (see {@link PredictionTableBuilder}), in plain arrays loaded from
 * the jar. A fresh run answers most predictions by walking these arrays instead of
 * running ANTLR's prediction cold, which cost a one-file run several milliseconds.
 *
 * <p>The DFA is a cache of SLL prediction, which depends on nothing but the decision,
 * the parser's precedence (for left-recursive rules) and the tokens ahead, so a walk
 * that reaches an accepting state gives the answer ANTLR's own SLL prediction would.
 * Where the table has no edge for the next token, or the state needs a semantic
 * predicate, {@link #predict} answers {@link #UNKNOWN} and ANTLR predicts as usual.
 */
public final class PredictionTable {
    static final String RESOURCE = "prediction-table.bin";
    static final int FORMAT = 1;
    /** What {@link #predict} answers when the table cannot. */
    static final int UNKNOWN = 0;
    /** A state's prediction that says the walk must stop: it needs a predicate. */
    static final int NEEDS_PREDICATE = -1;
    /** Names a system property that, when set, keeps the table out (the build sets it while filling the DFA). */
    public static final String OFF_PROPERTY = "deferfix.predictionTable.off";

    /** Per decision: its start state, or -1; for a precedence decision, -2 - its index in {@link #precedenceStarts}. */
    private final int[] decisionStart;
    /** Per precedence decision: count, then (precedence, state) pairs. */
    private final int[] precedenceStarts;
    /** Per state: the alternative it predicts (accepting), 0 (go on reading), or {@link #NEEDS_PREDICATE}. */
    private final int[] prediction;
    /** Per state: where its edges start in {@link #edgeSymbol}; one more entry ends the last state's. */
    private final int[] firstEdge;
    /** Per edge, sorted by symbol within a state: token type + 1 (EOF is 0), and the target state. */
    private final int[] edgeSymbol;
    private final int[] edgeTarget;

    private PredictionTable(int[] decisionStart, int[] precedenceStarts, int[] prediction, int[] firstEdge,
                            int[] edgeSymbol, int[] edgeTarget) {
        this.decisionStart = decisionStart;
        this.precedenceStarts = precedenceStarts;
        this.prediction = prediction;
        this.firstEdge = firstEdge;
        this.edgeSymbol = edgeSymbol;
        this.edgeTarget = edgeTarget;
    }

    /**
     * The alternative the DFA predicts for {@code decision} at the tokens ahead of
     * {@code input} (not moved), or {@link #UNKNOWN}.
     */
    int predict(TokenStream input, int decision, int precedence) {
        int state = startOf(decision, precedence);
        int ahead = 1;
        while (state >= 0) {
            state = target(state, input.LA(ahead++) + 1);
            if (state >= 0 && prediction[state] != 0) {
                return prediction[state] > 0 ? prediction[state] : UNKNOWN;
            }
        }
        return UNKNOWN;
    }

    /** The decision's start state (for the parser's precedence, in a left-recursive rule), or -1. */
    private int startOf(int decision, int precedence) {
        int start = decisionStart[decision];
        if (start >= -1) {
            return start;
        }
        int at = -2 - start;
        int pairs = precedenceStarts[at];
        for (int i = 0; i < pairs; i++) {
            if (precedenceStarts[at + 1 + 2 * i] == precedence) {
                return precedenceStarts[at + 2 + 2 * i];
            }
        }
        return -1;
    }

    /** The state an edge on {@code symbol} leads to, or -1 (binary search: a start state has dozens of edges). */
    private int target(int state, int symbol) {
        int low = firstEdge[state];
        int high = firstEdge[state + 1] - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = edgeSymbol[middle];
            if (found < symbol) {
                low = middle + 1;
            } else if (found > symbol) {
                high = middle - 1;
            } else {
                return edgeTarget[middle];
            }
        }
        return -1;
    }

    /**
     * The table the build put beside this class, loaded on first use; null when
     * there is none, it was made for another grammar, or {@link #OFF_PROPERTY} is
     * set (then ANTLR predicts everything).
     */
    public static PredictionTable bundled() {
        return Bundled.TABLE;
    }

    /** Loaded with its holder class, on the first call of {@link #bundled}. */
    private static final class Bundled {
        static final PredictionTable TABLE = System.getProperty(OFF_PROPERTY) != null ? null : readBundled();
    }

    private static PredictionTable readBundled() {
        String classPath = System.getProperty("java.class.path", "");
        try {
            if (classPath.endsWith(".jar") && classPath.indexOf(File.pathSeparatorChar) < 0) {
                // Run from the jar: read the entry straight from it. The class loader's resource
                // search would open the JDK's module image first, 4 ms of a 70 ms one-file run.
                try (ZipFile jar = new ZipFile(classPath)) {
                    ZipEntry entry = jar.getEntry(PredictionTable.class.getPackageName().replace('.', '/') + "/" + RESOURCE);
                    return entry == null ? null : read(jar.getInputStream(entry).readAllBytes());
                }
            }
            try (InputStream in = PredictionTable.class.getResourceAsStream(RESOURCE)) {
                return in == null ? null : read(in.readAllBytes());
            }
        } catch (IOException unreadable) {
            return null;
        }
    }

    /**
     * What tells this grammar's table from another's, cheaply (hashing the serialized
     * ATN took a third of a millisecond): the table is rebuilt with every build anyway.
     */
    static int[] grammarFingerprint() {
        return new int[] {GoParser._serializedATN.length(), GoParser._ATN.states.size(), GoParser._decisionToDFA.length};
    }

    /** A table as {@link PredictionTableBuilder} writes it, or null if it is for another grammar or format. */
    static PredictionTable read(byte[] bytes) {
        IntBuffer ints = ByteBuffer.wrap(bytes).asIntBuffer();
        try {
            if (ints.get() != FORMAT) {
                return null;
            }
            for (int fact : grammarFingerprint()) {
                if (ints.get() != fact) {
                    return null;
                }
            }
            int[][] arrays = new int[6][];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = new int[ints.get()];
                ints.get(arrays[i]);
            }
            return new PredictionTable(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5]);
        } catch (BufferUnderflowException | NegativeArraySizeException truncated) {
            return null;
        }
    }
}
