package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a loop unit when the value a defer cleans up leaves the iteration:
 * any strategy runs the cleanup when the iteration ends, which would break a
 * later use. The value is followed through the loop body as it flows into
 * other local variables (aliases); it escapes when it is assigned or stored
 * into something declared outside the body, appended to such a slice, sent on
 * a channel, returned after the defer, used by a go statement, or captured by a
 * function literal that itself escapes that way or is passed to a call, which
 * may keep it and run it after the iteration ({@code time.AfterFunc(d, func() {...})}),
 * unless the call is known to run it before returning ({@link SynchronousCalls}).
 * A go statement whose goroutine
 * is provably over before the iteration ends ({@link GoroutineJoins}) counts
 * as a call: what it does with the value is followed like any other use.
 * Handing the value itself to a method of an object from outside the body,
 * or the value or a method value of it to a call that keeps callbacks, is an
 * escape ({@link KeepingCalls}); so is a loop header that reads what the
 * deferred call works on ({@link LoopHeaderReads}).
 * Method calls on it and reading its fields are ordinary uses; passing it to a
 * call is too, except that the call's result may keep it
 * ({@link CallResults}), so a result stored outside the body is an escape
 * (returning one is not: whatever it keeps was cleaned up at that return
 * before the rewrite as well). Where the flow is not understood, it counts as
 * an escape.
 */
public final class EscapeAnalysis implements SiteCheck {
    /** Standard functions that only print their arguments. */
    private static final Set<String> PRINTERS = Set.of("fmt.Print", "fmt.Println", "fmt.Printf", "log.Print",
            "log.Println", "log.Printf", "print", "println");
    /** Standard functions whose result is a name (a path, a key) made from their arguments and nothing else. */
    private static final Set<String> NAME_BUILDERS = Set.of("filepath.Join", "path.Join", "filepath.Clean",
            "path.Clean", "fmt.Sprint", "fmt.Sprintf", "strconv.Itoa");
    private final GoroutineJoins joins;
    private final SynchronousCalls synchronousCalls;
    private final ParameterKeeping keeping;

    EscapeAnalysis(PackageDeclarations declarations) {
        this.joins = new GoroutineJoins(declarations);
        this.synchronousCalls = new SynchronousCalls(declarations);
        this.keeping = new ParameterKeeping(declarations, synchronousCalls);
    }

    @Override
    public Refusal check(LoopUnit unit, DeferSite site) {
        LocalScopes scopes = LocalScopes.of(site.function());
        Map<Declaration, Set<List<String>>> resources = DeferredResources.of(site, scopes, unit.loop());
        // A call that only prints reads values it was handed at the defer: the header may change them.
        String escape = onlyLogs(site.call()) ? null : LoopHeaderReads.of(unit.loop(), site, scopes, resources.keySet());
        if (escape == null) {
            escape = keptOutside(site, scopes, unit.loop());
        }
        if (escape == null) {
            escape = new ValueFlow(new IterationRegion(unit, site, joins), scopes, synchronousCalls, keeping,
                    new ParameterKeeping.Reading())
                    .firstEscape(resources);
        }
        return escape == null ? null : new Refusal(RefusalReason.RESOURCE_ESCAPES_ITERATION, escape);
    }

    /**
     * A deferred call on, or with, an element that this iteration picks out of
     * a container from outside the loop ({@code lss[i].teardown()},
     * {@code DuplicateHandle(p, fd[i], ...)}), or on a value this loop's range
     * clause hands it, or a copy of one
     * ({@code for _, r := range reporters { r.PushStep(s); defer r.PopStep() }},
     * {@code for _, name := range temps { defer os.Remove(name) }},
     * {@code defer C.free(opt.base)}), or on a name built from one
     * ({@code d := filepath.Join(tempDir, dir); defer Chmod(d, 0777)}), when it uses no variable the body
     * declares itself: the resource already lives outside the iteration,
     * where later code may still use it. With such a variable beside it
     * ({@code closer(c, tt.addr)}), the range value is data and the variable
     * the resource. A variable from outside the loop that the body assigns
     * ({@code sset = newSet(); defer release(sset)}) keeps its value past the
     * iteration, for later iterations and the code after the loop.
     */
    private static String keptOutside(DeferSite site, LocalScopes scopes, SyntaxNode loop) {
        for (SyntaxNode use : LocalScopes.identifierUses(site.call())) {
            Declaration subscript = DeferredResources.isSubscript(use, site.call()) ? scopes.resolve(use) : null;
            if (subscript == null || !subscript.isInside(loop)) {
                continue;
            }
            SyntaxNode container = indexedContainer(use);
            Declaration root = container == null ? null : scopes.resolve(container);
            if (container != null && (root == null || !root.isInside(loop))) {
                return "the deferred call works on an element of " + container.text()
                        + ", which is declared outside the loop body";
            }
        }
        List<SyntaxNode> uses = LocalScopes.identifierUses(site.call());
        for (SyntaxNode use : uses) {
            Declaration declaration = scopes.resolve(use);
            if (declaration != null && !declaration.isInside(loop) && NameWrites.setsWhole(GoTrees.body(loop), declaration, scopes)) {
                return "the deferred call works on " + use.text() + ", declared outside the loop, which the loop body"
                        + " assigns: the value lives on there after the iteration";
            }
        }
        if (usesOwnVariable(site, uses, scopes, loop) || onlyReturnsFollow(loop)) {
            // The resource is most likely that variable, which the search follows; or nothing after the
            // loop could still need what the call cleans up.
            return null;
        }
        for (SyntaxNode use : uses) {
            Declaration ranged = rangeVariable(scopes.resolve(use), scopes, loop);
            if (ranged != null) {
                String made = use.text().equals(ranged.name()) ? "" : " (made from " + ranged.name() + ")";
                return "the deferred call works on " + use.text() + made + ", which the loop takes from "
                        + WhiteSpace.collapsed(rangedOver(ranged.statement()).text().strip())
                        + ", and on nothing the iteration made: it lives outside the iteration, and the code after"
                        + " the loop may still need it";
            }
        }
        if (onlyLogs(site.call())) {
            return null;
        }
        return "the deferred call uses no variable the iteration made" + namesOf(uses, scopes)
                + ": what it cleans up lives outside the iteration, and the code after the loop may still need it";
    }

    /**
     * Whether the deferred call only prints ({@code fmt.Println("done", i)},
     * or a function literal of such calls): it cleans up nothing that the
     * code after the loop could need; printing earlier is the intended change.
     */
    private static boolean onlyLogs(SyntaxNode call) {
        CallShape shape = CallShape.of(call);
        if (shape == null || shape.literal() == null) {
            return shape != null && PRINTERS.contains(shape.callee());
        }
        for (SyntaxNode statement : GoTrees.statements(GoTrees.listOf(shape.literal().firstChild(NodeKind.BLOCK)))) {
            CallShape printed = CallShape.of(statement);
            if (printed == null || !PRINTERS.contains(printed.callee())) {
                return false;
            }
        }
        return true;
    }

    /** " (only a, b)": the distinct local names among {@code uses}; empty for none. */
    private static String namesOf(List<SyntaxNode> uses, LocalScopes scopes) {
        Set<String> names = new LinkedHashSet<>();
        for (SyntaxNode use : uses) {
            if (scopes.resolve(use) != null) {
                names.add(use.text());
            }
        }
        return names.isEmpty() ? "" : " (only " + String.join(", ", names) + ")";
    }

    /**
     * Whether the function returns right after the loop: nothing follows it
     * (in its block and in the blocks around it, up to the function) but
     * declarations without values and a return whose results call nothing
     * (results are computed before deferred calls run). A loop around it
     * counts when the loop is all its body holds and its header calls
     * nothing: what follows is then only this loop again, over other values.
     */
    static boolean onlyReturnsFollow(SyntaxNode loop) {
        SyntaxNode node = loop;
        for (SyntaxNode parent = node.parent(); parent != null; node = parent, parent = parent.parent()) {
            if (GoTrees.isFunction(parent)) {
                return true;
            }
            if (parent.is(NodeKind.FOR_STMT) && !onlyRepeats(parent)) {
                return false;
            }
            if (!parent.is(NodeKind.STATEMENT_LIST)) {
                continue;
            }
            List<SyntaxNode> statements = parent.children(NodeKind.STATEMENT);
            for (SyntaxNode next : statements.subList(statements.indexOf(node) + 1, statements.size())) {
                SyntaxNode statement = GoTrees.inner(next);
                if (statement.is(NodeKind.RETURN_STMT)) {
                    return !callsAnything(statement);
                }
                boolean bareDeclaration = statement.is(NodeKind.DECLARATION) && !statement.text().contains("=")
                        && !callsAnything(statement);
                if (!bareDeclaration && !statement.text().isBlank()) {
                    return false;
                }
            }
        }
        return false;
    }

    /** A loop whose body is one statement and whose header calls nothing (a range expression runs once). */
    private static boolean onlyRepeats(SyntaxNode loop) {
        SyntaxNode header = loop.firstChild(NodeKind.FOR_CLAUSE);
        if (header == null && loop.firstChild(NodeKind.RANGE_CLAUSE) == null) {
            header = loop.firstChild(NodeKind.EXPRESSION);
        }
        return (header == null || !callsAnything(header))
                && GoTrees.listOf(GoTrees.body(loop)).children(NodeKind.STATEMENT).size() == 1;
    }

    /** The range variable of this loop that {@code declaration} is, or copies ({@code dir := dir}); else null. */
    private static Declaration rangeVariable(Declaration declaration, LocalScopes scopes, SyntaxNode loop) {
        if (declaration == null) {
            return null;
        }
        if (declaration.statement().is(NodeKind.RANGE_CLAUSE)) {
            return declaration.scope() == loop ? declaration : null;
        }
        SyntaxNode statement = declaration.statement();
        List<SyntaxNode> lists = statement.children(NodeKind.EXPRESSION_LIST);
        if (!statement.is(NodeKind.SIMPLE_STMT) || !statement.hasChild(TokenKind.DEFINE) || lists.size() != 2
                || !declaration.isInside(GoTrees.body(loop))) {
            return null;
        }
        List<SyntaxNode> targets = lists.get(0).children(NodeKind.EXPRESSION);
        List<SyntaxNode> values = lists.get(1).children(NodeKind.EXPRESSION);
        for (int i = 0; i < targets.size() && targets.size() == values.size(); i++) {
            if (declaration.token() == LocalScopes.plainIdentifier(targets.get(i))) {
                return nameBuiltFrom(values.get(i), scopes, loop);
            }
        }
        return null;
    }

    /**
     * The range variable of this loop that {@code value} copies or builds a
     * name from ({@code dir}, {@code filepath.Join(tempDir, dir)},
     * {@code prefix + name}), with only calls that build names, {@code +},
     * and otherwise only variables from outside the loop; else null. Such a value names
     * something that lives outside the iteration, as the range value does.
     */
    private static Declaration nameBuiltFrom(SyntaxNode value, LocalScopes scopes, SyntaxNode loop) {
        for (SyntaxNode node : value.subtree()) {
            boolean otherCall = node.is(NodeKind.ARGUMENTS)
                    && !NAME_BUILDERS.contains(String.valueOf(GoTrees.calleeText(node.parent().parent())));
            boolean otherOperator = node.is(NodeKind.BINARY_OP) && !node.hasChild(TokenKind.PLUS)
                    || node.is(NodeKind.UNARY_OP);
            if (otherCall || otherOperator || node.is(NodeKind.FUNC_LIT) || node.is(NodeKind.LITERAL_VALUE)
                    || node.is(NodeKind.INDEX_SUFFIX)) {
                return null;
            }
        }
        Declaration source = null;
        for (SyntaxNode use : LocalScopes.identifierUses(value)) {
            Declaration used = scopes.resolve(use);
            if (used == null || !used.isInside(loop)) {
                continue;
            }
            Declaration ranged = used.statement().is(NodeKind.RANGE_CLAUSE)
                    ? (used.scope() == loop ? used : null) : rangeVariable(used, scopes, loop);
            if (ranged == null) {
                return null;
            }
            source = ranged;
        }
        return source;
    }

    /** Whether the deferred call uses a variable the loop body declares itself (not a copy of a range variable). */
    private static boolean usesOwnVariable(DeferSite site, List<SyntaxNode> uses, LocalScopes scopes, SyntaxNode loop) {
        for (SyntaxNode use : uses) {
            Declaration declaration = scopes.resolve(use);
            if (declaration != null && declaration.isInside(GoTrees.body(loop))
                    && !declaration.isInside(site.defer()) && rangeVariable(declaration, scopes, loop) == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean callsAnything(SyntaxNode node) {
        for (SyntaxNode inside : node.subtree()) {
            if (inside.is(NodeKind.ARGUMENTS)) {
                return true;
            }
        }
        return false;
    }

    /** The expression a range clause ranges over: the one after {@code range}. */
    static SyntaxNode rangedOver(SyntaxNode rangeClause) {
        List<SyntaxNode> expressions = rangeClause.children(NodeKind.EXPRESSION);
        return expressions.get(expressions.size() - 1);
    }

    /** The name whose element {@code subscript} picks: lss in lss[i]; null when it is not a plain name. */
    private static SyntaxNode indexedContainer(SyntaxNode subscript) {
        SyntaxNode index = subscript.ancestor(NodeKind.INDEX_SUFFIX);
        SyntaxNode primary = index.parent().parent();
        SyntaxNode operand = primary.child(0);
        return operand.is(NodeKind.OPERAND) && operand.child(0).is(TokenKind.IDENTIFIER) ? operand.child(0) : null;
    }

    /** &x and *x carry the value; -x, !x, <-x and the like make a new one. */
    static boolean carriesThroughUnary(SyntaxNode unary) {
        for (SyntaxNode op : unary.children(NodeKind.UNARY_OP)) {
            if (!op.child(0).is(TokenKind.AMP) && !op.child(0).is(TokenKind.STAR)) {
                return false;
            }
        }
        return true;
    }
}
