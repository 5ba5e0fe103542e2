package dev.deferfix.find;

/** How serious a finding is; notes never fail a check unless --strict. */
public enum Severity {
    WARNING,
    NOTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
