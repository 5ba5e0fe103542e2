package dev.deferfix.find;

import dev.deferfix.edit.Edit;
import java.util.List;

/**
 * What the rewrite stage decided for a finding: the strategy that fixes it,
 * or the reason no strategy may. Plain data so every report can show it.
 *
 * @param strategy      e.g. "explicit-close", or null when refused
 * @param refusalReason e.g. "resource-escapes-iteration", or null when fixed
 * @param explanation   one or two sentences for --explain
 * @param edits         the edits of the fix (for SARIF "fixes"); empty when refused
 */
public record Resolution(String strategy, String refusalReason, String explanation, List<Edit> edits) {

    public static Resolution fixed(String strategy, String explanation, List<Edit> edits) {
        return new Resolution(strategy, null, explanation, List.copyOf(edits));
    }

    public static Resolution refused(String reason, String explanation) {
        return new Resolution(null, reason, explanation, List.of());
    }

    public boolean isFixed() {
        return strategy != null;
    }
}
