package dev.deferfix.parse;

/** A file that is not valid Go (or not readable as Go source), with the place where it fails. */
public final class SyntaxError extends Exception {
    private final String path;
    private final int line;
    private final int column;
    private final String reason;

    public SyntaxError(String path, int line, int column, String reason) {
        super(path + ":" + line + ":" + column + ": " + reason, null, false, false);
        this.path = path;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    /** 1-based column, counted in bytes as Go's tools count it. */
    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
