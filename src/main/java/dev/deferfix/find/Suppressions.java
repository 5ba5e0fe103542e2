package dev.deferfix.find;

import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-source suppressions: {@code //nolint}, {@code //nolint:all},
 * {@code //nolint:deferinloop} (golangci-lint's convention) and
 * {@code //defer-fix:ignore <reason>}, on the defer's line or the line above.
 */
public final class Suppressions {
    static final String LINTER_NAME = "deferinloop";
    private static final String IGNORE = "//defer-fix:ignore";

    /** Why a finding was suppressed: the comment's own text. */
    public record Suppression(String comment, String justification) {
    }

    private final Map<Integer, Suppression> byLine = new HashMap<>();
    private final Map<Integer, Suppression> aloneOnLine = new HashMap<>();

    private Suppressions() {
    }

    public static Suppressions of(ParsedFile file) {
        Suppressions suppressions = new Suppressions();
        SourceText source = file.source();
        for (GoToken token : file.tokens()) {
            // Most files hold many comments and no suppression: look at the text only where one starts.
            if (!token.isComment() || !source.text().startsWith("//nolint", token.start())
                    && !source.text().startsWith(IGNORE, token.start())) {
                continue;
            }
            Suppression suppression = parse(token.text(source).strip());
            if (suppression != null) {
                int line = source.line(token.start());
                suppressions.byLine.put(line, suppression);
                String before = source.text().substring(source.lineStart(line), token.start());
                if (before.isBlank()) {
                    suppressions.aloneOnLine.put(line, suppression);
                }
            }
        }
        return suppressions;
    }

    static Suppression parse(String comment) {
        if (comment.startsWith(IGNORE)) {
            String reason = comment.substring(IGNORE.length());
            return reason.isEmpty() || Character.isWhitespace(reason.charAt(0))
                    ? new Suppression(comment, reason.strip()) : null;
        }
        if (!comment.startsWith("//nolint")) {
            return null;
        }
        String rest = comment.substring("//nolint".length());
        String justification = "";
        int explanation = rest.indexOf("//");
        if (explanation >= 0) {
            justification = rest.substring(explanation + 2).strip();
            rest = rest.substring(0, explanation);
        }
        rest = rest.strip();
        if (rest.isEmpty()) {
            return new Suppression(comment, justification);
        }
        if (!rest.startsWith(":")) {
            return null;
        }
        List<String> linters = List.of(rest.substring(1).split(","));
        boolean matches = linters.stream().map(String::strip)
                .anyMatch(name -> name.equals(LINTER_NAME) || name.equals("all"));
        return matches ? new Suppression(comment, justification) : null;
    }

    /** The suppression that covers a statement starting on {@code line} (same line, or a comment line above), or null. */
    public Suppression forLine(int line) {
        Suppression same = byLine.get(line);
        return same != null ? same : aloneOnLine.get(line - 1);
    }
}
