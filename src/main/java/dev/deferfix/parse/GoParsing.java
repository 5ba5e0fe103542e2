package dev.deferfix.parse;

import dev.deferfix.parse.antlr.GoLexer;
import dev.deferfix.parse.antlr.GoParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The one entry point to parsing Go. Nothing outside this package sees ANTLR:
 * callers get {@link ParsedFile} with our own {@link SyntaxNode} tree, or a
 * {@link SyntaxError} naming {@code path:line:col}.
 *
 * <p>Parsing runs in SLL mode first and retries with full LL only when SLL
 * reports an error, which is both fast and exact.
 */
public final class GoParsing {
    private static final NodeKind[] KIND_OF_RULE = kindsOfRules();
    private static final TokenKind[] KIND_OF_TOKEN = kindsOfTokens();

    private GoParsing() {
    }

    /** Parses a file and builds its syntax tree. */
    public static ParsedFile parse(String path, byte[] content) throws SyntaxError {
        return parse(SourceText.decode(path, content));
    }

    public static ParsedFile parse(SourceText source) throws SyntaxError {
        Run run = run(source);
        try {
            SyntaxNode root = toNode(run.tree, run);
            return new ParsedFile(source, root, tokensOf(run), run.fullContext);
        } catch (StackOverflowError tooDeep) {
            throw source.errorAt(0, "file is nested too deeply to analyse");
        }
    }

    /** Only checks that the file parses; reports whether the full-LL retry was needed. */
    public static boolean check(String path, byte[] content) throws SyntaxError {
        return run(SourceText.decode(path, content)).fullContext;
    }

    private record Run(SourceText source, CommonTokenStream tokens, ParserRuleContext tree,
                       boolean fullContext, OffsetMap offsets) {
    }

    private static Run run(SourceText source) throws SyntaxError {
        OffsetMap offsets = OffsetMap.of(source.text());
        GoLexer lexer = new GoLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(THROWING);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        GoParser parser = new GoParser(tokens);
        parser.removeErrorListeners();
        try {
            tokens.fill();
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            try {
                return new Run(source, tokens, parser.sourceFile(), false, offsets);
            } catch (ParseCancellationException sllFailed) {
                tokens.seek(0);
                parser.reset();
                parser.addErrorListener(THROWING);
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                return new Run(source, tokens, parser.sourceFile(), true, offsets);
            }
        } catch (Failure failure) {
            throw source.errorAt(offsets.toChar(failure.codePointIndex), failure.reason);
        } catch (StackOverflowError tooDeep) {
            Token at = parser.getCurrentToken();
            int index = at == null ? 0 : Math.max(0, at.getStartIndex());
            throw source.errorAt(offsets.toChar(index), "file is nested too deeply to parse");
        }
    }

    /** Thrown from the error listeners, caught in {@link #run}. */
    private static final class Failure extends RuntimeException {
        final int codePointIndex;
        final String reason;

        Failure(int codePointIndex, String reason) {
            super(reason, null, false, false);
            this.codePointIndex = codePointIndex;
            this.reason = reason;
        }
    }

    private static final BaseErrorListener THROWING = new BaseErrorListener() {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            if (recognizer instanceof Lexer lexer) {
                throw lexerFailure(lexer);
            }
            Token token = (Token) offendingSymbol;
            throw new Failure(Math.max(0, token.getStartIndex()), "syntax error: unexpected " + describe(token));
        }
    };

    private static Failure lexerFailure(Lexer lexer) {
        int start = lexer._tokenStartCharIndex;
        CharStream input = lexer.getInputStream();
        String rest = input.getText(Interval.of(start, Math.min(start + 1, input.size() - 1)));
        String reason;
        if (rest.startsWith("/*")) {
            reason = "comment not terminated";
        } else if (rest.startsWith("\"")) {
            reason = "string literal not terminated";
        } else if (rest.startsWith("`")) {
            reason = "raw string literal not terminated";
        } else if (rest.startsWith("'")) {
            reason = "rune literal not terminated or invalid";
        } else {
            int c = rest.isEmpty() ? 0 : rest.codePointAt(0);
            reason = String.format("invalid character U+%04X %s", c, quote(c));
        }
        return new Failure(start, reason);
    }

    private static String quote(int codePoint) {
        return Character.isISOControl(codePoint) ? "" : "'" + new String(Character.toChars(codePoint)) + "'";
    }

    private static String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "EOF";
        }
        if (token.getType() == GoLexer.SEMI && token.getText().isEmpty()) {
            return "newline";
        }
        return token.getText();
    }

    private static SyntaxNode toNode(ParseTree tree, Run run) {
        if (tree instanceof TerminalNode terminal) {
            Token token = terminal.getSymbol();
            int start = run.offsets.toChar(token.getStartIndex());
            int end = run.offsets.toChar(token.getStopIndex() + 1);
            return new SyntaxNode(NodeKind.TOKEN, KIND_OF_TOKEN[token.getType()], run.source, start, end, List.of());
        }
        ParserRuleContext rule = (ParserRuleContext) tree;
        int count = rule.getChildCount();
        List<SyntaxNode> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ParseTree child = rule.getChild(i);
            if (child instanceof TerminalNode terminal && terminal.getSymbol().getType() == Token.EOF) {
                continue;
            }
            children.add(toNode(child, run));
        }
        int start;
        int end;
        if (children.isEmpty()) {
            start = run.offsets.toChar(Math.max(0, rule.getStart().getStartIndex()));
            end = start;
        } else {
            start = children.get(0).start();
            end = children.get(children.size() - 1).end();
        }
        return new SyntaxNode(KIND_OF_RULE[rule.getRuleIndex()], null, run.source, start, end, children);
    }

    private static List<GoToken> tokensOf(Run run) {
        List<Token> all = run.tokens.getTokens();
        List<GoToken> result = new ArrayList<>(all.size());
        for (Token token : all) {
            if (token.getType() == Token.EOF) {
                continue;
            }
            result.add(new GoToken(KIND_OF_TOKEN[token.getType()],
                    run.offsets.toChar(token.getStartIndex()), run.offsets.toChar(token.getStopIndex() + 1)));
        }
        return result;
    }

    private static NodeKind[] kindsOfRules() {
        String[] names = GoParser.ruleNames;
        NodeKind[] kinds = new NodeKind[names.length];
        for (int i = 0; i < names.length; i++) {
            kinds[i] = NodeKind.valueOf(kindName(names[i]));
        }
        return kinds;
    }

    /** "headerSimpleStmt" and "simpleStmt" both become SIMPLE_STMT; "type_" becomes TYPE. */
    static String kindName(String ruleName) {
        String name = ruleName.endsWith("_") ? ruleName.substring(0, ruleName.length() - 1) : ruleName;
        if (name.startsWith("header") && name.length() > "header".length()) {
            String rest = name.substring("header".length());
            name = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        }
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }

    private static TokenKind[] kindsOfTokens() {
        int max = GoLexer.VOCABULARY.getMaxTokenType();
        TokenKind[] kinds = new TokenKind[max + 1];
        for (int type = 1; type <= max; type++) {
            kinds[type] = TokenKind.valueOf(GoLexer.VOCABULARY.getSymbolicName(type));
        }
        return kinds;
    }

    /** Converts ANTLR's code point indexes to UTF-16 offsets; the identity for most files. */
    private static final class OffsetMap {
        private final int[] charOfCodePoint;

        private OffsetMap(int[] charOfCodePoint) {
            this.charOfCodePoint = charOfCodePoint;
        }

        static OffsetMap of(String text) {
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints == text.length()) {
                return new OffsetMap(null);
            }
            int[] map = new int[codePoints + 1];
            int charIndex = 0;
            for (int cp = 0; cp < codePoints; cp++) {
                map[cp] = charIndex;
                charIndex += Character.charCount(text.codePointAt(charIndex));
            }
            map[codePoints] = charIndex;
            return new OffsetMap(map);
        }

        int toChar(int codePointIndex) {
            if (charOfCodePoint == null) {
                return codePointIndex;
            }
            return charOfCodePoint[Math.min(codePointIndex, charOfCodePoint.length - 1)];
        }
    }
}
