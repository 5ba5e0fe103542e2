package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.BodyExits.Exit;
import dev.deferfix.fix.BodyExits.Kind;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The general closure-scope shape: the literal returns a small control value
 * saying how its iteration ended (0: go on with the loop), and after the call
 * each other value re-issues the jump the body made: break, a labeled
 * break/continue, or return. Result values travel this way: named results are
 * assigned inside the literal (so the body's defers see and may change them,
 * as before) and the function then returns them bare; unnamed results come out
 * as the literal's own results.
 */
final class FlowSignals {

    private final LoopUnit unit;
    private final BodyWrapping wrapping;
    private final List<Exit> exits;
    private final SyntaxNode function;
    private final FunctionResults results;
    private final FreshNames names;
    private final String flow;
    private final List<String> holders = new ArrayList<>();
    /** Re-issued jump text by control value, in the order the body first uses them. */
    private final Map<String, Integer> codes = new LinkedHashMap<>();

    FlowSignals(LoopUnit unit, BodyWrapping wrapping, List<Exit> exits, SyntaxNode function, FreshNames names) {
        this.unit = unit;
        this.wrapping = wrapping;
        this.exits = exits;
        this.function = function;
        this.results = FunctionResults.of(function);
        this.names = names;
        this.flow = names.fresh("flow");
    }

    Plan plan() {
        String problem = resultProblem();
        if (problem != null) {
            return Plan.refuse(ClosureScope.NAME, RefusalReason.UNSUPPORTED_RESULTS,
                    new Refusal(RefusalReason.UNSUPPORTED_RESULTS, problem).explanation());
        }
        if (carriesResults()) {
            for (int i = 0; i < results.count(); i++) {
                holders.add(names.fresh(results.count() == 1 ? "res" : "res" + (i + 1)));
            }
        }
        List<Edit> edits = new ArrayList<>();
        for (Exit exit : exits) {
            List<Edit> lowered = lower(exit);
            if (lowered == null) {
                return Plan.refuse(ClosureScope.NAME, RefusalReason.UNSUPPORTED_SYNTAX,
                        new Refusal(RefusalReason.UNSUPPORTED_SYNTAX, "'" + exit.statement().text()
                                + "' cannot be split into assignments laid out as gofmt prints them").explanation());
            }
            edits.addAll(lowered);
        }
        edits.addAll(0, wrapping.wrap(List.of(opening()), closing()));
        return Plan.rewrite(ClosureScope.NAME, edits, ClosureScope.explain("; the literal returns " + flow
                + " to say how the iteration ended, and " + String.join(", ", codes.keySet())
                + " is re-issued after the call"));
    }

    private boolean carriesResults() {
        return !results.isNamed() && results.count() > 0 && BodyExits.any(exits, Kind.RETURN);
    }

    /** Why result values cannot pass through the literal, or null. */
    private String resultProblem() {
        if (!BodyExits.any(exits, Kind.RETURN)) {
            return null;
        }
        if (results.isNamed()) {
            for (String name : results.names()) {
                if (name.equals("_")) {
                    return "a result named _ cannot be assigned and returned bare";
                }
                if (Declarations.shadowedAt(name, unit.loop(), function)) {
                    return "the result " + name + " is redeclared around the loop";
                }
            }
            for (Exit exit : exits) {
                for (String name : results.names()) {
                    if (exit.kind() == Kind.RETURN && hasValues(exit.statement())
                            && Declarations.shadowedAt(name, exit.statement(), function)) {
                        return "the result " + name + " is redeclared where line "
                                + unit.file().source().line(exit.statement().start()) + " returns";
                    }
                }
            }
            return null;
        }
        Set<String> local = Declarations.declaredWithin(function);
        for (String type : results.types()) {
            for (String name : Identifiers.in(type)) {
                if (local.contains(name)) {
                    return "the result type " + type + " uses " + name
                            + ", which the function declares again, so the type cannot be written inside it";
                }
            }
        }
        return null;
    }

    private String opening() {
        if (!carriesResults()) {
            return flow + " := func() (" + flow + " int) {";
        }
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            declared.add(holders.get(i) + " " + results.types().get(i));
        }
        return flow + ", " + String.join(", ", holders) + " := func() (" + flow + " int, "
                + String.join(", ", declared) + ") {";
    }

    private List<String> closing() {
        List<String> lines = new ArrayList<>();
        if (!Terminating.endsList(GoTrees.listOf(unit.body()), unit.body())) {
            lines.add("\treturn");
        }
        lines.add("}()");
        for (Map.Entry<String, Integer> code : codes.entrySet()) {
            lines.add("if " + flow + " == " + code.getValue() + " {");
            lines.add("\t" + code.getKey());
            lines.add("}");
        }
        return lines;
    }

    private List<Edit> lower(Exit exit) {
        SyntaxNode statement = exit.statement();
        switch (exit.kind()) {
            case CONTINUE:
                return List.of(wrapping.replace(statement, "return"));
            case BREAK:
            case LABELED:
                return List.of(wrapping.replace(statement, signal(code(WhiteSpace.collapsed(statement.text())))));
            default:
                return lowerReturn(statement);
        }
    }

    private List<Edit> lowerReturn(SyntaxNode statement) {
        int code = code(carriesResults() ? "return " + String.join(", ", holders) : "return");
        if (!hasValues(statement)) {
            return List.of(wrapping.replace(statement, signal(code)));
        }
        int values = statement.firstChild(NodeKind.EXPRESSION_LIST).children(NodeKind.EXPRESSION).size();
        if (carriesResults() && values == holders.size()) {
            return List.of(Edit.insert(statement.firstChild(NodeKind.EXPRESSION_LIST).start(), code + ", "));
        }
        if (!wrapping.startsLine(statement)) {
            return null;
        }
        List<String> targets = results.isNamed() ? results.names() : holders;
        List<SyntaxNode> each = statement.firstChild(NodeKind.EXPRESSION_LIST).children(NodeKind.EXPRESSION);
        if (each.size() != targets.size()) {
            // "return f()" of a call with several results needs all targets at once ("res1, res2 = f()");
            // more or fewer values than results: the program does not compile as it is.
            return each.size() == 1 && targets.size() > 1
                    ? wrapping.assignThen(statement, targets, new boolean[] {true}, signal(code), false) : null;
        }
        // "return n, err2" with n the result itself assigns only err: "n = n" changes nothing, and go vet flags it.
        boolean[] assigned = new boolean[each.size()];
        List<String> assignedTargets = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            assigned[i] = !each.get(i).text().equals(targets.get(i));
            if (assigned[i]) {
                assignedTargets.add(targets.get(i));
            }
        }
        if (assignedTargets.size() < each.size() && !oneLine(statement)) {
            return null; // dropping a value would join or split the lines the body's re-indenting edits
        }
        if (assignedTargets.isEmpty()) {
            return List.of(wrapping.replace(statement, signal(code)));
        }
        if (assignedTargets.size() == 1 || (oneLine(statement) && canAssignOneByOne(each, assigned, targets))) {
            return wrapping.assignThen(statement, assignedTargets, assigned, signal(code), true);
        }
        for (int i = 0; i < each.size(); i++) {
            if (assigned[i] && each.get(i).children(NodeKind.BINARY_OP).size() > 0) {
                return null; // a tuple assignment would make gofmt print these values differently
            }
        }
        return wrapping.assignThen(statement, assignedTargets, assigned, signal(code), false);
    }

    private boolean oneLine(SyntaxNode statement) {
        return unit.file().source().line(statement.start()) == unit.file().source().line(statement.end());
    }

    /**
     * Whether assigning the values one by one gives each result what the return
     * would: no value after the first names a result assigned before it, or can
     * see or change one another way (see {@link AliasFreeValues}).
     */
    private boolean canAssignOneByOne(List<SyntaxNode> values, boolean[] assigned, List<String> targets) {
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!assigned[i]) {
                continue;
            }
            if (!earlier.isEmpty()) {
                if (!AliasFreeValues.isAliasFree(values.get(i), unit.file().root())) {
                    return false;
                }
                for (SyntaxNode node : values.get(i).subtree()) {
                    if (node.is(TokenKind.IDENTIFIER) && earlier.contains(node.text())) {
                        return false;
                    }
                }
            }
            earlier.add(targets.get(i));
        }
        return true;
    }

    private String signal(int code) {
        return carriesResults() ? "return " + code + ", " + String.join(", ", holders) : "return " + code;
    }

    private int code(String jump) {
        Integer known = codes.get(jump);
        if (known == null) {
            known = codes.size() + 1;
            codes.put(jump, known);
        }
        return known;
    }

    private static boolean hasValues(SyntaxNode returnStatement) {
        return returnStatement.firstChild(NodeKind.EXPRESSION_LIST) != null;
    }
}
