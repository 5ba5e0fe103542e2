package dev.deferfix.find;

/** The rules defer-fix reports, with the texts that SARIF and --explain show. */
public enum Rule {
    DEFER_IN_LOOP(
            "defer-in-loop",
            "defer inside a loop runs only when the function returns",
            "A deferred call inside a for or range loop runs when the surrounding function returns, "
                    + "not at the end of the iteration, so every iteration keeps its file, connection, "
                    + "lock or buffer until then: too many open files, exhausted pools, deadlocks, "
                    + "out-of-memory."),
    DEFERRED_CLOSURE_CAPTURES_LOOP_VAR(
            "deferred-closure-captures-loop-var",
            "deferred closure captures a loop variable shared by all iterations",
            "Before Go 1.22 a loop variable is one variable shared by all iterations; a deferred "
                    + "function literal that refers to it sees only its last value when it finally runs.");

    private final String id;
    private final String shortDescription;
    private final String fullDescription;

    Rule(String id, String shortDescription, String fullDescription) {
        this.id = id;
        this.shortDescription = shortDescription;
        this.fullDescription = fullDescription;
    }

    public String id() {
        return id;
    }

    public String shortDescription() {
        return shortDescription;
    }

    public String fullDescription() {
        return fullDescription;
    }
}
