package dev.deferfix.fix;

import java.util.List;

/** The strategies and safety checks the tool ships with. */
public final class Strategies {
    private Strategies() {
    }

    public static List<Strategy> all() {
        return List.of(new ExplicitClose(), new ClosureScope(), new SemaphoreWorker());
    }

    public static List<UnitCheck> safetyChecks() {
        return List.of(new RecoverCheck(), new DeferredLiteralTiming(), new OnceGuardCheck(), new NilFunctionCheck(),
                new HeldOnlyCheck(), new DeferredWaitCheck(), new EscapeAnalysis(), new TimingCommentCheck());
    }

    public static Fixer defaultFixer() {
        return new Fixer(new StrategyChooser(all(), safetyChecks()));
    }
}
