package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows a value through one region of code ({@link FlowRegion}): the
 * variables it lands in are tracked, and each of their uses is checked for
 * a way out of the region. {@link EscapeAnalysis} says what counts as one.
 */
final class ValueFlow {
    private final FlowRegion region;
    private final LocalScopes scopes;
    private final SynchronousCalls synchronousCalls;
    private final ParameterKeeping keeping;
    /** The functions whose bodies are being followed, this region's among them when it is a call. */
    private final ParameterKeeping.Reading reading;
    private final Map<Declaration, Set<List<String>>> tracked = new LinkedHashMap<>();
    /** Tracked variables that hold a call's result that may keep the value, not the value itself. */
    private final Set<Declaration> keptByCalls = new HashSet<>();
    /** Tracked variables that hold a function literal that captures the value ({@code cb := func() {...}}). */
    private final Set<Declaration> callbacks = new HashSet<>();
    private final Deque<Declaration> pending = new ArrayDeque<>();

    ValueFlow(FlowRegion region, LocalScopes scopes, SynchronousCalls synchronousCalls, ParameterKeeping keeping,
              ParameterKeeping.Reading reading) {
        this.region = region;
        this.scopes = scopes;
        this.synchronousCalls = synchronousCalls;
        this.keeping = keeping;
        this.reading = reading;
    }

    /** How the whole value held by {@code variable} leaves the region; null when it provably does not. */
    String firstEscape(Declaration variable) {
        return firstEscape(Map.of(variable, DeferredResources.WHOLE_VALUE));
    }

    String firstEscape(Map<Declaration, Set<List<String>>> resources) {
        for (Map.Entry<Declaration, Set<List<String>>> resource : resources.entrySet()) {
            track(resource.getKey(), resource.getValue());
        }
        while (!pending.isEmpty()) {
            Declaration declaration = pending.poll();
            for (SyntaxNode use : scopes.usesOf(Set.of(declaration), region.body())) {
                String escape = escapeOf(use, declaration);
                if (escape != null) {
                    return escape;
                }
            }
        }
        return null;
    }

    /**
     * Follows a variable that the whole value, or (when {@code keptByCall})
     * a call's result, or (when {@code callback}) a function literal that captures it, lands in.
     */
    private void track(Declaration declaration, boolean keptByCall, boolean callback) {
        if (callback && callbacks.add(declaration) && tracked.containsKey(declaration)) {
            pending.add(declaration); // its uses were followed as the value's; now as a literal's too
        }
        if (keptByCall && !tracked.containsKey(declaration)) {
            keptByCalls.add(declaration);
        } else if (!keptByCall) {
            keptByCalls.remove(declaration);
        }
        track(declaration, DeferredResources.WHOLE_VALUE);
    }

    /** Follows the variable; {@code chains} are the selector chains that reach the resource from it. */
    private void track(Declaration declaration, Set<List<String>> chains) {
        if (tracked.putIfAbsent(declaration, chains) == null) {
            pending.add(declaration);
        }
    }

    /** A use in a deferred call hands the value over only when the function returns, as before. */
    private boolean inDefer(SyntaxNode use) {
        for (SyntaxNode up = use.parent(); up != region.body(); up = up.parent()) {
            if (up.is(NodeKind.DEFER_STMT)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a use selects something that reaches the resource ([] does, a field beside it does not). */
    private boolean reachesResource(SyntaxNode use, Declaration declaration) {
        List<String> chain = SelectorChain.after(use);
        for (List<String> resourceChain : tracked.get(declaration)) {
            if (SelectorChain.overlap(resourceChain, chain)) {
                return true;
            }
        }
        return false;
    }

    private String escapeOf(SyntaxNode use, Declaration declaration) {
        String where = declaration.name() + " (line " + line(use) + ")";
        for (SyntaxNode up = use.parent(); up != region.body(); up = up.parent()) {
            if (up.is(NodeKind.GO_STMT) && region.outlivedBy(up, scopes)) {
                return where + " is used by a go statement that outlives " + region.ending();
            }
        }
        boolean throughCall = keptByCalls.contains(declaration);
        String direct = reachesResource(use, declaration)
                ? follow(use.parent(), where, throughCall, callbacks.contains(declaration)) : null;
        if (direct != null) {
            return direct;
        }
        String kept = throughCall || inDefer(use) || !reachesResource(use, declaration) ? null
                : KeepingCalls.keptBy(use, declaration, scopes, region);
        if (kept != null) {
            return where + kept;
        }
        for (SyntaxNode up = use.parent(); up != region.body(); up = up.parent()) {
            if (up.is(NodeKind.FUNC_LIT) && !declaration.isInside(up) && !region.isCleanup(up)) {
                String captured = follow(up, where + ", captured by the function literal at line " + line(up) + ",",
                        throughCall, true);
                if (captured != null) {
                    return captured;
                }
            }
        }
        return null;
    }

    /**
     * Climbs from an expression holding the value to the statement that
     * receives it; an escape description, or null when the value stops
     * being carried or stays in local variables (which are then tracked).
     * {@code callback}: the expression is, or holds, a function literal that captures the value.
     */
    private String follow(SyntaxNode start, String where, boolean fromCall, boolean callback) {
        SyntaxNode value = start;
        boolean throughCall = fromCall;
        while (true) {
            SyntaxNode parent = value.parent();
            switch (parent.kind()) {
                case PRIMARY_EXPR:
                    if (CallResults.calledAfter(parent, value)) {
                        return null;
                    }
                    value = parent;
                    break;
                case UNARY_EXPR:
                    if (!EscapeAnalysis.carriesThroughUnary(parent)) {
                        return null;
                    }
                    value = parent;
                    break;
                case EXPRESSION:
                    if (parent.children().size() > 1) {
                        return null;
                    }
                    value = parent;
                    break;
                case OPERAND, ELEMENT_VALUE, ELEMENT, LITERAL_VALUE, FUNC_LIT:
                    value = parent;
                    break;
                case ARGUMENTS: {
                    SyntaxNode call = parent.parent().parent();
                    if (callback && !isAppend(call, parent)) {
                        return synchronousCalls.runsBeforeReturning(parent, value, scopes, region.file()) ? null
                                : where + " is passed to " + calleeOf(call, parent)
                                + ", which may run it after " + region.ending() + " ends";
                    }
                    List<SyntaxNode> passed = parent.children(NodeKind.EXPRESSION);
                    if (isBuiltin(call, parent, "copy") && passed.indexOf(value) == 1) {
                        // copy(dst, src) writes the value into dst's elements
                        return storedInto(passed.get(0), where, throughCall, callback, true);
                    }
                    if (isAppend(call, parent) && passed.indexOf(value) > 0) {
                        // append may write into the backing array of its first argument, which other slices share
                        String shared = storedInto(passed.get(0), where, throughCall, callback, true);
                        if (shared != null) {
                            return shared;
                        }
                    }
                    ParameterKeeping.Use use = keeping.useOf(call, value, scopes, region.file(), reading);
                    if (use != null && use.keptBy() != null) {
                        return where + use.keptBy();
                    }
                    trackHoldingReceiver(call, parent);
                    if (use != null && !use.returned() || !CallResults.keepArgument(call, parent)) {
                        return null; // the result is another value
                    }
                    value = call;
                    throughCall = true;
                    break;
                }
                case INDEX_SUFFIX, INDEX_TAIL, SLICE_TAIL:
                    return keyStoredBy(parent, where);
                case EXPRESSION_LIST:
                    return intoStatement(parent, value, where, throughCall, callback);
                case SIMPLE_STMT:
                    return parent.hasChild(TokenKind.ARROW) && parent.child(parent.children().size() - 1) == value
                            ? where + " is sent on a channel" : null;
                case RETURN_STMT:
                    return region.returned(parent, where, throughCall);
                case DEFER_STMT, RANGE_CLAUSE, IF_HEADER, SWITCH_HEADER, FOR_CLAUSE, FOR_STMT, IF_STMT,
                     GO_STMT, STATEMENT:
                    return null;
                default:
                    return where + " is used in a way the escape analysis does not follow ("
                            + parent.kind() + ")";
            }
        }
    }

    /**
     * A method of an object the region declares, handed the value
     * ({@code b.add(f)}, {@code w.cfg.use(f)}), may keep it in that object:
     * the object is followed on as a holder of the value, like a call's
     * result. Methods known to keep no argument are let be.
     */
    private void trackHoldingReceiver(SyntaxNode call, SyntaxNode arguments) {
        List<SyntaxNode> parts = call.children();
        int at = parts.indexOf(arguments.parent());
        SyntaxNode head = parts.get(0);
        if (at < 2 || !head.is(NodeKind.OPERAND) || !head.child(0).is(TokenKind.IDENTIFIER)) {
            return;
        }
        for (int i = 1; i < at; i++) {
            SyntaxNode part = parts.get(i);
            if (!part.is(NodeKind.SUFFIX) || !part.child(0).is(TokenKind.DOT) || part.children().size() != 2) {
                return; // indexed or called on the way: another object
            }
        }
        Declaration receiver = scopes.resolve(head.child(0));
        if (receiver != null && receiver.isInside(region.body())
                && !KnownCalls.methodKeepsNoArgument(parts.get(at - 1).child(1).text())) {
            track(receiver, true, false);
        }
    }

    /**
     * The builtin append ({@code cbs = append(cbs, func() {...})}): its
     * result holds the literal, which is followed on to where it is kept.
     */
    private boolean isAppend(SyntaxNode call, SyntaxNode arguments) {
        return isBuiltin(call, arguments, "append");
    }

    /** A call of the builtin {@code name}: no local of that name, and no function of the file (copy, append). */
    private boolean isBuiltin(SyntaxNode call, SyntaxNode arguments, String name) {
        SyntaxNode head = call.child(0);
        return call.children().indexOf(arguments.parent()) == 1 && head.is(NodeKind.OPERAND)
                && head.child(0).is(TokenKind.IDENTIFIER) && head.child(0).text().equals(name)
                && scopes.resolve(head.child(0)) == null
                && SameFileCallee.topLevelFunction(region.file().root(), name) == null;
    }

    /** The callee as written, without spaces: {@code time.AfterFunc}, {@code g.add}. */
    private static String calleeOf(SyntaxNode call, SyntaxNode arguments) {
        return WhiteSpace.removed(call.source().text().substring(call.start(), arguments.parent().start()));
    }

    /** {@code throughCall}: the value is a call's result, so an error among the targets is a status report. */
    private String intoStatement(SyntaxNode list, SyntaxNode value, String where, boolean throughCall,
                                 boolean callback) {
        SyntaxNode statement = list.parent();
        if (statement.is(NodeKind.VAR_SPEC)) {
            for (Declaration declaration : scopes.declaredBy(statement)) {
                if (!(throughCall && DeferredResources.isErrorName(declaration.name()))) {
                    track(declaration, throughCall, callback);
                }
            }
            return null;
        }
        if (statement.is(NodeKind.RETURN_STMT)) {
            return region.returned(statement, where, throughCall);
        }
        if (!statement.is(NodeKind.SIMPLE_STMT)) {
            return statement.is(NodeKind.CASE_CLAUSE) || statement.is(NodeKind.RANGE_CLAUSE) ? null
                    : where + " is used in a way the escape analysis does not follow (" + statement.kind() + ")";
        }
        boolean assigns = statement.hasChild(TokenKind.ASSIGN) || statement.hasChild(TokenKind.DEFINE);
        List<SyntaxNode> lists = statement.children(NodeKind.EXPRESSION_LIST);
        if (!assigns || lists.size() != 2 || lists.get(1) != list) {
            return null;
        }
        List<SyntaxNode> targets = lists.get(0).children(NodeKind.EXPRESSION);
        List<SyntaxNode> values = list.children(NodeKind.EXPRESSION);
        if (targets.size() == values.size()) {
            SyntaxNode target = targets.get(values.indexOf(value));
            return throughCall && namesError(target) ? null : storedInto(target, where, throughCall, callback, false);
        }
        for (SyntaxNode target : targets) {
            String escape = throughCall && namesError(target) ? null
                    : storedInto(target, where, throughCall, callback, false);
            if (escape != null) {
                return escape;
            }
        }
        return null;
    }

    /** A plain err (or ...Err) variable: by Go convention a call's status report, not the value it was given. */
    private static boolean namesError(SyntaxNode target) {
        SyntaxNode root = NameWrites.rootIdentifier(target);
        return root != null && root.text().equals(target.text().strip()) && DeferredResources.isErrorName(root.text());
    }

    /** The value lands in {@code target}: fine (and followed) when its root variable is declared in the body. */
    /**
     * The value lands in {@code target} ({@code intoElements}: in its
     * elements, as copy writes): fine (and followed) when its root variable
     * is the region's own, and when a part of it is written, so is all the
     * storage that variable shares.
     */
    private String storedInto(SyntaxNode target, String where, boolean throughCall, boolean callback,
                              boolean intoElements) {
        SyntaxNode root = NameWrites.rootIdentifier(target);
        if (root == null) {
            return where + " is stored through " + target.text().strip();
        }
        if (root.text().equals("_")) {
            return null;
        }
        Declaration declaration = scopes.resolve(root);
        boolean whole = !intoElements && root.text().equals(target.text().strip());
        if (declaration == null || !region.keepsWithin(declaration, whole, tracked.containsKey(declaration))) {
            return where + " is stored in " + target.text().strip() + ", declared outside " + region.place();
        }
        track(declaration, throughCall, callback);
        return whole ? null : intoSharedStorage(declaration, target, where, throughCall, callback, new HashSet<>());
    }

    /**
     * A write into a part of {@code variable} writes into the storage it
     * shares with the places it was assigned from ({@code o := s; o.last = r}):
     * those hold the value too, followed on when they are the region's own,
     * an escape otherwise.
     */
    private String intoSharedStorage(Declaration variable, SyntaxNode target, String where, boolean throughCall,
                                     boolean callback, Set<Declaration> seen) {
        if (!seen.add(variable)) {
            return null;
        }
        for (SyntaxNode source : StorageSources.of(variable, scopes)) {
            Declaration shared = scopes.resolve(source);
            if (shared != null && tracked.containsKey(shared)) {
                continue; // it holds the value already, and is followed: nothing new reaches it
            }
            if (shared == null || !region.keepsWithin(shared, false, tracked.containsKey(shared))) {
                return where + " is stored in " + target.text().strip() + ", which shares storage with "
                        + source.text() + ", declared outside " + region.place();
            }
            track(shared, throughCall, callback);
            String escape = intoSharedStorage(shared, target, where, throughCall, callback, seen);
            if (escape != null) {
                return escape;
            }
        }
        return null;
    }

    private String keyStoredBy(SyntaxNode index, String where) {
        SyntaxNode primary = index.ancestor(NodeKind.PRIMARY_EXPR);
        SyntaxNode expression = primary.parent().parent();
        SyntaxNode list = expression.parent();
        SyntaxNode statement = list.parent();
        boolean assigns = statement != null && statement.is(NodeKind.SIMPLE_STMT) && statement.child(0) == list
                && (statement.hasChild(TokenKind.ASSIGN) || statement.hasChild(TokenKind.ASSIGN_OP)
                || statement.hasChild(TokenKind.INC) || statement.hasChild(TokenKind.DEC));
        if (list.is(NodeKind.EXPRESSION_LIST) && assigns) {
            return storedInto(expression, where + " as a key", false, false, false);
        }
        return null;
    }

    private int line(SyntaxNode node) {
        return region.file().source().line(node.start());
    }
}
