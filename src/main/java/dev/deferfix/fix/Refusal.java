package dev.deferfix.fix;

/** A reason not to rewrite, with a detail naming what in the code caused it. */
public record Refusal(RefusalReason reason, String detail) {

    public String explanation() {
        return detail == null || detail.isEmpty() ? reason.description() : reason.description() + " (" + detail + ")";
    }
}
