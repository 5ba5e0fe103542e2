package dev.deferfix.robust;

import dev.deferfix.parse.GoToken;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Makes one mutated input from a seed. Each input gets one family of
 * mutation, chosen evenly so every family is well covered; "stacked" combines
 * several text edits with a byte-level change. Text edits are planned on the
 * seed's own token and node ranges and applied from the end backwards, so
 * several of them never disturb each other's offsets.
 */
final class Mutator {
    enum Family {
        BYTE_FLIP, DELETE_TOKENS, DUPLICATE_TOKENS, DELETE_NODE, DUPLICATE_NODE, TRUNCATE, INSERT, CRLF, STACKED
    }

    /** A mutated input and what was done to it, for the failure report. */
    record Mutation(Family family, byte[] bytes, String description) {
    }

    private record TextEdit(int start, int end, String text, String description) {
    }

    /** Snippets inserted at token boundaries: brackets, keywords and statements that make or break loops. */
    private static final List<String> SNIPPETS = List.of("{", "}", "(", ")", "[", "]", "{\n", "}\n", ";", "\n",
            "defer ", "for ", "range ", "go ", "func ", "return ", "break ", "continue ", "goto L\n", "L:\n",
            "if ", "else ", "switch ", "case ", "select ", "struct ", "interface ", "chan ", "map[", "...",
            "defer f.Close()\n", "defer func() { recover() }()\n", "for {\n", "for range x {\n",
            "for i := 0; i < n; i++ {\n", "for _, v := range s {\n", "defer mu.Unlock()\n", "break\n",
            "return\n", "/*", "*/", "//", "\"", "`", "'", "\r", "\r\n", "\t", "\uFEFF", "é", "\u0000");

    private Mutator() {
    }

    static Mutation mutate(FuzzSeed seed, Random random) {
        Family family = Family.values()[random.nextInt(Family.values().length)];
        if (!seed.hasStructure() && family != Family.TRUNCATE && family != Family.CRLF) {
            family = Family.BYTE_FLIP;
        }
        StringBuilder description = new StringBuilder();
        byte[] bytes = switch (family) {
            case BYTE_FLIP -> flipBytes(seed.bytes(), random, 1 + random.nextInt(4), description);
            case TRUNCATE -> truncate(seed.bytes(), random, description);
            case CRLF -> lineEndings(seed.bytes(), random, description);
            case STACKED -> stacked(seed, random, description);
            default -> seed.utf8(applyAll(seed.text(), List.of(textEdit(family, seed, random)), description));
        };
        return new Mutation(family, bytes, description.toString().strip());
    }

    private static byte[] stacked(FuzzSeed seed, Random random, StringBuilder description) {
        int count = 2 + random.nextInt(3);
        List<TextEdit> edits = new ArrayList<>();
        Family[] textFamilies = {Family.DELETE_TOKENS, Family.DUPLICATE_TOKENS, Family.DELETE_NODE,
            Family.DUPLICATE_NODE, Family.INSERT};
        for (int i = 0; i < count; i++) {
            edits.add(textEdit(textFamilies[random.nextInt(textFamilies.length)], seed, random));
        }
        byte[] bytes = seed.utf8(applyAll(seed.text(), edits, description));
        return switch (random.nextInt(4)) {
            case 0 -> flipBytes(bytes, random, 1, description);
            case 1 -> lineEndings(bytes, random, description);
            case 2 -> truncate(bytes, random, description);
            default -> bytes;
        };
    }

    private static TextEdit textEdit(Family family, FuzzSeed seed, Random random) {
        List<GoToken> tokens = seed.tokens();
        String text = seed.text();
        switch (family) {
            case DELETE_TOKENS, DUPLICATE_TOKENS -> {
                int first = random.nextInt(tokens.size());
                int last = Math.min(tokens.size() - 1, first + random.nextInt(3));
                int start = tokens.get(first).start();
                int end = tokens.get(last).end();
                String range = text.substring(start, end);
                return family == Family.DELETE_TOKENS
                        ? new TextEdit(start, end, "", "delete tokens [" + start + "," + end + ") " + quote(range))
                        : new TextEdit(end, end, range, "duplicate tokens [" + start + "," + end + ") " + quote(range));
            }
            case DELETE_NODE, DUPLICATE_NODE -> {
                if (seed.nodes().isEmpty()) {
                    return textEdit(Family.INSERT, seed, random);
                }
                FuzzSeed.Range node = seed.nodes().get(random.nextInt(seed.nodes().size()));
                String range = text.substring(node.start(), node.end());
                return family == Family.DELETE_NODE
                        ? new TextEdit(node.start(), node.end(), "", "delete node [" + node.start() + ","
                                + node.end() + ") " + quote(range))
                        : new TextEdit(node.end(), node.end(), "\n" + range, "duplicate node [" + node.start()
                                + "," + node.end() + ") " + quote(range));
            }
            default -> {
                GoToken at = tokens.get(random.nextInt(tokens.size()));
                int offset = random.nextBoolean() ? at.start() : at.end();
                String snippet = SNIPPETS.get(random.nextInt(SNIPPETS.size()));
                return new TextEdit(offset, offset, snippet, "insert " + quote(snippet) + " at " + offset);
            }
        }
    }

    /** Applies edits from the end backwards; an edit overlapping one further on is dropped. */
    private static String applyAll(String text, List<TextEdit> edits, StringBuilder description) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end).reversed());
        StringBuilder result = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (TextEdit edit : sorted) {
            if (edit.end() > limit) {
                continue;
            }
            result.replace(edit.start(), edit.end(), edit.text());
            description.append(edit.description()).append("; ");
            limit = edit.start();
        }
        return result.toString();
    }

    private static byte[] flipBytes(byte[] input, Random random, int count, StringBuilder description) {
        byte[] bytes = input.clone();
        if (bytes.length == 0) {
            description.append("empty input; ");
            return bytes;
        }
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(bytes.length);
            byte before = bytes[at];
            bytes[at] = random.nextBoolean() ? (byte) (before ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
            description.append(String.format("byte %d 0x%02x->0x%02x; ", at, before & 0xff, bytes[at] & 0xff));
        }
        return bytes;
    }

    private static byte[] truncate(byte[] input, Random random, StringBuilder description) {
        int length = input.length == 0 ? 0 : random.nextInt(input.length);
        description.append("truncate to ").append(length).append(" bytes; ");
        return java.util.Arrays.copyOf(input, length);
    }

    /** All LF to CRLF, some LF to CRLF (mixed), CRLF back to LF, or a lone CR. */
    private static byte[] lineEndings(byte[] input, Random random, StringBuilder description) {
        int mode = random.nextInt(4);
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + input.length / 16);
        int changed = 0;
        for (int i = 0; i < input.length; i++) {
            byte b = input[i];
            boolean lf = b == '\n' && (i == 0 || input[i - 1] != '\r');
            if (lf && (mode == 0 || (mode == 1 && random.nextInt(3) == 0))) {
                out.write('\r');
                changed++;
            } else if (mode == 2 && b == '\r' && i + 1 < input.length && input[i + 1] == '\n') {
                changed++;
                continue;
            } else if (mode == 3 && lf && changed == 0 && random.nextInt(20) == 0) {
                out.write('\r');
                changed++;
                continue;
            }
            out.write(b);
        }
        String[] names = {"all LF to CRLF", "some LF to CRLF", "CRLF to LF", "one LF to a lone CR"};
        description.append(names[mode]).append(" (").append(changed).append(" changed); ");
        return out.toByteArray();
    }

    private static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\"", "\\\"") + "\"";
    }
}
