package dev.deferfix.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a list of edits to a text: sorted, checked for overlap (an overlap
 * is a planning bug and fails loudly), applied from the end backwards so the
 * offsets of earlier edits stay valid. Insertions at the same offset keep
 * their list order.
 */
public final class EditApplier {
    private EditApplier() {
    }

    public static String apply(String original, List<Edit> edits) {
        List<Edit> sorted = sorted(edits);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new OverlappingEditsException(sorted.get(i - 1), sorted.get(i));
            }
        }
        Edit last = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
        if (last != null && last.end() > original.length()) {
            throw new IllegalArgumentException("edit " + last + " is past the end of the text");
        }
        StringBuilder result = new StringBuilder(original);
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Edit edit = sorted.get(i);
            result.replace(edit.start(), edit.end(), edit.text());
        }
        return result.toString();
    }

    /** By start, then end. (A class, not a lambda chain: each lambda's first call costs start-up.) */
    private static final Comparator<Edit> BY_RANGE = new Comparator<>() {
        @Override
        public int compare(Edit a, Edit b) {
            int byStart = Integer.compare(a.start(), b.start());
            return byStart != 0 ? byStart : Integer.compare(a.end(), b.end());
        }
    };

    static List<Edit> sorted(List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        // Stable sort: insertions at one offset keep the order they were planned in.
        sorted.sort(BY_RANGE);
        return sorted;
    }

    /** Two planned edits touch the same text. */
    public static final class OverlappingEditsException extends IllegalStateException {
        public OverlappingEditsException(Edit first, Edit second) {
            super("overlapping edits " + first + " and " + second);
        }
    }
}
