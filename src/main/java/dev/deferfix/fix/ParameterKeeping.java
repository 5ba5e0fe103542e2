package dev.deferfix.fix;

import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a top-level function of the package, handed a value as an
 * argument, may keep it after it returns
 * ({@code func register(f *os.File) { open = append(open, f) }}): its body is
 * followed like a loop body, with the call in place of the iteration
 * ({@link CallRegion}). Storing the parameter outside the function (a package
 * variable, another parameter's field or element), sending it, or using it
 * in a go statement keeps it; returning it does not, since the caller follows
 * the call's result. Every declaration of the name in the package counts
 * (build tags may pick any one). Functions it hands the value on to are read
 * the same way; one already being read adds nothing (a recursive call keeps
 * the value only if some other path does). A local variable given a function
 * literal where it is declared, and never written again, is read as that
 * literal. Not read: builtins, conversions, and other function values
 * (parameters, a package-level {@code var hook = func(...)}).
 */
final class ParameterKeeping {
    /**
     * What a function does with a parameter: how it may keep it (null: it
     * does not), and whether its result may hold it.
     */
    record Use(String keptBy, boolean returned) {
        static final Use NOTHING = new Use(null, false);

        Use with(Use other) {
            return new Use(keptBy != null ? keptBy : other.keptBy, returned || other.returned);
        }
    }

    private final PackageDeclarations declarations;
    private final SynchronousCalls synchronousCalls;
    /**
     * What the functions of other files do with each parameter, by package,
     * name and index, for the run: such files are parsed only to answer, and
     * a package's helpers are called from many loops.
     */
    private final Map<String, Optional<Use>> otherFiles = new ConcurrentHashMap<>();

    ParameterKeeping(PackageDeclarations declarations, SynchronousCalls synchronousCalls) {
        this.declarations = declarations;
        this.synchronousCalls = synchronousCalls;
    }

    /**
     * One question's reading: the functions whose bodies are being followed,
     * up the chain; how often a cycle was cut short; and what each function
     * read to the end without a cut does with each parameter, so that one
     * reached along many paths is read once.
     */
    static final class Reading {
        /** Calls followed into calls beyond this depth are not read: the answer is "may keep". */
        private static final int DEEPEST = 6;

        private final Set<SyntaxNode> functions = new HashSet<>();
        private final Map<SyntaxNode, Map<Integer, Use>> known = new HashMap<>();
        private int cyclesCut;
    }

    /**
     * What the plain call {@code call} of a package function does with the
     * value handed to it as the argument {@code argument}; null when the
     * callee is no function of the package (a local or imported name, a
     * builtin, a conversion), so nothing is known of it. A keeping reads
     * " is passed to f, which may keep it: ...".
     */
    Use useOf(SyntaxNode call, SyntaxNode argument, LocalScopes scopes, ParsedFile file, Reading reading) {
        SyntaxNode head = call.child(0);
        SyntaxNode arguments = argument.parent();
        if (call.children().size() != 2 || call.child(1) != arguments.parent() || !head.is(NodeKind.OPERAND)
                || !head.child(0).is(TokenKind.IDENTIFIER)) {
            return null;
        }
        String name = head.child(0).text();
        int index = arguments.children(NodeKind.EXPRESSION).indexOf(argument);
        Declaration local = scopes.resolve(head.child(0));
        if (local != null) {
            // keep := func(x *T) {...}; keep(r): the literal's body is read like a function's
            SyntaxNode literal = BoundLiteral.of(call, scopes, NameWrites.in(local.scope()));
            return literal == null ? null : named(name, useOf(literal, index, file, name, reading));
        }
        SyntaxNode here = SameFileCallee.topLevelFunction(file.root(), name);
        if (here == null && (PredeclaredNames.isFunctionOrType(name) || declaresOtherwise(file.root(), name))) {
            return null; // a builtin, a conversion, or a function variable of this file
        }
        Use use = here == null ? Use.NOTHING : useOf(here, index, file, name, reading);
        Use others = use.keptBy() == null ? useInOtherFiles(file, name, index, reading) : Use.NOTHING;
        if (here == null && others == null) {
            return null; // no declaration found (a conversion, a function variable), or standard input
        }
        return named(name, others == null ? use : use.with(others));
    }

    /** Whether the file declares {@code name} at top level as a type, variable or constant. */
    private static boolean declaresOtherwise(SyntaxNode root, String name) {
        for (SyntaxNode top : root.children(NodeKind.TOP_LEVEL_DECL)) {
            SyntaxNode declaration = top.firstChild(NodeKind.DECLARATION);
            if (declaration != null && Declarations.declaredBy(declaration).contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The use with its keeping told from the caller's side: " is passed to f, which may keep it: ...". */
    private static Use named(String name, Use use) {
        return use.keptBy() == null ? use
                : new Use(" is passed to " + name + ", which may keep it: " + use.keptBy(), use.returned());
    }

    /**
     * What the declarations of {@code name} in the package's other files do;
     * null when there are none, or the package is unknown.
     */
    private Use useInOtherFiles(ParsedFile file, String name, int index, Reading reading) {
        String packageKey = declarations.packageKey(file);
        if (packageKey == null) {
            return null;
        }
        String key = packageKey + " " + name + " " + index;
        if (otherFiles.containsKey(key)) {
            return otherFiles.get(key).orElse(null);
        }
        int cyclesCut = reading.cyclesCut;
        Use use = null;
        for (ParsedFile other : declarations.filesDeclaringFunction(file, name)) {
            Use here = useOf(SameFileCallee.topLevelFunction(other.root(), name), index, other, name, reading);
            use = use == null ? here : use.with(here);
            if (use.keptBy() != null) {
                break;
            }
        }
        if (use != null && use.keptBy() != null || reading.cyclesCut == cyclesCut) {
            // an answer that a cut cycle may have left short is not kept for other callers
            otherFiles.put(key, Optional.ofNullable(use));
        }
        return use;
    }

    /** What {@code function} (a declaration or a literal) does with its parameter number {@code index}. */
    private Use useOf(SyntaxNode function, int index, ParsedFile file, String name, Reading reading) {
        if (reading.functions.contains(function)) {
            reading.cyclesCut++;
            return Use.NOTHING;
        }
        Use known = reading.known.getOrDefault(function, Map.of()).get(index);
        if (known != null) {
            return known;
        }
        if (reading.functions.size() >= Reading.DEEPEST) {
            return new Use("the calls it hands the value on through go too deep to follow", true);
        }
        int cyclesCut = reading.cyclesCut;
        Use use = read(function, index, file, name, reading);
        if (reading.cyclesCut == cyclesCut) {
            Map<Integer, Use> byIndex = reading.known.get(function);
            if (byIndex == null) {
                byIndex = new HashMap<>();
                reading.known.put(function, byIndex);
            }
            byIndex.put(index, use);
        }
        return use;
    }

    private Use read(SyntaxNode function, int index, ParsedFile file, String name, Reading reading) {
        if (function.firstChild(NodeKind.BLOCK) == null) {
            return new Use("it has no body here (it is written in assembly or linked in)", true);
        }
        List<SyntaxNode> parameters = function.firstChild(NodeKind.SIGNATURE).firstChild(NodeKind.PARAMETERS)
                .children(NodeKind.PARAMETER_DECL);
        boolean variadic = !parameters.isEmpty() && parameters.get(parameters.size() - 1).hasChild(TokenKind.ELLIPSIS);
        int at = variadic ? Math.min(index, parameters.size() - 1) : index;
        if (at < 0 || at >= parameters.size()) {
            return new Use("its parameters do not match the call", true);
        }
        LocalScopes scopes = LocalScopes.of(function);
        List<Declaration> parameter = scopes.declaredBy(parameters.get(at));
        if (parameter.isEmpty()) {
            return Use.NOTHING; // unnamed or _: the body cannot see it
        }
        reading.functions.add(function);
        try {
            CallRegion call = new CallRegion(function, file, name);
            String kept = new ValueFlow(call, scopes, synchronousCalls, this, reading).firstEscape(parameter.get(0));
            return new Use(kept, call.returnsValue());
        } finally {
            reading.functions.remove(function);
        }
    }
}
