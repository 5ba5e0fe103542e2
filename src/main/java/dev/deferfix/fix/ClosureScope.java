package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.fix.BodyExits.Exit;
import dev.deferfix.fix.BodyExits.Kind;
import dev.deferfix.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Wraps the loop body in a function literal called once per iteration, so
 * every defer of the body runs when its iteration ends, exactly as written.
 * Takes the smallest shape the body's exits allow: a plain {@code func() {}()}
 * when the only exit is continue; the article's {@code if err := func() error
 * {...}(); err != nil} when the function returns only an error and every
 * return in the body returns one that is not nil; else a control value (see
 * {@link FlowSignals}).
 */
public final class ClosureScope implements Strategy {
    public static final String NAME = "closure-scope";
    private static final Set<String> WRITTEN_PREDECLARED = Set.of("error", "nil", "int");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(LoopUnit unit, FixOptions options) {
        Refusal other = OtherDefers.check(unit);
        if (other == null) {
            other = CallStackUse.check(unit);
        }
        if (other != null) {
            return Plan.refuse(NAME, other.reason(), other.explanation());
        }
        List<Exit> exits = BodyExits.of(unit.loop());
        for (Exit exit : exits) {
            if (exit.kind() == Kind.GOTO_OUT) {
                return refuse(RefusalReason.GOTO_CROSSES_SCOPE, exit.statement(), unit);
            }
        }
        BodyWrapping wrapping = BodyWrapping.of(unit, 1);
        if (wrapping == null) {
            return Plan.refuse(NAME, RefusalReason.UNSUPPORTED_SYNTAX, new Refusal(RefusalReason.UNSUPPORTED_SYNTAX,
                    "the loop body is not laid out as gofmt prints it").explanation());
        }
        if (BodyExits.only(exits, Kind.CONTINUE)) {
            return plain(unit, wrapping, exits);
        }
        Set<String> declared = Declarations.declaredWithin(unit.file().root());
        for (String name : WRITTEN_PREDECLARED) {
            if (declared.contains(name)) {
                return Plan.refuse(NAME, RefusalReason.UNSUPPORTED_SYNTAX, new Refusal(RefusalReason.UNSUPPORTED_SYNTAX,
                        "the file declares its own '" + name + "', which the rewrite would write").explanation());
            }
        }
        SyntaxNode function = unit.sites().get(0).function();
        if (returnsOnlyNonNilErrors(unit, function, exits)) {
            return errorShape(unit, wrapping, exits);
        }
        return new FlowSignals(unit, wrapping, exits, function, FreshNames.of(unit)).plan();
    }

    private static Plan plain(LoopUnit unit, BodyWrapping wrapping, List<Exit> exits) {
        List<Edit> edits = new ArrayList<>(wrapping.wrap(List.of("func() {"), List.of("}()")));
        for (Exit exit : exits) {
            edits.add(wrapping.replace(exit.statement(), "return"));
        }
        return Plan.rewrite(NAME, edits, explain(exits.isEmpty() ? "" : "; continue became return from the literal"));
    }

    private static boolean returnsOnlyNonNilErrors(LoopUnit unit, SyntaxNode function, List<Exit> exits) {
        if (!FunctionResults.of(function).isOnlyUnnamedError()) {
            return false;
        }
        for (Exit exit : exits) {
            boolean fine = exit.kind() == Kind.CONTINUE
                    || (exit.kind() == Kind.RETURN && NonNilErrors.provablyNonNil(exit.statement(), unit.file()));
            if (!fine) {
                return false;
            }
        }
        return true;
    }

    /**
     * The article's shape. The new err lives only in the if statement's
     * header and block, both written here, so it cannot capture a use of
     * another err: the literal in its initializer still sees the outer one.
     */
    private static Plan errorShape(LoopUnit unit, BodyWrapping wrapping, List<Exit> exits) {
        List<String> closing = new ArrayList<>();
        if (!Terminating.endsList(dev.deferfix.find.GoTrees.listOf(unit.body()), unit.body())) {
            closing.add("\treturn nil");
        }
        closing.addAll(List.of("}(); err != nil {", "\treturn err", "}"));
        List<Edit> edits = new ArrayList<>(wrapping.wrap(List.of("if err := func() error {"), closing));
        for (Exit exit : exits) {
            if (exit.kind() == Kind.CONTINUE) {
                edits.add(wrapping.replace(exit.statement(), "return nil"));
            }
        }
        return Plan.rewrite(NAME, edits, explain("; every return in the body returns a non-nil error, which the "
                + "literal passes out and the loop returns" + (BodyExits.any(exits, Kind.CONTINUE)
                ? "; continue became return nil" : "")));
    }

    static String explain(String details) {
        return "wrapped the loop body in a function literal called once per iteration, so its defers run when "
                + "each iteration ends instead of when the function returns" + details;
    }

    private static Plan refuse(RefusalReason reason, SyntaxNode statement, LoopUnit unit) {
        return Plan.refuse(NAME, reason, new Refusal(reason, "'" + statement.text() + "' at line "
                + unit.file().source().line(statement.start()) + " leaves the loop body").explanation());
    }
}
