package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.find.GoTrees;
import dev.deferfix.find.GoVersion;
import dev.deferfix.fix.BodyExits.Exit;
import dev.deferfix.fix.BodyExits.Kind;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Opt-in: runs every iteration in its own goroutine, at most
 * --max-concurrency at a time (a buffered channel is the semaphore), waits
 * for all with a sync.WaitGroup and then returns the first error, as the
 * article's worker pool does. Each iteration's defers run when its goroutine
 * ends. Only for independent iterations: the body writes no variable declared
 * outside it, changes no state they share in other ways ({@link SharedState})
 * and leaves only by continue or by returning a non-nil error.
 */
public final class SemaphoreWorker implements Strategy {
    public static final String NAME = "semaphore";
    /** The other files of a package, read once per directory in a run (shared): which helpers they declare. */
    private final PackageDeclarations declarations;
    /** Methods that stop a test's goroutine (t.Fatal and kin), whatever the receiver is called. */
    private static final Set<String> STOPPING_METHODS = Set.of("Fatal", "Fatalf", "FailNow", "Skip", "Skipf",
            "SkipNow");

    SemaphoreWorker(PackageDeclarations declarations) {
        this.declarations = declarations;
    }
    /**
     * Ginkgo's and Gomega's assertions, usually dot-imported: a failure panics,
     * which Ginkgo recovers in the spec's goroutine but not in another.
     */
    private static final Set<String> PANICKING_ASSERTIONS = Set.of("Expect", "Ω", "Eventually", "Consistently",
            "Fail");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(LoopUnit unit, FixOptions options) {
        SyntaxNode loop = unit.loop();
        List<Exit> exits = BodyExits.of(loop);
        Refusal other = OtherDefers.check(unit);
        if (other == null) {
            other = CallStackUse.check(unit);
        }
        if (other != null) {
            return refuse(other.reason(), other.detail());
        }
        Set<String> copies = loopVariablesToCopy(loop, mayShareLoopVariables(options.goVersion()));
        if (copies == null) {
            return refuse(RefusalReason.NOT_INDEPENDENT,
                    "the loop header assigns to something other than a variable, which a goroutine cannot copy");
        }
        Refusal dependence = dependence(unit, exits, options.goVersion());
        if (dependence != null) {
            return refuse(dependence.reason(), dependence.detail());
        }
        boolean returnsErrors = BodyExits.any(exits, Kind.RETURN);
        String problem = returnsErrors ? resultProblem(unit, exits) : null;
        if (problem != null) {
            return refuse(RefusalReason.UNSUPPORTED_RESULTS, problem);
        }
        if (options.maxConcurrency() < 1) {
            return refuse(RefusalReason.UNSUPPORTED_SYNTAX, "--max-concurrency must be at least 1");
        }
        List<Edit> imports = ImportAdder.ensure(unit.file(), "sync");
        if (imports != null && !imports.isEmpty() && declarations.declaresNameElsewhere(unit.file(), "sync")) {
            return refuse(RefusalReason.UNSUPPORTED_SYNTAX, "another file of the package declares sync at package "
                    + "level, so this file cannot import the package sync under its own name");
        }
        String shadowed = shadowedBuiltin(unit);
        if (shadowed != null) {
            return refuse(RefusalReason.UNSUPPORTED_SYNTAX, "the pool's code calls the predeclared " + shadowed
                    + ", which this " + (declarations.knownToDeclare(unit.file(), shadowed) ? "package" : "function")
                    + " declares again");
        }
        BodyWrapping wrapping = BodyWrapping.of(unit, returnsErrors ? 2 : 1);
        if (imports == null || wrapping == null || !SourceLines.startsLine(unit.file().source().text(), loop.start())) {
            return refuse(RefusalReason.UNSUPPORTED_SYNTAX, imports == null
                    ? "the name sync is taken in this file" : "the loop is not laid out as gofmt prints it");
        }
        FreshNames names = FreshNames.of(unit);
        Worker worker = new Worker(names.fresh("wg"), names.fresh("sem"), names.fresh("panics"),
                returnsErrors ? names.fresh("errc") : null);
        List<Edit> edits = new ArrayList<>(imports);
        edits.add(Edit.insert(SourceLines.lineStart(unit.file().source().text(), loop.start()),
                wrapping.linesAtLoopLevel(worker.setup(options.maxConcurrency()))));
        List<String> opening = new ArrayList<>();
        for (String variable : copies) {
            opening.add(variable + " := " + variable);
        }
        opening.addAll(worker.opening());
        boolean terminates = Terminating.endsList(GoTrees.listOf(unit.body()), unit.body());
        edits.addAll(wrapping.wrap(opening, worker.closing(terminates)));
        for (Exit exit : exits) {
            if (exit.kind() == Kind.CONTINUE) {
                edits.add(wrapping.replace(exit.statement(), returnsErrors ? "return nil" : "return"));
            }
        }
        String after = wrapping.linesAtLoopLevel(worker.after());
        edits.add(Edit.insert(loop.end(), wrapping.eol() + after.substring(0, after.length() - wrapping.eol().length())));
        return Plan.rewrite(NAME, edits, explanation(options.maxConcurrency(), returnsErrors));
    }

    /** Predeclared names the pool's code uses: declared again, they would mean something else there. */
    private static final List<String> POOL_BUILTINS = List.of("make", "close", "panic", "recover", "error", "nil");

    /** A name of {@link #POOL_BUILTINS} that the package or the loop's function declares, or null. */
    private String shadowedBuiltin(LoopUnit unit) {
        for (String name : POOL_BUILTINS) {
            if (declarations.knownToDeclare(unit.file(), name)) {
                return name;
            }
        }
        SyntaxNode function = GoTrees.outermostFunction(unit.loop());
        LocalScopes scopes = LocalScopes.of(function);
        for (SyntaxNode node : function.subtree()) {
            if (node.is(TokenKind.IDENTIFIER) && POOL_BUILTINS.contains(node.text()) && scopes.resolve(node) != null) {
                return node.text();
            }
        }
        return null;
    }

    private static String explanation(int maxConcurrency, boolean returnsErrors) {
        return "runs each iteration in its own goroutine, at most " + maxConcurrency + " at a time, so its defers run "
                + "when the iteration ends. This changes the program: iterations now run concurrently and in no fixed "
                + "order" + (returnsErrors ? ", and an error no longer stops the loop early: every iteration runs, "
                + "and the first error is returned after all have finished" : "") + "; a panic in an iteration no "
                + "longer stops the loop either: the first one is raised again after all have finished.";
    }

    /** Calls in a loop header that cannot change anything: the length of a value, a numeric conversion. */
    private static final Set<String> HARMLESS_HEADER_CALLS = Set.of("len", "cap", "int", "int8", "int16", "int32",
            "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64", "byte", "rune");

    /**
     * A call in the parts of the header that run before each iteration (the
     * condition and the post statement), not the init statement or a range
     * expression, which run once; null when there is none.
     */
    private static SyntaxNode callInRepeatedHeader(SyntaxNode loop) {
        List<SyntaxNode> repeated = new ArrayList<>();
        SyntaxNode clause = loop.firstChild(NodeKind.FOR_CLAUSE);
        if (clause != null) {
            repeated.addAll(clause.children(NodeKind.EXPRESSION));
            int semicolons = 0;
            for (SyntaxNode part : clause.children()) {
                semicolons += part.is(TokenKind.SEMI) ? 1 : 0;
                if (semicolons == 2 && part.is(NodeKind.SIMPLE_STMT)) {
                    repeated.add(part); // the post statement
                }
            }
        } else if (loop.firstChild(NodeKind.EXPRESSION) != null) {
            repeated.add(loop.firstChild(NodeKind.EXPRESSION));
        }
        for (SyntaxNode part : repeated) {
            for (SyntaxNode primary : part.descendants(NodeKind.PRIMARY_EXPR)) {
                String callee = GoTrees.calleeText(primary);
                if (callee != null && !HARMLESS_HEADER_CALLS.contains(callee)) {
                    return primary;
                }
            }
        }
        return null;
    }

    /** Why the iterations may depend on each other (or cannot be moved into a goroutine), or null. */
    private Refusal dependence(LoopUnit unit, List<Exit> exits, GoVersion version) {
        if (GoTrees.labelOf(unit.loop()) != null) {
            return new Refusal(RefusalReason.NOT_INDEPENDENT, "the loop has a label");
        }
        for (Exit exit : exits) {
            if (exit.kind() == Kind.GOTO_OUT) {
                return new Refusal(RefusalReason.GOTO_CROSSES_SCOPE,
                        at(unit, exit.statement(), "'" + exit.statement().text() + "' leaves the loop body"));
            }
            if (exit.kind() != Kind.CONTINUE && exit.kind() != Kind.RETURN) {
                return new Refusal(RefusalReason.NOT_INDEPENDENT,
                        at(unit, exit.statement(), "'" + exit.statement().text() + "' leaves the loop"));
            }
        }
        List<SyntaxNode> gotos = unit.body().descendants(NodeKind.GOTO_STMT);
        if (!gotos.isEmpty()) {
            return new Refusal(RefusalReason.NOT_INDEPENDENT, at(unit, gotos.get(0), "the body uses goto"));
        }
        SyntaxNode headerCall = callInRepeatedHeader(unit.loop());
        if (headerCall != null) {
            return new Refusal(RefusalReason.NOT_INDEPENDENT, at(unit, headerCall, "the loop header calls "
                    + GoTrees.calleeText(headerCall) + " before every iteration, while earlier iterations still run:"
                    + " it may change what they read (for scanner.Scan() { ... scanner.Text() ... })"));
        }
        SyntaxNode stop = callThatStopsTheCaller(unit.body());
        if (stop != null) {
            return new Refusal(RefusalReason.NOT_INDEPENDENT, at(unit, stop, GoTrees.calleeText(stop)
                    + " stops the function that calls it (or unwinds to its callers); in a goroutine it cannot"));
        }
        LocalScopes scopes = LocalScopes.of(GoTrees.outermostFunction(unit.loop()));
        Declaration key = IterationKey.of(unit.loop(), scopes, version);
        List<SyntaxNode> writes = OwnElements.leftShared(OuterAssignments.in(unit.body()), unit.body(), scopes, key);
        if (!writes.isEmpty()) {
            String target = WhiteSpace.collapsed(writes.get(0).text().strip());
            boolean throughPointer = target.startsWith("*") || target.startsWith("(*");
            return new Refusal(RefusalReason.NOT_INDEPENDENT, at(unit, writes.get(0), throughPointer
                    ? "the body writes through a pointer, " + target + ", which may point to what other iterations share"
                    : "the body writes " + target + ", declared outside it"));
        }
        String sharedChange = SharedState.firstChange(unit, scopes, key, declarations);
        return sharedChange == null ? null : new Refusal(RefusalReason.NOT_INDEPENDENT, sharedChange);
    }

    /**
     * A call that ends the calling function early in a way a goroutine cannot
     * pass on: t.Fatal, t.Skip and FailNow (runtime.Goexit: only the goroutine
     * would stop, go vet's testinggoroutine check), or panic (it would crash
     * the program instead of unwinding to the loop's callers).
     */
    private static SyntaxNode callThatStopsTheCaller(SyntaxNode body) {
        SyntaxNode[] found = new SyntaxNode[1];
        body.walk(node -> true, node -> {
            String callee = node.is(NodeKind.PRIMARY_EXPR) ? GoTrees.calleeText(node) : null;
            if (found[0] == null && callee != null && (stops(callee) || stops(GoTrees.firstCalleeText(node)))) {
                found[0] = node;
            }
        });
        return found[0];
    }

    private static String resultProblem(LoopUnit unit, List<Exit> exits) {
        if (!FunctionResults.of(unit.sites().get(0).function()).isOnlyUnnamedError()) {
            return "the body returns from a function whose only result is not error";
        }
        for (Exit exit : exits) {
            if (exit.kind() == Kind.RETURN && !NonNilErrors.provablyNonNil(exit.statement(), unit.file())) {
                return at(unit, exit.statement(), "'" + exit.statement().text()
                        + "' may return nil, an early end that concurrent iterations cannot keep");
            }
        }
        return null;
    }

    /**
     * Whether iterations may share their loop variables: below Go 1.22, or
     * when no go.mod or flag said which Go the code is for. A copy is harmless
     * where it is not needed; a missing one is a data race where it is.
     */
    private static boolean mayShareLoopVariables(GoVersion version) {
        return !version.hasPerIterationLoopVariables() || version.equals(GoVersion.NEWEST);
    }

    /**
     * Loop variables the body uses that each goroutine needs its own copy of,
     * taken before it starts: those the header assigns ({@code for _, p = range ps},
     * {@code for i = 0; i < n; i++}), which all iterations share in every Go,
     * and those it declares, which they share below Go 1.22. Null when the
     * header assigns to something other than a name ({@code for s.i = range ...}).
     */
    private static Set<String> loopVariablesToCopy(SyntaxNode loop, boolean declaredAreShared) {
        Set<String> declared = new LinkedHashSet<>();
        List<SyntaxNode> targets = new ArrayList<>();
        SyntaxNode range = loop.firstChild(NodeKind.RANGE_CLAUSE);
        SyntaxNode clause = loop.firstChild(NodeKind.FOR_CLAUSE);
        if (range != null && range.hasChild(TokenKind.DEFINE)) {
            declared.addAll(Declarations.declaredBy(range));
        } else if (range != null && range.hasChild(TokenKind.ASSIGN)) {
            int assign = range.firstChild(TokenKind.ASSIGN).start();
            for (SyntaxNode expression : range.children(NodeKind.EXPRESSION)) {
                if (expression.end() <= assign) {
                    targets.add(expression);
                }
            }
        } else if (clause != null) {
            for (SyntaxNode statement : clause.children(NodeKind.SIMPLE_STMT)) {
                if (statement.hasChild(TokenKind.DEFINE)) {
                    declared.addAll(Declarations.declaredBy(statement));
                } else if (statement.children().size() > 1 && !statement.child(1).is(TokenKind.ARROW)) {
                    targets.addAll(statement.child(0).children(NodeKind.EXPRESSION));
                }
            }
        }
        Set<String> copies = new LinkedHashSet<>();
        for (SyntaxNode target : targets) {
            SyntaxNode name = LocalScopes.plainIdentifier(target);
            if (name == null) {
                return null;
            }
            if (!name.text().equals("_") && !declared.contains(name.text())) {
                copies.add(name.text());
            }
        }
        if (declaredAreShared) {
            copies.addAll(declared);
        }
        Set<String> used = new LinkedHashSet<>();
        GoTrees.body(loop).walk(node -> true, node -> {
            if (node.is(TokenKind.IDENTIFIER)) {
                used.add(node.text());
            }
        });
        copies.retainAll(used);
        return copies;
    }

    private static String at(LoopUnit unit, SyntaxNode node, String what) {
        return what + " (line " + unit.file().source().line(node.start()) + ")";
    }

    private static Plan refuse(RefusalReason reason, String detail) {
        return Plan.refuse(NAME, reason, new Refusal(reason, detail).explanation());
    }

    /**
     * The text of the worker pool, with the names it was given. A panic in an
     * iteration (a division by zero, a nil map) is recovered in its goroutine,
     * where it would end the process, and the first one is raised again in
     * the calling goroutine after all have finished, so a recover of the
     * loop's callers (net/http's for a handler) still sees it.
     */
    private record Worker(String wg, String sem, String panics, String errc) {

        /** The pool, under a comment that tells the reader, and the reviewer of the diff, what changed. */
        List<String> setup(int maxConcurrency) {
            List<String> lines = new ArrayList<>();
            lines.add("// The iterations below run concurrently, at most " + maxConcurrency + " at a time, in no fixed order;");
            if (errc == null) {
                lines.add("// a panic no longer stops the loop: the first one is raised again once all have finished.");
            } else {
                lines.add("// an error or panic no longer stops the loop: once all have finished, the first panic");
                lines.add("// is raised again, else the first error is returned.");
            }
            lines.add(sem + " := make(chan struct{}, " + maxConcurrency + ")");
            lines.add(panics + " := make(chan interface{}, 1)");
            if (errc != null) {
                lines.add(errc + " := make(chan error, 1)");
            }
            lines.add("var " + wg + " sync.WaitGroup");
            return lines;
        }

        List<String> opening() {
            List<String> lines = new ArrayList<>(List.of(wg + ".Add(1)", sem + " <- struct{}{}", "go func() {",
                    "\tdefer " + wg + ".Done()", "\tdefer func() {", "\t\t<-" + sem,
                    "\t\tif p := recover(); p != nil {"));
            lines.addAll(firstOnly("\t\t\t", panics, "p"));
            lines.addAll(List.of("\t\t}", "\t}()"));
            if (errc != null) {
                lines.add("\tif err := func() error {");
            }
            return lines;
        }

        List<String> closing(boolean bodyTerminates) {
            List<String> lines = new ArrayList<>();
            if (errc != null) {
                if (!bodyTerminates) {
                    lines.add("\t\treturn nil");
                }
                lines.add("\t}(); err != nil {");
                lines.addAll(firstOnly("\t\t", errc, "err"));
                lines.add("\t}");
            }
            lines.add("}()");
            return lines;
        }

        /** Sends the value unless the channel holds one already: it keeps the first. */
        private static List<String> firstOnly(String indent, String channel, String value) {
            return List.of(indent + "select {", indent + "case " + channel + " <- " + value + ":", indent + "default:",
                    indent + "}");
        }

        List<String> after() {
            List<String> lines = new ArrayList<>(List.of(wg + ".Wait()", "close(" + panics + ")",
                    "if p := <-" + panics + "; p != nil {", "\tpanic(p)", "}"));
            if (errc != null) {
                lines.addAll(List.of("close(" + errc + ")", "if err := <-" + errc + "; err != nil {", "\treturn err", "}"));
            }
            return lines;
        }
    }

    /** panic, runtime.Goexit, a method that stops a test's goroutine, or a Ginkgo or Gomega assertion. */
    private static boolean stops(String callee) {
        int dot = callee.lastIndexOf('.');
        return callee.equals("panic") || callee.equals("runtime.Goexit") || PANICKING_ASSERTIONS.contains(callee)
                || dot >= 0 && STOPPING_METHODS.contains(callee.substring(dot + 1))
                || callee.startsWith("gomega.") || callee.equals("ginkgo.Fail");
    }
}
