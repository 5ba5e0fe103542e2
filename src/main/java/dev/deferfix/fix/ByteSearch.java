package dev.deferfix.fix;

/**
 * Finds a word in a file's bytes without decoding them (Horspool's search: a
 * mismatch skips ahead by as much as the word allows, so most bytes are never
 * compared). For the questions asked of every file of a package directory
 * (does it mention recover, which functions may it declare), where lexing
 * would cost more than the scan of the package itself.
 */
final class ByteSearch {
    private final byte[] word;
    private final int[] skip = new int[256];

    ByteSearch(String ascii) {
        word = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.Arrays.fill(skip, word.length);
        for (int i = 0; i < word.length - 1; i++) {
            skip[word[i] & 0xff] = word.length - 1 - i;
        }
    }

    /** Where the word next starts at or after {@code from}; -1 if nowhere. */
    int in(byte[] content, int from) {
        int last = word.length - 1;
        for (int at = from; at + last < content.length; at += skip[content[at + last] & 0xff]) {
            int i = last;
            while (i >= 0 && content[at + i] == word[i]) {
                i--;
            }
            if (i < 0) {
                return at;
            }
        }
        return -1;
    }
}
