package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.CompletionSignal.Kind;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves that a goroutine started in a loop body has finished before the
 * iteration ends, so the escape analysis may treat the go statement like a
 * plain call. All of this must hold:
 * <ol>
 * <li>the goroutine runs a function literal, or a top-level function of the
 *     same package named plainly (see {@link PackageDeclarations});</li>
 * <li>it starts or ends with its {@link CompletionSignal}, on a variable
 *     declared in the loop body: a channel made there ({@code ch := make(chan T)}),
 *     captured or passed as the closed or sent-on parameter, or a captured
 *     {@code var wg sync.WaitGroup} with exactly one {@code wg.Add(1)} before
 *     the go statement in the same block;</li>
 * <li>the signal variable is private to this handshake: every use in the body
 *     is its declaration, a signalling goroutine (several only in exclusive
 *     branches of one if or switch, so at most one runs), wg.Add(1), or a join
 *     ({@code for ... range ch}, {@code wg.Wait()}, or for a final send a
 *     receive {@code <-ch}, {@code v := <-ch}, {@code v = <-ch} as a statement,
 *     or a select whose every case receives it or ends in a call that never
 *     returns, such as a timeout's {@code t.Fatal});
 *     no signalling goroutine sits in a loop or literal nested inside the
 *     variable's scope;</li>
 * <li>a join follows the go statement on every path ({@link JoinPath});</li>
 * <li>close and make are the builtins and sync is the standard package.</li>
 * </ol>
 */
final class GoroutineJoins {
    private final PackageDeclarations declarations;

    GoroutineJoins(PackageDeclarations declarations) {
        this.declarations = declarations;
    }

    /** Whether the goroutine of {@code goStatement} is provably over before the unit's iteration ends. */
    boolean joinedWithinIteration(SyntaxNode goStatement, LoopUnit unit, LocalScopes scopes) {
        Signal signal = signalOf(goStatement, unit, scopes);
        if (signal == null || !signal.variable().isInside(unit.body()) || !freshlyDeclared(signal, scopes)) {
            return false;
        }
        Handshake handshake = new Handshake(signal);
        for (SyntaxNode use : scopes.usesOf(Set.of(signal.variable()), unit.body())) {
            if (!handshake.classify(use, unit, scopes)) {
                return false;
            }
        }
        return handshake.goroutines.contains(goStatement) && handshake.startsOncePerScope()
                && JoinPath.reachesJoin(goStatement, handshake.joins) && namesMeanWhatTheySay(signal, unit.file());
    }

    /** close and make are the builtins, sync is the standard package: asked last, it may read other files. */
    private boolean namesMeanWhatTheySay(Signal signal, ParsedFile file) {
        if (signal.kind() == Kind.DONE) {
            return StandardImports.importsAsItself(file.root(), "sync");
        }
        return !declarations.declares(file, "close") && !declarations.declares(file, "make");
    }

    /** The signal variable as the loop body names it, and the argument bound to it (null when captured). */
    private record Signal(Kind kind, Declaration variable, SyntaxNode argument) {
    }

    private Signal signalOf(SyntaxNode goStatement, LoopUnit unit, LocalScopes scopes) {
        CallShape call = CallShape.of(goStatement.firstChild(NodeKind.EXPRESSION));
        if (call == null || call.spreads()) {
            return null;
        }
        SyntaxNode literal = call.literal();
        SyntaxNode name = call.name();
        int closed;
        Kind kind = Kind.CLOSE;
        if (literal != null) {
            CompletionSignal signal = CompletionSignal.of(literal, scopes);
            if (signal == null) {
                return null;
            }
            closed = signal.parameterIndex(literal);
            if (closed < 0) {
                return new Signal(signal.kind(), signal.variable(), null);
            }
            if (signal.kind() == Kind.DONE) {
                return null; // a WaitGroup passed by value would be a copy
            }
            kind = signal.kind();
        } else if (name != null && scopes.resolve(name) == null) {
            closed = declarations.closedParameter(unit.file(), name.text());
        } else {
            return null; // a method value, a func variable, a computed function
        }
        if (closed < 0 || closed >= call.arguments().size()) {
            return null;
        }
        SyntaxNode argument = LocalScopes.plainIdentifier(call.arguments().get(closed));
        Declaration variable = argument == null ? null : scopes.resolve(argument);
        return variable == null ? null : new Signal(kind, variable, argument);
    }

    /** {@code ch := make(chan T)} / {@code var ch = make(chan T)}, or {@code var wg sync.WaitGroup}. */
    private static boolean freshlyDeclared(Signal signal, LocalScopes scopes) {
        Declaration variable = signal.variable();
        SyntaxNode statement = variable.statement();
        if (signal.kind() == Kind.DONE) {
            SyntaxNode type = statement.firstChild(NodeKind.TYPE);
            return statement.is(NodeKind.VAR_SPEC) && !statement.hasChild(TokenKind.ASSIGN) && type != null
                    && WhiteSpace.removed(type.text()).equals("sync.WaitGroup");
        }
        List<SyntaxNode> names;
        List<SyntaxNode> values;
        if (statement.is(NodeKind.SIMPLE_STMT) && statement.hasChild(TokenKind.DEFINE)) {
            names = statement.child(0).children(NodeKind.EXPRESSION).stream()
                    .map(LocalScopes::plainIdentifier).toList();
            values = statement.child(2).children(NodeKind.EXPRESSION);
        } else if (statement.is(NodeKind.VAR_SPEC) && statement.firstChild(NodeKind.EXPRESSION_LIST) != null) {
            names = statement.child(0).children().stream().filter(n -> n.is(TokenKind.IDENTIFIER)).toList();
            values = statement.firstChild(NodeKind.EXPRESSION_LIST).children(NodeKind.EXPRESSION);
        } else {
            return false;
        }
        int index = names.indexOf(variable.token());
        if (index < 0 || names.size() != values.size()) {
            return false;
        }
        CallShape make = CallShape.of(values.get(index));
        return make != null && make.callee().equals("make") && scopes.resolve(make.name()) == null
                && !make.arguments().isEmpty() && make.arguments().get(0).text().strip().startsWith("chan");
    }

    /** The uses of one signal variable in the loop body, sorted by role. */
    private final class Handshake {
        private final Signal signal;
        private final Set<SyntaxNode> goroutines = new LinkedHashSet<>();
        private final Set<SyntaxNode> joins = new HashSet<>();
        private final Set<SyntaxNode> adds = new HashSet<>();

        Handshake(Signal signal) {
            this.signal = signal;
        }

        /** Records one use; false when it is none of the roles this handshake allows. */
        boolean classify(SyntaxNode use, LoopUnit unit, LocalScopes scopes) {
            if (use == signal.variable().token()) {
                return true;
            }
            SyntaxNode goStatement = enclosingGo(use, unit.body());
            if (goStatement != null) {
                return signalling(goStatement, use, unit, scopes);
            }
            if (signal.kind() == Kind.CLOSE) {
                SyntaxNode range = rangedLoop(use);
                return range != null && joins.add(range);
            }
            if (signal.kind() == Kind.SEND) {
                SyntaxNode join = receiveJoin(use, unit, scopes);
                return join != null && (joins.add(join) || join.is(NodeKind.SELECT_STMT));
            }
            SyntaxNode statement = methodCallStatement(use, "Wait");
            if (statement != null) {
                return joins.add(statement);
            }
            statement = methodCallStatement(use, "Add");
            CallShape add = statement == null ? null : CallShape.of(statement.child(0).child(0));
            return add != null && add.arguments().size() == 1 && add.arguments().get(0).text().strip().equals("1")
                    && adds.add(statement);
        }

        /**
         * The join a receive from the signal makes: the receive statement itself, or a select
         * none of whose cases can finish without the value: each receives it, or ends in a
         * call that never returns (a timeout's t.Fatal) with no jump before it that could
         * leave the case (a break of the select, say). Null for any other use.
         */
        private SyntaxNode receiveJoin(SyntaxNode use, LoopUnit unit, LocalScopes scopes) {
            SyntaxNode statement = use.ancestor(NodeKind.SIMPLE_STMT);
            if (statement == null || receivedChannel(statement) != use) {
                return null;
            }
            SyntaxNode clause = statement.parent();
            if (!clause.is(NodeKind.COMM_CLAUSE)) {
                return statement;
            }
            SyntaxNode select = clause.parent();
            for (SyntaxNode each : select.children(NodeKind.COMM_CLAUSE)) {
                SyntaxNode comm = each.firstChild(NodeKind.SIMPLE_STMT);
                SyntaxNode channel = comm == null ? null : receivedChannel(comm);
                boolean receives = channel != null && scopes.resolve(channel) == signal.variable();
                if (!receives && !neverFinishes(each.firstChild(NodeKind.STATEMENT_LIST), unit, scopes)) {
                    return null;
                }
            }
            return select;
        }

        private boolean neverFinishes(SyntaxNode statementList, LoopUnit unit, LocalScopes scopes) {
            if (!NoReturnCalls.endsWithOne(statementList, scopes, unit.file(), declarations)) {
                return false;
            }
            for (SyntaxNode statement : GoTrees.statements(statementList)) {
                if (JoinPath.mayLeave(statement)) {
                    return false;
                }
            }
            return true;
        }

        /** A use inside a go statement is fine only as that goroutine's own end of this handshake. */
        private boolean signalling(SyntaxNode goStatement, SyntaxNode use, LoopUnit unit, LocalScopes scopes) {
            Signal other = signalOf(goStatement, unit, scopes);
            if (other == null || other.variable() != signal.variable()) {
                return false;
            }
            goroutines.add(goStatement);
            if (other.argument() != null) {
                return use == other.argument();
            }
            // a captured signal's uses inside the literal's body were checked by CompletionSignal
            SyntaxNode literal = CallShape.of(goStatement.firstChild(NodeKind.EXPRESSION)).literal();
            return literal.firstChild(NodeKind.BLOCK).isAncestorOf(use);
        }

        /** Each signalling goroutine starts at most once per declaration of the variable. */
        boolean startsOncePerScope() {
            for (SyntaxNode goroutine : goroutines) {
                if (!directlyInScope(goroutine, signal.variable().scope())) {
                    return false;
                }
            }
            if (signal.kind() == Kind.DONE) {
                return goroutines.size() == 1 && adds.size() == 1 && addedBefore(adds.iterator().next(),
                        goroutines.iterator().next());
            }
            List<SyntaxNode> all = List.copyOf(goroutines);
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    if (!exclusive(all.get(i), all.get(j))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static SyntaxNode enclosingGo(SyntaxNode use, SyntaxNode body) {
        for (SyntaxNode up = use.parent(); up != body; up = up.parent()) {
            if (up.is(NodeKind.GO_STMT)) {
                return up;
            }
        }
        return null;
    }

    /** The FOR_STMT of {@code for ... range use}, or null. */
    private static SyntaxNode rangedLoop(SyntaxNode use) {
        SyntaxNode expression = use.parent().parent().parent().parent();
        SyntaxNode clause = expression.parent();
        boolean ranged = clause.is(NodeKind.RANGE_CLAUSE) && LocalScopes.plainIdentifier(expression) == use
                && clause.child(clause.children().size() - 1) == expression;
        return ranged ? clause.parent() : null;
    }

    /** The channel name a receive statement reads: {@code <-ch}, {@code v := <-ch}, {@code v, ok := <-ch}, {@code v = <-ch}. */
    private static SyntaxNode receivedChannel(SyntaxNode statement) {
        int size = statement.children().size();
        boolean shape = size == 1 || size == 3
                && (statement.child(1).is(TokenKind.ASSIGN) || statement.child(1).is(TokenKind.DEFINE));
        SyntaxNode list = statement.child(size - 1);
        if (!shape || !list.is(NodeKind.EXPRESSION_LIST) || list.children().size() != 1
                || list.child(0).children().size() != 1) {
            return null;
        }
        SyntaxNode unary = list.child(0).child(0);
        boolean received = unary.is(NodeKind.UNARY_EXPR) && unary.children().size() == 2
                && unary.child(0).children().size() == 1 && unary.child(0).child(0).is(TokenKind.ARROW);
        return received ? LocalScopes.plainIdentifier(unary.child(1)) : null;
    }

    /** The statement {@code use.method(...)} when the use is that statement's receiver, else null. */
    private static SyntaxNode methodCallStatement(SyntaxNode use, String method) {
        SyntaxNode expression = use.parent().parent().parent().parent();
        SyntaxNode list = expression.parent();
        SyntaxNode statement = list.parent();
        CallShape call = CallShape.of(expression);
        boolean matches = call != null && call.receiver() == use && call.callee().equals(use.text() + "." + method)
                && list.is(NodeKind.EXPRESSION_LIST) && list.children().size() == 1
                && statement.is(NodeKind.SIMPLE_STMT) && statement.children().size() == 1;
        return matches ? statement : null;
    }

    /** No loop or function literal between the statement and the scope: it runs at most once per scope entry. */
    private static boolean directlyInScope(SyntaxNode statement, SyntaxNode scope) {
        for (SyntaxNode up = statement.parent(); up != scope; up = up.parent()) {
            if (up == null || up.is(NodeKind.FOR_STMT) || GoTrees.isFunction(up)) {
                return false;
            }
        }
        return true;
    }

    /** wg.Add(1) comes earlier in the go statement's own statement list. */
    private static boolean addedBefore(SyntaxNode add, SyntaxNode goStatement) {
        return add.parent().parent() == goStatement.parent().parent() && add.end() <= goStatement.start();
    }

    /** Two statements in different branches of one if, or different clauses of a switch/select without fallthrough. */
    private static boolean exclusive(SyntaxNode a, SyntaxNode b) {
        SyntaxNode common = a.parent();
        while (!common.isAncestorOf(b)) {
            common = common.parent();
        }
        return common.is(NodeKind.IF_STMT)
                || ((common.is(NodeKind.SWITCH_STMT) || common.is(NodeKind.SELECT_STMT))
                && common.descendants(NodeKind.FALLTHROUGH_STMT).isEmpty());
    }
}
