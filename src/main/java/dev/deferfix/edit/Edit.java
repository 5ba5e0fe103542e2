package dev.deferfix.edit;

/** One edit of a file's original text: the half-open range [start, end) is replaced by {@code text}. */
public record Edit(int start, int end, String text) {
    public Edit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }

    public static Edit insert(int at, String text) {
        return new Edit(at, at, text);
    }

    public static Edit delete(int start, int end) {
        return new Edit(start, end, "");
    }

    /** Whether the edits touch common text; an insertion at either end of a range does not. */
    public boolean overlaps(Edit other) {
        return start < other.end && other.start < end;
    }
}
