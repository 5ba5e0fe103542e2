package dev.deferfix.fix;

import java.util.List;

/** The strategies and safety checks the tool ships with. */
public final class Strategies {
    private Strategies() {
    }

    public static List<Strategy> all() {
        return all(new PackageDeclarations());
    }

    /**
     * @param declarations what other files of each package declare, read once per directory for the
     *                     whole run by whichever strategy or check asks first
     */
    static List<Strategy> all(PackageDeclarations declarations) {
        return List.of(new ExplicitClose(declarations), new ClosureScope(), new SemaphoreWorker(declarations));
    }

    static List<UnitCheck> safetyChecks(PackageDeclarations declarations) {
        return List.of(new RecoverCheck(declarations), new DeferredLiteralTiming(), new OnceGuardCheck(),
                new NilFunctionCheck(), new HeldOnlyCheck(), new DeferredWaitCheck(), new EscapeAnalysis(declarations),
                new TimingCommentCheck());
    }

    public static Fixer defaultFixer() {
        PackageDeclarations declarations = new PackageDeclarations();
        return new Fixer(new StrategyChooser(all(declarations), safetyChecks(declarations)));
    }
}
