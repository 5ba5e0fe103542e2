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
    private static final int LONGEST = longest();

    static {
        List<List<char[]>> spellings = new ArrayList<>();
        List<List<Integer>> types = new ArrayList<>();
        for (int letter = 0; letter < 26; letter++) {
            spellings.add(new ArrayList<>());
            types.add(new ArrayList<>());
        }
        forEachKeyword((spelling, type) -> {
            spellings.get(spelling.charAt(0) - 'a').add(spelling.toCharArray());
            types.get(spelling.charAt(0) - 'a').add(type);
        });
        for (int letter = 0; letter < 26; letter++) {
            SPELLINGS[letter] = spellings.get(letter).toArray(new char[0][]);
            TYPES[letter] = types.get(letter).stream().mapToInt(Integer::intValue).toArray();
        }
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

    private interface KeywordVisitor {
        void visit(String spelling, int type);
    }

    /** Literal token names that are all lower-case letters ('break', 'func', ...). */
    private static void forEachKeyword(KeywordVisitor visitor) {
        Vocabulary vocabulary = GoLexer.VOCABULARY;
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && isQuotedLowerCaseWord(literal)) {
                visitor.visit(literal.substring(1, literal.length() - 1), type);
            }
        }
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

    private static int longest() {
        int[] longest = {0};
        forEachKeyword((spelling, type) -> longest[0] = Math.max(longest[0], spelling.length()));
        return longest[0];
    }
}
