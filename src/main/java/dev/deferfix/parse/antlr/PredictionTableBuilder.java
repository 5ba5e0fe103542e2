package dev.deferfix.parse.antlr;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.atn.ATNSimulator;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * Writes the {@link PredictionTable}: ANTLR's shared prediction DFA of {@link GoParser},
 * as SLL parses have filled it, flattened into arrays.
 */
public final class PredictionTableBuilder {
    private final Map<DFAState, Integer> ids = new IdentityHashMap<>();
    private final List<DFAState> states = new ArrayList<>();

    private PredictionTableBuilder() {
    }

    /** Writes the table of {@link GoParser#_decisionToDFA} as it stands now. */
    public static void write(OutputStream out) throws IOException {
        new PredictionTableBuilder().writeTable(out);
    }

    private void writeTable(OutputStream out) throws IOException {
        DFA[] dfas = GoParser._decisionToDFA;
        int[] decisionStart = new int[dfas.length];
        List<Integer> precedenceStarts = new ArrayList<>();
        for (DFA dfa : dfas) {
            decisionStart[dfa.decision] = -1;
            if (dfa.s0 == null) {
                continue;
            }
            if (!dfa.isPrecedenceDfa()) {
                decisionStart[dfa.decision] = idOf(dfa.s0);
                continue;
            }
            List<Integer> pairs = new ArrayList<>();
            DFAState[] byPrecedence = dfa.s0.edges == null ? new DFAState[0] : dfa.s0.edges;
            for (int precedence = 0; precedence < byPrecedence.length; precedence++) {
                if (byPrecedence[precedence] != null) {
                    pairs.add(precedence);
                    pairs.add(idOf(byPrecedence[precedence]));
                }
            }
            decisionStart[dfa.decision] = -2 - precedenceStarts.size();
            precedenceStarts.add(pairs.size() / 2);
            precedenceStarts.addAll(pairs);
        }
        // States are numbered as found; each one's edges are listed in symbol order.
        List<Integer> prediction = new ArrayList<>();
        List<Integer> firstEdge = new ArrayList<>();
        List<Integer> edgeSymbol = new ArrayList<>();
        List<Integer> edgeTarget = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            DFAState state = states.get(i);
            prediction.add(predictionOf(state));
            firstEdge.add(edgeSymbol.size());
            DFAState[] edges = state.edges == null || state.isAcceptState ? new DFAState[0] : state.edges;
            for (int symbol = 0; symbol < edges.length; symbol++) {
                DFAState target = edges[symbol];
                if (target != null && target != ATNSimulator.ERROR) {
                    edgeSymbol.add(symbol);
                    edgeTarget.add(idOf(target));
                }
            }
        }
        firstEdge.add(edgeSymbol.size());

        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(PredictionTable.FORMAT);
        for (int fact : PredictionTable.grammarFingerprint()) {
            data.writeInt(fact);
        }
        writeInts(data, listOf(decisionStart));
        writeInts(data, precedenceStarts);
        writeInts(data, prediction);
        writeInts(data, firstEdge);
        writeInts(data, edgeSymbol);
        writeInts(data, edgeTarget);
        data.flush();
        System.out.printf("prediction table: %d decisions, %d states, %d edges%n",
                dfas.length, states.size(), edgeSymbol.size());
    }

    /** An accepting state's alternative, {@link PredictionTable#NEEDS_PREDICATE}, or 0 to read on. */
    private static int predictionOf(DFAState state) {
        if (!state.isAcceptState) {
            return 0;
        }
        return state.predicates != null ? PredictionTable.NEEDS_PREDICATE : state.prediction;
    }

    private int idOf(DFAState state) {
        Integer id = ids.get(state);
        if (id == null) {
            id = states.size();
            ids.put(state, id);
            states.add(state);
        }
        return id;
    }

    private static List<Integer> listOf(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    private static void writeInts(DataOutputStream data, List<Integer> values) throws IOException {
        data.writeInt(values.size());
        for (int value : values) {
            data.writeInt(value);
        }
    }
}
