package dev.deferfix.run;

/** What a run does with the files it reads. */
public enum RunMode {
    /** List findings (-l, and the default with paths). */
    LIST,
    /** Print the unified diff of every rewrite, change nothing (-d). */
    DIFF,
    /** Rewrite files in place (-w). */
    WRITE,
    /** List findings only, silently otherwise; fail when anything would change (--check). */
    CHECK,
    /** Standard input to standard output: print the rewritten source (the default with "-"). */
    PRINT;

    /** Whether the rewritten text is needed, not just the findings. */
    public boolean rewrites() {
        return this == DIFF || this == WRITE || this == PRINT;
    }
}
