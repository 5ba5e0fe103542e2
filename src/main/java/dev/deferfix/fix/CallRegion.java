package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;

/**
 * One call of a function of the package that is handed the value as an
 * argument: what the function does with its parameter must end with the call.
 * Returning it is fine (the caller follows the call's result, and learns here
 * whether there is any), but any goroutine that uses it may run on after the call.
 */
final class CallRegion implements FlowRegion {
    private final SyntaxNode function;
    private final ParsedFile file;
    private final String name;
    private boolean returnsValue;

    /** {@code name}: the function's, for messages. */
    CallRegion(SyntaxNode function, ParsedFile file, String name) {
        this.function = function;
        this.file = file;
        this.name = name;
    }

    /** Whether a return statement of the function was seen handing over the value, or a result that may hold it. */
    boolean returnsValue() {
        return returnsValue;
    }

    @Override
    public SyntaxNode body() {
        return function.firstChild(NodeKind.BLOCK);
    }

    @Override
    public ParsedFile file() {
        return file;
    }

    @Override
    public boolean outlivedBy(SyntaxNode goStatement, LocalScopes scopes) {
        return true;
    }

    @Override
    public String returned(SyntaxNode statement, String where, boolean throughCall) {
        if (GoTrees.enclosingFunction(statement) != function) {
            return where + " is returned from a function literal";
        }
        returnsValue = true;
        return null;
    }

    /**
     * The function's parameters and results are its own variables, but what
     * they point to may be the caller's: a part of one may be written only
     * when it already holds the value ({@code req.Body = wrap(req.Body)}),
     * so that nothing new reaches the caller. A named result that gets the
     * value hands it to the caller as a return would.
     */
    @Override
    public boolean keepsWithin(LocalScopes.Declaration variable, boolean whole, boolean holdsValue) {
        if (variable.isInside(body())) {
            return true;
        }
        boolean own = variable.scope() == function && (whole || holdsValue);
        if (own && variable.statement().ancestor(NodeKind.RESULT) != null) {
            returnsValue = true;
        }
        return own;
    }

    @Override
    public boolean isCleanup(SyntaxNode node) {
        return false;
    }

    @Override
    public String ending() {
        return "the call";
    }

    @Override
    public String place() {
        return name;
    }
}
