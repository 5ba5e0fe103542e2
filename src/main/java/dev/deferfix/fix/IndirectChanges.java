package dev.deferfix.fix;

import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether code after the defer may change, without naming the variable, what
 * the deferred call reads through a field ({@code defer w.f.Close()},
 * {@code defer report(r.id)}) or a package-level variable
 * ({@code defer report(total)}): a method ({@code w.rotate()}), an alias
 * ({@code q := r; q.id = 5}) or any function ({@code bump()}) can. Go reads
 * those at the defer; explicit-close would read them at the end of the
 * iteration. Without types or a call graph, every call in the body after the
 * defer counts (but len, cap, make, new and append to a local), and so does an assignment there
 * through a pointer ({@code *p = }), an index ({@code s[i] = }), a selector
 * naming a field the call reads ({@code q.id = }), or to a variable that is
 * package-level or whose address is taken. A field of a local value
 * ({@code w := W{}; defer w.a.Close()}) is left to the checks of named
 * writes, pointers and methods: it is the variable's own storage.
 */
final class IndirectChanges {
    private static final Set<String> HARMLESS_BUILTINS = Set.of("len", "cap", "make", "new");

    private final FunctionVariables variables;
    private final PossibleValue values;
    private final PackageDeclarations declarations;
    private final ParsedFile file;
    /** The fields the call reads ([f] of w.f.Close(), [id] of report(r.id)). */
    private final List<String> fields = new ArrayList<>();
    /** Whether the call reads a package-level variable: any indirect write may reach it. */
    private boolean readsPackageVariable;
    /** What the call reads that may change, as written: "w.f", "total". */
    private String described;

    private IndirectChanges(PossibleValue values, PackageDeclarations declarations, ParsedFile file) {
        this.variables = values.variables();
        this.values = values;
        this.declarations = declarations;
        this.file = file;
    }

    /** Why the moved call may read another value than the defer did, or null. */
    static String problem(DeferredCall call, SyntaxNode defer, SyntaxNode body, PossibleValue values,
                          PackageDeclarations declarations, ParsedFile file) {
        IndirectChanges check = new IndirectChanges(values, declarations, file);
        for (SyntaxNode name : call.evaluatedNames()) {
            check.read(name);
        }
        if (check.described == null) {
            return null;
        }
        SyntaxNode change = check.firstChange(body, defer);
        if (change == null) {
            return null;
        }
        return check.described + " is read through " + (check.readsPackageVariable ? "a package-level variable"
                : "a field") + ", and " + text(change) + " at line " + file.source().line(change.start())
                + " may change it without naming it, after the defer evaluated it";
    }

    private void read(SyntaxNode name) {
        List<String> chain = SelectorChain.evaluated(name);
        Declaration variable = variables.variableOf(name);
        boolean local = variable != null && variables.function().isAncestorOf(variable.token());
        boolean packageLevel = !local && (variable != null || mayBePackageVariable(name));
        if (!packageLevel && (chain.isEmpty() || chain.size() == 1 && values.origin(variable) != null)) {
            return; // a field of a local value is its own storage, which only named writes change
        }
        fields.addAll(chain);
        readsPackageVariable |= packageLevel;
        if (described == null || packageLevel) {
            described = name.text() + (chain.isEmpty() ? "" : "." + String.join(".", chain));
        }
    }

    /**
     * A name that is no local and no package-level variable of this file:
     * a variable of another file, unless it is a function or import, a
     * builtin, or a constant or type of this file.
     */
    private boolean mayBePackageVariable(SyntaxNode name) {
        String text = name.text();
        SyntaxNode root = file.root();
        if (PredeclaredNames.isFunctionOrConstant(text) || ImportNames.of(root).contains(text) || declaresConstantOrType(root, text)
                || !SameFileSignatures.of(root).functionsNamed(text).isEmpty()) {
            return false;
        }
        return declarations.declares(file, text) && !declarations.declaresFunctionElsewhere(file, text);
    }

    /** The first call or indirect write in the body after the defer (function literals included), or null. */
    private SyntaxNode firstChange(SyntaxNode body, SyntaxNode defer) {
        for (SyntaxNode node : body.subtree()) {
            if (node.start() <= defer.end()) {
                continue;
            }
            if (node.is(NodeKind.SUFFIX) && node.firstChild(NodeKind.ARGUMENTS) != null && !isHarmlessBuiltin(node)) {
                return node.parent();
            }
            if (node.is(NodeKind.SIMPLE_STMT) && !node.hasChild(TokenKind.DEFINE) && (node.hasChild(TokenKind.ASSIGN)
                    || node.hasChild(TokenKind.ASSIGN_OP) || node.hasChild(TokenKind.INC)
                    || node.hasChild(TokenKind.DEC)) && anyTargetMayAlias(node.child(0).children(NodeKind.EXPRESSION))) {
                return node;
            }
            if (node.is(NodeKind.RANGE_CLAUSE) && node.hasChild(TokenKind.ASSIGN)) {
                List<SyntaxNode> targets = new ArrayList<>();
                for (SyntaxNode target : node.children(NodeKind.EXPRESSION)) {
                    if (target.end() <= node.firstChild(TokenKind.ASSIGN).start()) {
                        targets.add(target);
                    }
                }
                if (anyTargetMayAlias(targets)) {
                    return node;
                }
            }
        }
        return null;
    }

    private boolean anyTargetMayAlias(List<SyntaxNode> targets) {
        for (SyntaxNode target : targets) {
            if (mayAlias(target)) {
                return true;
            }
        }
        return false;
    }

    /** Whether assigning to {@code target} may change what the deferred call reads. */
    private boolean mayAlias(SyntaxNode target) {
        for (SyntaxNode operator : target.descendants(NodeKind.UNARY_OP)) {
            if (operator.child(0).is(TokenKind.STAR)) {
                return true;
            }
        }
        if (!target.descendants(NodeKind.INDEX_SUFFIX).isEmpty()) {
            return true;
        }
        SyntaxNode root = NameWrites.rootIdentifier(target);
        if (root == null) {
            return true;
        }
        List<String> path = SelectorChain.after(root);
        if (!path.isEmpty()) {
            if (readsPackageVariable) {
                return true;
            }
            for (String field : path) {
                if (fields.contains(field)) {
                    return true;
                }
            }
            return false;
        }
        Declaration variable = variables.variableOf(root);
        boolean local = variable != null && variables.function().isAncestorOf(variable.token());
        return local ? addressTaken(root) : !root.text().equals("_");
    }

    /** Whether the function takes the address of the variable, or slices it: a pointer may then read it. */
    private boolean addressTaken(SyntaxNode variable) {
        for (SyntaxNode primary : variables.function().descendants(NodeKind.PRIMARY_EXPR)) {
            SyntaxNode head = primary.child(0);
            if (!head.is(NodeKind.OPERAND) || !head.child(0).is(TokenKind.IDENTIFIER)
                    || !variables.same(head.child(0), variable)) {
                continue;
            }
            SyntaxNode unary = primary.parent();
            if (unary.is(NodeKind.UNARY_EXPR)) {
                for (SyntaxNode operator : unary.children(NodeKind.UNARY_OP)) {
                    if (operator.child(0).is(TokenKind.AMP)) {
                        return true;
                    }
                }
            }
            if (!primary.descendants(NodeKind.SLICE_TAIL).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * len(x), cap(x), make(T), new(T) with the builtin, which change nothing,
     * and append to a local slice, which writes only past its length.
     */
    private boolean isHarmlessBuiltin(SyntaxNode callSuffix) {
        SyntaxNode primary = callSuffix.parent();
        SyntaxNode head = primary.child(0);
        if (primary.children().size() != 2 || !head.is(NodeKind.OPERAND) || !head.child(0).is(TokenKind.IDENTIFIER)) {
            return false;
        }
        String name = head.child(0).text();
        boolean harmless = HARMLESS_BUILTINS.contains(name) || name.equals("append") && appendsToLocal(callSuffix);
        // A package that redeclares len is not worth reading unreadable files for.
        return harmless && variables.variableOf(head.child(0)) == null && !declarations.knownToDeclare(file, name);
    }

    private boolean appendsToLocal(SyntaxNode callSuffix) {
        List<SyntaxNode> arguments = callSuffix.firstChild(NodeKind.ARGUMENTS).children(NodeKind.EXPRESSION);
        SyntaxNode slice = arguments.isEmpty() ? null : NameWrites.rootIdentifier(arguments.get(0));
        Declaration variable = slice == null || !arguments.get(0).text().strip().equals(slice.text()) ? null
                : variables.variableOf(slice);
        return variable != null && variables.function().isAncestorOf(variable.token());
    }

    /** Whether the file declares {@code name} as a package-level constant or type. */
    private static boolean declaresConstantOrType(SyntaxNode root, String name) {
        for (SyntaxNode declaration : root.children(NodeKind.TOP_LEVEL_DECL)) {
            if (declaration.firstChild(NodeKind.FUNC_DECL) != null) {
                continue; // a function's own constants and types are not package-level
            }
            for (SyntaxNode spec : declaration.descendants(NodeKind.CONST_SPEC)) {
                for (SyntaxNode constant : spec.child(0).children()) {
                    if (constant.is(TokenKind.IDENTIFIER) && constant.text().equals(name)) {
                        return true;
                    }
                }
            }
            for (SyntaxNode spec : declaration.descendants(NodeKind.TYPE_SPEC)) {
                if (spec.child(0).text().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The change as written, on one line; a call up to its arguments ("w.rotate(...)"). */
    private static String text(SyntaxNode change) {
        String text = change.text().strip();
        if (change.is(NodeKind.PRIMARY_EXPR)) {
            SyntaxNode last = change.child(change.children().size() - 1);
            for (SyntaxNode suffix : change.children(NodeKind.SUFFIX)) {
                if (suffix.firstChild(NodeKind.ARGUMENTS) != null) {
                    last = suffix;
                    break;
                }
            }
            String callee = change.source().text().substring(change.start(), last.start()).strip();
            boolean noArguments = last.firstChild(NodeKind.ARGUMENTS).children(NodeKind.EXPRESSION).isEmpty();
            text = callee + (noArguments ? "()" : "(...)");
        }
        return WhiteSpace.collapsed(text);
    }
}
