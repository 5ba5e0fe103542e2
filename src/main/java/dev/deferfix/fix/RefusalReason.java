package dev.deferfix.fix;

/** Why a site is left alone. The codes appear in every output format. */
public enum RefusalReason {
    RESOURCE_ESCAPES_ITERATION("resource-escapes-iteration",
            "the deferred value leaves the iteration, so cleaning it up at the end of the iteration would break later uses"),
    RECOVER_IN_LOOP("recover-in-loop",
            "a deferred function calls recover(); moving or wrapping it would change which panics it stops"),
    GOTO_CROSSES_SCOPE("goto-crosses-scope",
            "a goto would jump into or out of the rewritten body"),
    GOTO_LOOP("goto-loop",
            "the loop is made by goto; there is no loop body to rewrite"),
    CONDITIONAL_DEFER("conditional-defer",
            "the defer is not directly in the loop body (it is inside an if, switch or block)"),
    JUMP_AFTER_DEFER("jump-after-defer",
            "a return, goto or jump to an outer loop after the defer cannot be instrumented, and a panic, "
            + "runtime.Goexit or t.Fatal after it would skip the moved call"),
    READS_LATER_STATE("deferred-call-reads-later-state",
            "the deferred call reads or writes a named result, or a deferred function literal reads a variable from "
            + "outside the loop body that changes; run at the end of the iteration it would see or leave another value"),
    VALUE_REASSIGNED("deferred-value-reassigned",
            "the deferred function, receiver or an argument is reassigned after the defer (or may be: written through "
            + "a pointer to it, changed by a method called on it as a value, or, read through a field or a "
            + "package-level variable, changed by a later call or an alias)"),
    NOT_INDEPENDENT("iterations-not-independent",
            "the body changes state it shares with other iterations or jumps out of the loop, so iterations cannot run"
                    + " concurrently"),
    UNSUPPORTED_RESULTS("unsupported-results",
            "the function's results cannot be passed through the rewrite"),
    LOOP_EXITS_AFTER_DEFER("loop-exits-after-defer",
            "every path leaves the loop right after the defer, so it runs at most once (rewritten only with --strict)"),
    SEMAPHORE_NOT_CHOSEN("semaphore-opt-in",
            "the semaphore-worker strategy changes the program's concurrency and is used only when asked for"),
    COUNTS_STACK_FRAMES("body-counts-stack-frames",
            "the loop body or its function counts stack frames (runtime.Caller, log Output depth, a depth parameter "
            + "handed on, t.Helper()); wrapping the body in a function literal adds a frame and shifts what they see"),
    OTHER_DEFER_IN_BODY("other-defer-in-body",
            "the body holds another defer that stays as it is (refused, suppressed or a note); moving the body into a "
            + "new function would change when that one runs, and a cleanup moved before it would change their order"),
    GUARDED_ONCE("defer-guarded-once",
            "the defer sits in an if that a flag from outside the loop guards and the same branch sets, so it is "
            + "registered once and runs when the function returns, after the code that follows the loop; moved into "
            + "the iteration it would run before that code"),
    NIL_FUNCTION("deferred-nil-function",
            "the deferred function value is nil, so the call panics when the function returns; moved, it would panic at "
            + "the end of the iteration instead"),
    HELD_ONLY("resource-only-held",
            "the iteration makes the resource and uses it for nothing but its deferred cleanup, so holding every "
            + "iteration's resource at once until the function returns is what the loop does; cleaning each up at the "
            + "end of its iteration would undo that"),
    TIMING_COMMENTED("timing-commented",
            "a comment at the defer speaks of when it runs (until, eventually, not before, on purpose, ...), "
            + "so the hold looks deliberate and the rewrite would make the comment false; confirm with "
            + "//defer-fix:ignore, or reword the comment to have it rewritten"),
    WAITS_FOR_GOROUTINES("defer-waits-for-goroutines",
            "the deferred call waits (a receive, a select, a Wait()) and the body starts goroutines: the waits pile up "
            + "so that the goroutines of all iterations run at once; waiting at the end of each iteration would run "
            + "them one after another"),
    UNSUPPORTED_SYNTAX("unsupported-syntax",
            "the loop uses a construct this strategy cannot rewrite safely");

    private final String code;
    private final String description;

    RefusalReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
