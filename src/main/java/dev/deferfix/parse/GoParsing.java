package dev.deferfix.parse;

import dev.deferfix.parse.antlr.GoCharStream;
import dev.deferfix.parse.antlr.GoLexer;
import dev.deferfix.parse.antlr.GoParser;
import dev.deferfix.parse.antlr.GoTokenStream;
import dev.deferfix.parse.antlr.PredictionTable;
import dev.deferfix.parse.antlr.QuickPrediction;
import dev.deferfix.parse.antlr.SemicolonInsertingLexer;
import dev.deferfix.parse.antlr.TokenSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

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
    /** Go source averages a token per 3 characters, and a token the parser sees per 5 (stdlib figures). */
    private static final int CHARS_PER_TOKEN = 3;
    private static final int CHARS_PER_PARSER_TOKEN = 5;

    private GoParsing() {
    }

    /** Parses a file and builds its syntax tree. */
    public static ParsedFile parse(String path, byte[] content) throws SyntaxError {
        return parse(SourceText.decode(path, content));
    }

    /**
     * Parses a file, builds its syntax tree and applies the {@link SyntaxRules}
     * that Go's parser enforces beyond the grammar.
     */
    public static ParsedFile parse(SourceText source) throws SyntaxError {
        TokenList tokens = new TokenList(source.length() / CHARS_PER_TOKEN);
        TreeBuilder tree = new TreeBuilder(source, true);
        boolean fullContext = run(source, new EscapeCheckingSink(source, tokens), tree);
        tree.checkRules();
        return new ParsedFile(source, tree.root(), tokens, tree.deferStatements(), fullContext);
    }

    /**
     * Checks that the file is valid Go, exactly as {@link #parse} does, without
     * keeping its tokens or more of its tree than the rules need; reports
     * whether the full-LL retry was needed.
     */
    public static boolean check(String path, byte[] content) throws SyntaxError {
        SourceText source = SourceText.decode(path, content);
        TreeBuilder tree = new TreeBuilder(source, false);
        boolean fullContext = run(source, new EscapeCheckingSink(source, null), tree);
        tree.checkRules();
        return fullContext;
    }

    /**
     * Splits a file into tokens without parsing it, so even a file with syntax
     * errors prints back to its exact text. Fails only where the lexer does.
     */
    public static List<GoToken> tokenize(SourceText source) throws SyntaxError {
        TokenList tokens = new TokenList(source.length() / CHARS_PER_TOKEN);
        try {
            new GoTokenStream(lexer(source, tokens), source.length() / CHARS_PER_PARSER_TOKEN);
        } catch (Failure failure) {
            throw source.errorAt(failure.offset, failure.reason);
        }
        return tokens;
    }

    /**
     * Checks the escapes of every literal and hands every token on to a list, if any.
     * (A class, not a lambda: each lambda's first call costs every start-up.)
     */
    private static final class EscapeCheckingSink implements TokenSink {
        private final SourceText source;
        private final TokenList kept;

        EscapeCheckingSink(SourceText source, TokenList kept) {
            this.source = source;
            this.kept = kept;
        }

        @Override
        public void token(int type, int start, int end) {
            if (kept != null) {
                kept.token(type, start, end);
            }
            checkEscapes(source, type, start, end);
        }
    }

    /** Escape values the lexer grammar cannot check (octal above 255, surrogates) fail like lexical errors. */
    private static void checkEscapes(SourceText source, int type, int start, int end) {
        if (type != GoLexer.STRING && type != GoLexer.RUNE) {
            return;
        }
        try {
            LiteralValues.check(source.text(), start, end);
        } catch (LiteralValues.InvalidEscape e) {
            throw new Failure(start + e.index, e.getMessage());
        }
    }

    private static SemicolonInsertingLexer lexer(SourceText source, TokenSink tokenSink) {
        SemicolonInsertingLexer lexer = new SemicolonInsertingLexer(new GoCharStream(source.text(), source.path()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(THROWING);
        lexer.setTokenSink(tokenSink);
        return lexer;
    }

    /**
     * Lexes the whole file (so a lexical error anywhere wins over a syntax error),
     * then parses in SLL mode, retrying in full LL mode on error, into {@code tree}
     * if there is one. Returns whether the retry was needed.
     */
    private static boolean run(SourceText source, TokenSink tokenSink, TreeBuilder tree) throws SyntaxError {
        GoTokenStream tokens;
        try {
            tokens = new GoTokenStream(lexer(source, tokenSink), source.length() / CHARS_PER_PARSER_TOKEN);
        } catch (Failure failure) {
            throw source.errorAt(failure.offset, failure.reason);
        }
        GoParser parser = new GoParser(tokens);
        parser.setInterpreter(new QuickPrediction(parser, parser.getInterpreter(), PredictionTable.bundled()));
        parser.removeErrorListeners();
        parser.setBuildParseTree(false);
        try {
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            parser.setTreeSink(tree);
            try {
                parser.sourceFile();
                return false;
            } catch (ParseCancellationException sllFailed) {
                tokens.seek(0);
                parser.reset();
                parser.addErrorListener(THROWING);
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                if (tree != null) {
                    tree.clear();
                }
                parser.sourceFile();
                return true;
            }
        } catch (Failure failure) {
            throw source.errorAt(failure.offset, failure.reason);
        } catch (StackOverflowError tooDeep) {
            Token at = parser.getCurrentToken();
            int offset = at == null ? 0 : Math.max(0, at.getStartIndex());
            throw source.errorAt(offset, "file is nested too deeply to parse");
        }
    }

    /** Thrown from the error listeners, caught in {@link #run}. */
    private static final class Failure extends RuntimeException {
        final int offset;
        final String reason;

        Failure(int offset, String reason) {
            super(reason, null, false, false);
            this.offset = offset;
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
        String rest = input.getText(Interval.of(start, input.size() - 1));
        int newline = rest.indexOf('\n');
        LexicalErrors.Found found = LexicalErrors.at(newline < 0 ? rest : rest.substring(0, newline + 1));
        return new Failure(start + found.charsIn(), found.reason());
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

    static NodeKind kindOfRule(int ruleIndex) {
        return KIND_OF_RULE[ruleIndex];
    }

    static TokenKind kindOfToken(int type) {
        return KIND_OF_TOKEN[type];
    }

    // Kinds are looked up by name in maps built from values(): valueOf reaches the constants by
    // reflection, which cost a one-file run a millisecond or two the first time.

    private static NodeKind[] kindsOfRules() {
        Map<String, NodeKind> byName = new HashMap<>();
        for (NodeKind kind : NodeKind.values()) {
            byName.put(kind.name(), kind);
        }
        String[] names = GoParser.ruleNames;
        NodeKind[] kinds = new NodeKind[names.length];
        for (int i = 0; i < names.length; i++) {
            kinds[i] = named(byName, kindName(names[i]));
        }
        return kinds;
    }

    private static <K> K named(Map<String, K> byName, String name) {
        K kind = byName.get(name);
        if (kind == null) {
            throw new IllegalStateException("no kind for the grammar's " + name);
        }
        return kind;
    }

    /** "headerSimpleStmt" and "simpleStmt" both become SIMPLE_STMT; "type_" becomes TYPE. */
    static String kindName(String ruleName) {
        String name = ruleName.endsWith("_") ? ruleName.substring(0, ruleName.length() - 1) : ruleName;
        if (name.startsWith("header") && name.length() > "header".length()) {
            String rest = name.substring("header".length());
            name = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        }
        // camelCase to CAMEL_CASE by hand: a regular expression per rule name was a tenth of a one-file run.
        StringBuilder snake = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && isAsciiUpper(c) && isAsciiLower(name.charAt(i - 1))) {
                snake.append('_');
            }
            snake.append(c);
        }
        return snake.toString().toUpperCase();
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static TokenKind[] kindsOfTokens() {
        Map<String, TokenKind> byName = new HashMap<>();
        for (TokenKind kind : TokenKind.values()) {
            byName.put(kind.name(), kind);
        }
        int max = GoParser.VOCABULARY.getMaxTokenType();
        TokenKind[] kinds = new TokenKind[max + 1];
        for (int type = 1; type <= max; type++) {
            kinds[type] = named(byName, GoParser.VOCABULARY.getSymbolicName(type));
        }
        return kinds;
    }
}
