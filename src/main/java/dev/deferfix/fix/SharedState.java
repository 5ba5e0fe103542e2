package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where a loop body may change state that its iterations share, other
 * than by the assignments {@link OuterAssignments} finds: a method called on a
 * variable declared outside the body ({@code buf.Reset()}, {@code r.declare(x)}),
 * such a variable passed to a call that may write into it ({@code io.Copy(buf, f)}),
 * its address taken, {@code delete}, {@code clear}, {@code close}, {@code copy}
 * or {@code append} on it, a function value from outside called, a test's
 * {@code t} handed to a helper (whose t.Fatal would stop only the goroutine),
 * or a call that changes process-wide state ({@code os.Setenv}, {@code os.Chdir}).
 * Run one at a time these were harmless; run at once they are data races.
 * <p>
 * Without types, a variable from outside counts as shared unless its
 * declaration shows a value type (string, int, time.Duration, ...) or a type
 * documented as safe for concurrent use (see {@link DeclaredTypes}). A
 * variable the body makes as a copy of one from outside ({@code b := buf})
 * counts as that one. The loop's own variables, and the elements that its
 * key or counter indexes ({@code conns[i]}, see {@link IterationKey}), belong
 * to one iteration. Calls into other functions are
 * taken to change nothing but what they are given.
 */
final class SharedState {
    private final LoopUnit unit;
    /** What is looked into: the loop body, or a function of the file that it calls. */
    private final SyntaxNode body;
    /** The loop, whose own variables belong to one iteration; null inside a called function. */
    private final SyntaxNode loop;
    private final LocalScopes scopes;
    /** The loop variable that differs in every iteration, or null. */
    private final Declaration iterationKey;
    private final FileFacts file;
    /** Variables of the body that copy one from outside, to the one they copy. */
    private final Map<Declaration, Declaration> aliases = new HashMap<>();

    /**
     * What the check needs of the whole file, gathered once however many of
     * its functions it reads: the names its imports bind, its package-level
     * variables (as declarations whose statement is the VAR_SPEC), its
     * top-level functions without a receiver by name, and those read already.
     */
    private record FileFacts(Set<String> importNames, Map<String, Declaration> packageVariables,
                             Map<String, SyntaxNode> functions, Map<String, List<SyntaxNode>> methods,
                             PackageDeclarations declarations, Set<SyntaxNode> visited) {

        static FileFacts of(SyntaxNode root, PackageDeclarations declarations) {
            Map<String, SyntaxNode> functions = new HashMap<>();
            Map<String, List<SyntaxNode>> methods = new HashMap<>();
            for (SyntaxNode function : root.descendants(NodeKind.FUNC_DECL)) {
                SyntaxNode name = function.firstChild(TokenKind.IDENTIFIER);
                if (name == null || function.firstChild(NodeKind.BLOCK) == null) {
                    continue;
                }
                if (function.firstChild(NodeKind.RECEIVER) == null) {
                    functions.putIfAbsent(name.text(), function);
                } else {
                    List<SyntaxNode> named = methods.get(name.text());
                    if (named == null) {
                        named = new ArrayList<>();
                        methods.put(name.text(), named);
                    }
                    named.add(function);
                }
            }
            return new FileFacts(ImportNames.of(root), DeclaredTypes.packageVariables(root), functions, methods,
                    declarations, new HashSet<>());
        }
    }

    private SharedState(LoopUnit unit, SyntaxNode body, SyntaxNode loop, LocalScopes scopes, Declaration iterationKey,
                        FileFacts file) {
        this.unit = unit;
        this.body = body;
        this.loop = loop;
        this.scopes = scopes;
        this.iterationKey = iterationKey;
        this.file = file;
    }

    /**
     * Where the body first may change state its iterations share, said in
     * words, or null. {@code scopes} are those of the function around the
     * loop, {@code iterationKey} the loop's distinct variable or null.
     */
    static String firstChange(LoopUnit unit, LocalScopes scopes, Declaration iterationKey,
                              PackageDeclarations declarations) {
        FileFacts file = FileFacts.of(GoTrees.root(unit.loop()), declarations);
        return new SharedState(unit, unit.body(), unit.loop(), scopes, iterationKey, file).find();
    }

    private String find() {
        for (SyntaxNode node : body.subtree()) {
            if (node.is(NodeKind.SIMPLE_STMT) && node.hasChild(TokenKind.DEFINE)) {
                recordAliases(node);
            }
            if (node.is(NodeKind.RANGE_CLAUSE) && node.hasChild(TokenKind.DEFINE)) {
                recordRangeAlias(node);
            }
            String change = node.is(NodeKind.SIMPLE_STMT) ? writeThroughAlias(node) : null;
            if (change == null && node.is(NodeKind.PRIMARY_EXPR)) {
                change = processStateCall(node);
            }
            if (change == null && node.is(NodeKind.OPERAND) && node.child(0).is(TokenKind.IDENTIFIER)) {
                change = usedFunction(node.child(0));
            }
            if (change == null && node.is(NodeKind.OPERAND) && node.child(0).is(TokenKind.IDENTIFIER)) {
                change = use(node.child(0));
            }
            if (change != null) {
                return change;
            }
        }
        return null;
    }

    /**
     * A top-level function of the package named in the body: called by its
     * plain name, instantiated ({@code add[int](x)}), in parentheses
     * ({@code (add)(x)}) or taken as a value ({@code f := add}, {@code apply(add, x)}),
     * it may run in every iteration at once. One declared in this file is read
     * like the body, with the package's variables as what iterations share
     * (afero's tests call a tmpFile that writes a package-level map). One of
     * another file is not read: an unexported one (a helper) is refused, an
     * exported one is taken, like another package's, to be safe for concurrent use.
     */
    private String usedFunction(SyntaxNode identifier) {
        String name = identifier.text();
        if (scopes.resolve(identifier) != null || file.packageVariables().containsKey(name)
                || file.importNames().contains(name)) {
            return null;
        }
        SyntaxNode function = file.functions().get(name);
        if (function == null) {
            boolean helperElsewhere = Character.isLowerCase(name.charAt(0))
                    && file.declarations().declaresFunctionElsewhere(unit.file(), name);
            return helperElsewhere ? at(identifier, name + " is a function of another file of the package, which"
                    + " this check does not read: it may change package state that every iteration shares") : null;
        }
        return read(function, identifier, name);
    }

    /**
     * {@code v.m(x)} on a variable of one iteration: every method named m of
     * this file is read for what it changes besides its receiver, with the
     * package's variables as what iterations share. What the receiver
     * reaches through its pointer fields counts as its own (a limitation).
     */
    private String ownMethod(SyntaxNode identifier, String method) {
        List<SyntaxNode> methods = file.methods().get(method);
        for (int i = 0; methods != null && i < methods.size(); i++) {
            String change = read(methods.get(i), identifier, identifier.text() + "." + method);
            if (change != null) {
                return change;
            }
        }
        return null;
    }

    /** What a function of this file, used at {@code where}, may change that iterations share; each is read once. */
    private String read(SyntaxNode function, SyntaxNode where, String callee) {
        if (!file.visited().add(function) || locksFirst(function)) {
            return null;
        }
        List<SyntaxNode> writes = OuterAssignments.in(function);
        String change = writes.isEmpty() ? new SharedState(unit, function, null, LocalScopes.of(function), null, file)
                .find() : at(writes.get(0), "it writes " + writes.get(0).text()
                + ", declared outside it");
        return change == null ? null : at(where, "the call of " + callee + " (declared at line "
                + unit.file().source().line(function.start()) + "): " + change);
    }

    /**
     * A function that starts with {@code mu.Lock()} and {@code defer mu.Unlock()}:
     * all it does runs under that lock, so callers may share it.
     */
    private static boolean locksFirst(SyntaxNode function) {
        List<SyntaxNode> statements = GoTrees.statements(GoTrees.listOf(function.firstChild(NodeKind.BLOCK)));
        if (statements.size() < 2) {
            return false;
        }
        String lock = WhiteSpace.removed(statements.get(0).text());
        String unlock = WhiteSpace.removed(statements.get(1).text());
        return lock.endsWith(".Lock()") && unlock.equals("defer" + lock.substring(0, lock.length() - 6) + "Unlock()");
    }

    /**
     * {@code st.n = v} or {@code o[0] = v} where st or o is a copy made in the
     * body of something from outside ({@code st := s}, {@code o := out}): the
     * write lands in what every iteration shares. Assigning the copy itself
     * ({@code st = other}) changes only this iteration's variable.
     */
    private String writeThroughAlias(SyntaxNode statement) {
        boolean assigns = statement.hasChild(TokenKind.ASSIGN) || statement.hasChild(TokenKind.ASSIGN_OP)
                || statement.hasChild(TokenKind.INC) || statement.hasChild(TokenKind.DEC);
        if (!assigns) {
            return null;
        }
        for (SyntaxNode target : statement.child(0).children(NodeKind.EXPRESSION)) {
            SyntaxNode root = NameWrites.rootIdentifier(target);
            Declaration declaration = root == null ? null : scopes.resolve(root);
            Declaration outer = declaration == null || !declaration.isInside(body) ? null : aliases.get(declaration);
            if (outer != null && !WhiteSpace.removed(target.text()).equals(root.text())) {
                return at(target, "the body writes " + WhiteSpace.collapsed(target.text().strip()) + ", and "
                        + root.text() + " is a copy of " + outer.name() + ", declared outside the body");
            }
        }
        return null;
    }

    /** {@code b := buf}, {@code p := &v} or {@code b := out[:0]}: b and p stand for what they copy. */
    private void recordAliases(SyntaxNode define) {
        List<SyntaxNode> names = define.child(0).children(NodeKind.EXPRESSION);
        List<SyntaxNode> values = define.child(2).children(NodeKind.EXPRESSION);
        for (int i = 0; i < names.size() && names.size() == values.size(); i++) {
            SyntaxNode name = LocalScopes.plainIdentifier(names.get(i));
            SyntaxNode copied = copiedVariable(values.get(i));
            Declaration inner = name == null ? null : scopes.resolve(name);
            Declaration outer = copied == null ? null : shared(copied, true);
            if (inner != null && outer != null) {
                aliases.put(inner, outer);
            }
        }
    }

    /**
     * {@code for _, a := range accs}: a is an element of accs, so a write
     * through it ({@code a.n = v}) lands in what accs holds, as through a copy.
     */
    private void recordRangeAlias(SyntaxNode range) {
        List<SyntaxNode> expressions = range.children(NodeKind.EXPRESSION);
        SyntaxNode value = expressions.size() == 3 ? LocalScopes.plainIdentifier(expressions.get(1)) : null;
        SyntaxNode ranged = value == null ? null : copiedVariable(expressions.get(2));
        Declaration inner = value == null ? null : scopes.resolve(value);
        Declaration outer = ranged == null ? null : shared(ranged, true);
        if (inner != null && outer != null) {
            aliases.put(inner, outer);
        }
    }

    /**
     * The variable whose storage an expression reaches as it is: {@code v},
     * {@code &v}, {@code v.f.g} or a slice of it, {@code v[:0]}, or null.
     */
    private static SyntaxNode copiedVariable(SyntaxNode expression) {
        if (expression.children().size() != 1 || !expression.child(0).is(NodeKind.UNARY_EXPR)) {
            return null;
        }
        SyntaxNode unary = expression.child(0);
        List<SyntaxNode> operators = unary.children(NodeKind.UNARY_OP);
        SyntaxNode primary = unary.firstChild(NodeKind.PRIMARY_EXPR);
        if (operators.size() > 1 || operators.size() == 1 && !operators.get(0).hasChild(TokenKind.AMP)
                || primary == null || !primary.child(0).is(NodeKind.OPERAND)
                || !primary.child(0).child(0).is(TokenKind.IDENTIFIER)) {
            return null;
        }
        for (SyntaxNode suffix : primary.children().subList(1, primary.children().size())) {
            boolean field = suffix.is(NodeKind.SUFFIX) && suffix.child(0).is(TokenKind.DOT)
                    && suffix.child(1).is(TokenKind.IDENTIFIER);
            boolean slice = suffix.is(NodeKind.SUFFIX) && suffix.child(0).is(NodeKind.INDEX_SUFFIX)
                    && suffix.child(0).firstChild(NodeKind.SLICE_TAIL) != null;
            if (!field && !slice) {
                return null;
            }
        }
        return primary.child(0).child(0);
    }

    /** What one use of a name may change, or null. */
    private String use(SyntaxNode identifier) {
        SyntaxNode operand = identifier.parent();
        SyntaxNode primary = operand.parent();
        if (primary == null || !primary.is(NodeKind.PRIMARY_EXPR) || primary.child(0) != operand) {
            return null;
        }
        List<SyntaxNode> suffixes = primary.children().subList(1, primary.children().size());
        int call = -1;
        for (int i = 0; i < suffixes.size() && call < 0; i++) {
            SyntaxNode suffix = suffixes.get(i);
            if (suffix.is(NodeKind.SUFFIX) && suffix.firstChild(NodeKind.INDEX_SUFFIX) != null
                    && indexesPerIteration(suffix.firstChild(NodeKind.INDEX_SUFFIX))) {
                return null;
            }
            if (suffix.is(NodeKind.SUFFIX) && suffix.firstChild(NodeKind.ARGUMENTS) != null) {
                call = i;
            }
        }
        if (call >= 0) {
            boolean selects = false;
            for (SyntaxNode suffix : suffixes.subList(0, call)) {
                selects |= suffix.child(0).is(TokenKind.DOT) && suffix.child(1).is(TokenKind.IDENTIFIER);
            }
            // Without a selector it is the value itself that is called: f(x), f[T](x), fns[k](x).
            return selects ? callOn(identifier, suffixes.get(call - 1)) : functionValueCall(identifier);
        }
        return valueUse(identifier, primary);
    }

    /** {@code fn(x)} where fn is a function value from outside the body. */
    private String functionValueCall(SyntaxNode identifier) {
        Declaration declaration = shared(identifier, false);
        if (declaration == null || DeclaredTypes.isConcurrencySafe(declaration)) {
            return null;
        }
        return at(identifier, identifier.text() + ", declared outside the body, is called by every iteration at once"
                + " and may change what they share");
    }

    /** {@code v.M(...)} (or {@code v.f.M(...)}, {@code v[k].M(...)}) on a variable from outside the body. */
    private String callOn(SyntaxNode identifier, SyntaxNode beforeCall) {
        if (file.importNames().contains(identifier.text()) && scopes.resolve(identifier) == null) {
            return null;
        }
        Declaration declaration = shared(identifier, true);
        String method = beforeCall.child(0).is(TokenKind.DOT) ? beforeCall.child(1).text() : "";
        if (declaration == null && scopes.resolve(identifier) != null) {
            return ownMethod(identifier, method);
        }
        if (declaration == null || KnownCalls.isLockMethod(method) || DeclaredTypes.isConcurrencySafe(declaration)
                || DeclaredTypes.isValue(declaration)) {
            return null;
        }
        String callee = GoTrees.calleeText(identifier.parent().parent());
        return at(identifier, (callee == null ? identifier.text() : callee) + " is called on " + identifier.text()
                + ", declared outside the body: iterations running at once would change it together");
    }

    /** A variable from outside read as a value: harmless unless its address is taken or a call may write into it. */
    private String valueUse(SyntaxNode identifier, SyntaxNode primary) {
        Declaration declaration = shared(identifier, false);
        if (declaration == null || DeclaredTypes.isConcurrencySafe(declaration) && !DeclaredTypes.isTest(declaration)) {
            return null;
        }
        SyntaxNode unary = primary.parent();
        boolean addressTaken = false;
        for (SyntaxNode operator : unary.children(NodeKind.UNARY_OP)) {
            addressTaken |= operator.hasChild(TokenKind.AMP);
        }
        SyntaxNode expression = unary.parent();
        SyntaxNode arguments = unary.is(NodeKind.UNARY_EXPR) && expression.children().size() == 1
                ? expression.parent() : null;
        if (arguments != null && !arguments.is(NodeKind.ARGUMENTS)) {
            arguments = null;
        }
        if (addressTaken) {
            // atomic.AddInt64(&n, 1) and kin are made for sharing.
            boolean atomic = arguments != null && file.importNames().contains("atomic")
                    && String.valueOf(GoTrees.calleeText(arguments.parent().parent())).startsWith("atomic.");
            return atomic ? null : at(identifier, "&" + identifier.text() + " takes the address of "
                    + identifier.text() + ", declared outside the body, which iterations running at once would share");
        }
        return arguments == null ? null : argumentUse(identifier, declaration, arguments,
                arguments.children(NodeKind.EXPRESSION).indexOf(expression));
    }

    private String argumentUse(SyntaxNode identifier, Declaration declaration, SyntaxNode arguments, int position) {
        SyntaxNode call = arguments.parent().parent();
        String callee = GoTrees.calleeText(call);
        if (callee == null) {
            return null;
        }
        String name = identifier.text();
        if (KnownCalls.writesFirstArgument(callee) && position == 0 && scopes.resolve(call.firstToken()) == null) {
            return at(identifier, callee + " changes " + name + ", declared outside the body, from every iteration"
                    + " at once");
        }
        if (DeclaredTypes.isTest(declaration)) {
            return at(identifier, callee + " is passed " + name + ": a " + name + ".Fatal inside it would stop only"
                    + " the iteration's goroutine, not the test");
        }
        if (DeclaredTypes.isValue(declaration) || readsOnly(callee, call)) {
            return null;
        }
        return at(identifier, callee + " is passed " + name + ", declared outside the body, and may change it while"
                + " other iterations use it");
    }

    /** A function known to read its arguments only, or a method of a value safe for concurrent use. */
    private boolean readsOnly(String callee, SyntaxNode call) {
        if (KnownCalls.readsOnlyArguments(callee, file.importNames())) {
            return true;
        }
        SyntaxNode root = call.firstToken();
        Declaration receiver = root != null && root.is(TokenKind.IDENTIFIER) && callee.contains(".")
                ? scopes.resolve(root) : null;
        return receiver != null && DeclaredTypes.isConcurrencySafe(receiver);
    }

    /** os.Setenv, os.Chdir, log.SetOutput and the like: every iteration sees what one of them set. */
    private String processStateCall(SyntaxNode primary) {
        String callee = GoTrees.calleeText(primary);
        if (callee == null) {
            return null;
        }
        String last = callee.substring(callee.lastIndexOf('.') + 1);
        SyntaxNode root = primary.firstToken();
        Declaration rootDeclaration = root != null && root.is(TokenKind.IDENTIFIER) ? scopes.resolve(root) : null;
        if (!KnownCalls.changesProcessState(last) || rootDeclaration != null && rootDeclaration.isInside(body)
                && !aliases.containsKey(rootDeclaration)) {
            return null;
        }
        return at(primary, callee + " changes state of the whole process, which every iteration sees");
    }

    /** An index by the loop variable that differs in every iteration: each iteration has its own element. */
    private boolean indexesPerIteration(SyntaxNode indexSuffix) {
        SyntaxNode index = indexSuffix.firstChild(NodeKind.EXPRESSION);
        SyntaxNode name = index == null ? null : LocalScopes.plainIdentifier(index);
        SyntaxNode tail = indexSuffix.firstChild(NodeKind.INDEX_TAIL);
        return name != null && iterationKey != null && scopes.resolve(name) == iterationKey
                && tail != null && tail.children().isEmpty();
    }

    /**
     * The declaration outside the body whose value this name reaches, or null
     * for a variable of one iteration, an imported package, or (unless
     * {@code unknownIsShared}) a name from another file of the package.
     */
    private Declaration shared(SyntaxNode identifier, boolean unknownIsShared) {
        Declaration declaration = scopes.resolve(identifier);
        if (declaration == null) {
            Declaration packageVariable = file.packageVariables().get(identifier.text());
            if (packageVariable != null || !unknownIsShared || file.importNames().contains(identifier.text())) {
                return packageVariable;
            }
            // Only a variable has methods to call: one declared in another file of the package.
            return new Declaration(identifier.text(), identifier, identifier, 0, identifier);
        }
        if (declaration.isInside(body)) {
            return aliases.get(declaration);
        }
        return loop != null && loop.isAncestorOf(declaration.token()) ? null : declaration;
    }

    private String at(SyntaxNode node, String what) {
        return what + " (line " + unit.file().source().line(node.start()) + ")";
    }
}
