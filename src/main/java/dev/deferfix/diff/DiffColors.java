package dev.deferfix.diff;

/** Colors a unified diff for a terminal, the way git does by default. */
public final class DiffColors {
    private static final String RESET = "\u001b[m";
    private static final String BOLD = "\u001b[1m";
    private static final String CYAN = "\u001b[36m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";

    private DiffColors() {
    }

    public static String colorize(String diff) {
        StringBuilder out = new StringBuilder(diff.length() + diff.length() / 8);
        int start = 0;
        while (start < diff.length()) {
            int newline = diff.indexOf('\n', start);
            int end = newline < 0 ? diff.length() : newline;
            String line = diff.substring(start, end);
            String color = colorOf(line);
            if (color == null) {
                out.append(line);
            } else {
                String body = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                out.append(color).append(body).append(RESET).append(line.substring(body.length()));
            }
            if (newline >= 0) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static String colorOf(String line) {
        if (line.startsWith("--- ") || line.startsWith("+++ ")) {
            return BOLD;
        }
        if (line.startsWith("@@")) {
            return CYAN;
        }
        if (line.startsWith("-")) {
            return RED;
        }
        if (line.startsWith("+")) {
            return GREEN;
        }
        return null;
    }
}
