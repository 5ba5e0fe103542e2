package dev.deferfix.parse.antlr;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Lets the caller build its own tree while parsing, through a {@link TreeSink},
 * so ANTLR's parse tree need not be built at all (turn it off with
 * {@code setBuildParseTree(false)}).
 */
public abstract class TreeBuildingParser extends Parser {
    private TreeSink tree;

    protected TreeBuildingParser(TokenStream input) {
        super(input);
    }

    /** Where rules and tokens go; null for none. */
    public void setTreeSink(TreeSink tree) {
        this.tree = tree;
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        super.enterRule(localctx, state, ruleIndex);
        if (tree != null) {
            tree.enterRule(ruleIndex);
        }
    }

    @Override
    public void exitRule() {
        if (tree != null) {
            tree.exitRule();
        }
        super.exitRule();
    }

    @Override
    public Token consume() {
        Token token = super.consume();
        if (tree != null && token.getType() != Token.EOF) {
            tree.token(token.getType(), token.getStartIndex(), token.getStopIndex() + 1);
        }
        return token;
    }
}
