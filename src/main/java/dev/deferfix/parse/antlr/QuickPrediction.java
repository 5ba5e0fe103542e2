package dev.deferfix.parse.antlr;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * Prediction that first asks the shared DFA whether the next token alone
 * decides (so it does for most calls once the DFA is warm) and only
 * otherwise runs ANTLR's full prediction, whose set-up (marking and seeking
 * the stream) costs more than the answer.
 */
public final class QuickPrediction extends ParserATNSimulator {

    public QuickPrediction(Parser parser, ParserATNSimulator shared) {
        super(parser, shared.atn, shared.decisionToDFA, shared.getSharedContextCache());
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
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
}
