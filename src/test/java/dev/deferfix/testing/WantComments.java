package dev.deferfix.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.find.Finding;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks findings against "// want" comments, as go/analysis tests do: a
 * comment {@code // want "regexp"} (several quoted regexps allowed) on a line
 * expects one unsuppressed finding per regexp on that line, whose
 * "message [rule-id]" matches it. Lines without a want must have no
 * unsuppressed finding.
 */
public final class WantComments {
    private static final Pattern WANT = Pattern.compile("//\\s*want\\s+(.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`");

    private WantComments() {
    }

    public static void assertMatches(ParsedFile file, List<Finding> findings) {
        TreeMap<Integer, List<String>> expected = new TreeMap<>();
        for (GoToken token : file.tokens()) {
            if (!token.isComment()) {
                continue;
            }
            Matcher want = WANT.matcher(token.text(file.source()).strip());
            if (!want.find()) {
                continue;
            }
            Matcher quoted = QUOTED.matcher(want.group(1));
            List<String> patterns = new ArrayList<>();
            while (quoted.find()) {
                patterns.add(quoted.group(1) != null ? quoted.group(1).replace("\\\"", "\"") : quoted.group(2));
            }
            expected.put(file.source().line(token.start()), patterns);
        }
        TreeMap<Integer, List<String>> actual = new TreeMap<>();
        for (Finding finding : findings) {
            if (!finding.isSuppressed()) {
                actual.computeIfAbsent(finding.start().line(), l -> new ArrayList<>())
                        .add(finding.message() + " [" + finding.rule().id() + "]");
            }
        }
        List<String> problems = new ArrayList<>();
        for (Integer line : union(expected, actual)) {
            List<String> patterns = expected.getOrDefault(line, List.of());
            List<String> messages = new ArrayList<>(actual.getOrDefault(line, List.of()));
            for (String pattern : patterns) {
                Pattern regex = Pattern.compile(pattern);
                boolean matched = messages.removeIf(m -> regex.matcher(m).find());
                if (!matched) {
                    problems.add(file.path() + ":" + line + ": missing finding matching \"" + pattern + "\"");
                }
            }
            for (String message : messages) {
                problems.add(file.path() + ":" + line + ": unexpected finding: " + message);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<Integer> union(TreeMap<Integer, ?> a, TreeMap<Integer, ?> b) {
        java.util.TreeSet<Integer> lines = new java.util.TreeSet<>(a.keySet());
        lines.addAll(b.keySet());
        return new ArrayList<>(lines);
    }
}
