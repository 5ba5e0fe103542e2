package dev.deferfix.fix;

import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;

/**
 * The stretch of code whose end a value must not outlive, for
 * {@link ValueFlow}: one iteration of a loop body ({@link IterationRegion}),
 * or one call of a function that is handed the value ({@link CallRegion}).
 */
interface FlowRegion {
    /** The block the value is followed through. */
    SyntaxNode body();

    ParsedFile file();

    /** Whether the goroutine of {@code goStatement} may still run when the region ends. */
    boolean outlivedBy(SyntaxNode goStatement, LocalScopes scopes);

    /**
     * Why {@code statement}, a return that hands over the value (or, when
     * {@code throughCall}, a call's result that may hold it), lets it escape; null when it does not.
     */
    String returned(SyntaxNode statement, String where, boolean throughCall);

    /**
     * Whether storing the value in {@code variable} (as a whole, or in a part
     * of it) keeps it within the region; {@code holdsValue}: the variable is
     * already followed as a holder of the value.
     */
    boolean keepsWithin(LocalScopes.Declaration variable, boolean whole, boolean holdsValue);

    /** Whether {@code node} lies in the deferred call whose value is followed: its uses there are the cleanup. */
    boolean isCleanup(SyntaxNode node);

    /** The region's end in words: "the iteration". */
    String ending();

    /** The region's code in words, after "declared outside": "the loop body". */
    String place();
}
