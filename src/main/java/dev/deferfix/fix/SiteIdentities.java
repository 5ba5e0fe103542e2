package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.find.Finding;
import dev.deferfix.find.LazyFingerprint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which original finding a finding of a later rewrite round is. A
 * fingerprint counts occurrences of the same call in the same function, so
 * once one site moved into a function literal, another site can take over its
 * fingerprint; the defer keyword's offset, carried through each round's
 * edits, cannot be taken over.
 */
final class SiteIdentities {
    private Map<String, LazyFingerprint> originalByPlace = new HashMap<>();

    SiteIdentities(List<Finding> original) {
        for (Finding finding : original) {
            originalByPlace.put(place(finding, finding.site().defer().start()), finding.lazyFingerprint());
        }
    }

    /** The fingerprint the finding had in the original text (its own when it is new). */
    LazyFingerprint originalOf(Finding finding) {
        LazyFingerprint original = originalByPlace.get(place(finding, finding.site().defer().start()));
        return original != null ? original : finding.lazyFingerprint();
    }

    /** Moves every known defer to where it is after the edits; a defer inside a replaced range is gone. */
    void applied(List<Edit> edits) {
        Map<String, LazyFingerprint> moved = new HashMap<>();
        for (Map.Entry<String, LazyFingerprint> known : originalByPlace.entrySet()) {
            String place = known.getKey();
            int at = place.indexOf('@');
            int offset = Integer.parseInt(place.substring(at + 1));
            int shifted = shift(offset, edits);
            if (shifted >= 0) {
                moved.put(place.substring(0, at) + "@" + shifted, known.getValue());
            }
        }
        originalByPlace = moved;
    }

    private static int shift(int offset, List<Edit> edits) {
        int delta = 0;
        for (Edit edit : edits) {
            if (edit.start() == edit.end() ? edit.start() <= offset : edit.end() <= offset) {
                delta += edit.text().length() - (edit.end() - edit.start());
            } else if (edit.start() <= offset && offset < edit.end()) {
                return -1;
            }
        }
        return offset + delta;
    }

    private static String place(Finding finding, int offset) {
        return finding.rule().id() + "@" + offset;
    }
}
