package dev.deferfix.parse.antlr;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.BlockEndState;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * Prediction that first walks the {@link PredictionTable} the build made (in
 * SLL mode, the first pass), then asks the shared DFA whether the next token
 * alone decides (so it does for most calls once the DFA is warm), and only
 * otherwise runs ANTLR's full prediction, whose set-up (marking and seeking
 * the stream) costs more than the answer. The table answers all the
 * predictions of a typical small file, so a one-file run never loads and
 * warms ANTLR's prediction code (about 7 ms of a 70 ms run).
 *
 * <p>One decision it answers itself, as Go's parser does: a "(" right after
 * a signature's parameters starts the signature's result, always
 * ({@code func()(x)} is a function type returning x, never x converted to
 * {@code func()}). ANTLR looks ahead to the end of the result to learn that:
 * with nothing cached it was the slowest prediction of a one-file run, though
 * answering it here saves only about 1 ms, as the first predictions share the
 * cost of loading ANTLR's prediction code. For valid Go the answer is the one
 * ANTLR gives (when both readings parse it picks the lower alternative, which
 * enters the result); {@code type T func()(1)} is now rejected, as Go rejects it.
 */
public final class QuickPrediction extends ParserATNSimulator {
    /** The decision whether a signature has a result, and its alternative that reads one. */
    private static final int RESULT_DECISION;
    private static final int READS_RESULT;

    static {
        int[] found = resultDecision(GoParser._ATN);
        RESULT_DECISION = found[0];
        READS_RESULT = found[1];
    }

    /** Answers SLL predictions before ANTLR does, when not null. */
    private final PredictionTable table;

    public QuickPrediction(Parser parser, ParserATNSimulator shared, PredictionTable table) {
        super(parser, shared.atn, shared.decisionToDFA, shared.getSharedContextCache());
        this.table = table;
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        if (startsSignatureResult(input, decision)) {
            return READS_RESULT;
        }
        if (table != null && getPredictionMode() == PredictionMode.SLL) {
            int predicted = table.predict(input, decision, parser.getPrecedence());
            if (predicted != PredictionTable.UNKNOWN) {
                return predicted;
            }
        }
        DFA dfa = decisionToDFA[decision];
        DFAState start = dfa.s0;
        if (start != null && start.edges != null && !dfa.isPrecedenceDfa()) {
            int edge = input.LA(1) + 1; // edges are indexed by token type + 1, so EOF (-1) is edge 0
            if (edge >= 0 && edge < start.edges.length) {
                DFAState next = start.edges[edge];
                if (next != null && next.isAcceptState && next.predicates == null && !next.requiresFullContext) {
                    return next.prediction;
                }
            }
        }
        return super.adaptivePredict(input, decision, outerContext);
    }

    /** Whether this is the decision about a signature's result, at a "(", which always starts it. */
    static boolean startsSignatureResult(TokenStream input, int decision) {
        return decision == RESULT_DECISION && input.LA(1) == GoParser.L_PAREN;
    }

    /** The signature rule's decision, and the alternative whose first rule call is result. */
    private static int[] resultDecision(ATN atn) {
        for (DecisionState state : atn.decisionToState) {
            if (state.ruleIndex != GoParser.RULE_signature) {
                continue;
            }
            for (int alt = 0; alt < state.getNumberOfTransitions(); alt++) {
                ATNState step = state.transition(alt).target;
                while (!(step instanceof BlockEndState || step instanceof RuleStopState)
                        && step.getNumberOfTransitions() == 1 && !(step.transition(0) instanceof RuleTransition)) {
                    step = step.transition(0).target;
                }
                if (step.getNumberOfTransitions() == 1 && step.transition(0) instanceof RuleTransition call
                        && call.ruleIndex == GoParser.RULE_result) {
                    return new int[] {state.decision, alt + 1};
                }
            }
        }
        throw new IllegalStateException("the grammar's signature rule has no decision about a result");
    }
}
