package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import java.util.List;

/**
 * What a strategy proposes for a loop unit: edits of the original text, or a
 * refusal with its reason. Plain data.
 */
public record Plan(String strategy, List<Edit> edits, RefusalReason refusal, String explanation) {

    public static Plan rewrite(String strategy, List<Edit> edits, String explanation) {
        return new Plan(strategy, List.copyOf(edits), null, explanation);
    }

    public static Plan refuse(String strategy, RefusalReason reason, String explanation) {
        return new Plan(strategy, List.of(), reason, explanation);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
