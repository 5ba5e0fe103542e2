package dev.deferfix.parse.antlr;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Vocabulary;

/**
 * Go's keywords, taken from the lexer grammar's own literals, for the lexer's
 * fast path: tells a keyword from an identifier without making a string.
 */
final class Keywords {
    /** Per first letter ('a' to 'z'): the keywords' spellings and token types. */
    private static final char[][][] SPELLINGS = new char[26][][];
    private static final int[][] TYPES = new int[26][];
    /** Longer names are never keywords. */
    private static final int LONGEST;

    // Plain loops, no lambdas or streams: this runs in every start-up, where each lambda costs.
    static {
        List<Keyword> keywords = keywords();
        int longest = 0;
        for (int letter = 0; letter < 26; letter++) {
            List<Keyword> initial = new ArrayList<>();
            for (Keyword keyword : keywords) {
                if (keyword.spelling().charAt(0) - 'a' == letter) {
                    initial.add(keyword);
                }
            }
            SPELLINGS[letter] = new char[initial.size()][];
            TYPES[letter] = new int[initial.size()];
            for (int i = 0; i < initial.size(); i++) {
                SPELLINGS[letter][i] = initial.get(i).spelling().toCharArray();
                TYPES[letter][i] = initial.get(i).type();
                longest = Math.max(longest, initial.get(i).spelling().length());
            }
        }
        LONGEST = longest;
    }

    private Keywords() {
    }

    /** The keyword's token type for the name at {@code text[start, start + length)}, else IDENTIFIER. */
    static int typeOf(char[] text, int start, int length) {
        int letter = text[start] - 'a';
        if (length > LONGEST || letter < 0 || letter >= 26) {
            return GoLexer.IDENTIFIER;
        }
        char[][] candidates = SPELLINGS[letter];
        for (int i = 0; i < candidates.length; i++) {
            if (matches(candidates[i], text, start, length)) {
                return TYPES[letter][i];
            }
        }
        return GoLexer.IDENTIFIER;
    }

    private static boolean matches(char[] keyword, char[] text, int start, int length) {
        if (keyword.length != length) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            if (keyword[i] != text[start + i]) {
                return false;
            }
        }
        return true;
    }

    private record Keyword(String spelling, int type) {
    }

    /** Literal token names that are all lower-case letters ('break', 'func', ...). */
    private static List<Keyword> keywords() {
        List<Keyword> keywords = new ArrayList<>();
        Vocabulary vocabulary = GoParser.VOCABULARY; // the lexer's vocabulary would load the lexer's ATN
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && isQuotedLowerCaseWord(literal)) {
                keywords.add(new Keyword(literal.substring(1, literal.length() - 1), type));
            }
        }
        return keywords;
    }

    /** {@code 'break'}: checked by hand, as a regular expression per token name slowed every start-up. */
    private static boolean isQuotedLowerCaseWord(String literal) {
        int last = literal.length() - 1;
        if (last < 2 || literal.charAt(0) != '\'' || literal.charAt(last) != '\'') {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = literal.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
