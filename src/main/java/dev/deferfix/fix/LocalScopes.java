package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's block scoping for the local names of one function (its nested function
 * literals included): which declaration an identifier refers to. Names that
 * resolve to nothing here are package-level, imported packages or builtins.
 * Without types, a ":=" that names a variable already declared in the same
 * scope is read as an assignment to it, as Go does.
 */
public final class LocalScopes {

    /**
     * One declared name.
     *
     * @param token       the identifier token that declares it
     * @param scope       the node whose extent is the scope (BLOCK, clause, IF/FOR/SWITCH_STMT, function)
     * @param visibleFrom offset from which uses refer to it
     * @param statement   the declaring SIMPLE_STMT, VAR_SPEC, CONST_SPEC, RANGE_CLAUSE or PARAMETER_DECL
     */
    public record Declaration(String name, SyntaxNode token, SyntaxNode scope, int visibleFrom, SyntaxNode statement) {

        /** Whether the declaration lies inside {@code region} (its scope may be region itself). */
        public boolean isInside(SyntaxNode region) {
            return region.isAncestorOf(token);
        }

        // equals and hashCode as a record defines them (nodes compare by identity), written out:
        // the generated ones bootstrap through java.lang.invoke on first use, and declarations
        // are map keys in every rewrite, where that cost about 10 ms of a one-file run.

        @Override
        public boolean equals(Object other) {
            return other instanceof Declaration that && name.equals(that.name) && token == that.token
                    && scope == that.scope && visibleFrom == that.visibleFrom && statement == that.statement;
        }

        @Override
        public int hashCode() {
            return ((name.hashCode() * 31 + token.hashCode()) * 31 + scope.hashCode()) * 31 + visibleFrom;
        }
    }

    private final List<Declaration> declarations = new ArrayList<>();
    /** The same declarations by name: a function body may declare hundreds of names. */
    private final Map<String, List<Declaration>> byName = new HashMap<>();
    private final Map<SyntaxNode, Declaration> byToken = new HashMap<>();

    private LocalScopes() {
    }

    /** The scopes of a FUNC_DECL or FUNC_LIT. */
    public static LocalScopes of(SyntaxNode function) {
        LocalScopes scopes = new LocalScopes();
        for (SyntaxNode node : function.subtree()) {
            scopes.collect(node);
        }
        return scopes;
    }

    /** The declaration an identifier token refers to, or null when it is not a local name. */
    public Declaration resolve(SyntaxNode identifier) {
        Declaration own = byToken.get(identifier);
        if (own != null) {
            return own;
        }
        Declaration best = null;
        for (Declaration declaration : byName.getOrDefault(identifier.text(), List.of())) {
            if (declaration.visibleFrom() > identifier.start()
                    || !declaration.scope().isAncestorOf(identifier)) {
                continue;
            }
            if (best == null || best.scope().isAncestorOf(declaration.scope())
                    || (best.scope() == declaration.scope() && declaration.visibleFrom() > best.visibleFrom())) {
                best = declaration;
            }
        }
        return best;
    }

    /** The names a statement declares, in order. */
    public List<Declaration> declaredBy(SyntaxNode statement) {
        List<Declaration> declared = new ArrayList<>();
        for (Declaration declaration : declarations) {
            if (declaration.statement() == statement) {
                declared.add(declaration);
            }
        }
        return declared;
    }

    /** Identifier tokens used as operands (not field names after a dot) below {@code root}. */
    public static List<SyntaxNode> identifierUses(SyntaxNode root) {
        List<SyntaxNode> uses = new ArrayList<>();
        for (SyntaxNode node : root.subtree()) {
            if (node.is(NodeKind.OPERAND) && node.child(0).is(TokenKind.IDENTIFIER)) {
                uses.add(node.child(0));
            }
        }
        return uses;
    }

    /** The identifier token of an expression that is just a name, else null. */
    public static SyntaxNode plainIdentifier(SyntaxNode expression) {
        SyntaxNode node = expression;
        while (node.token() == null && node.children().size() == 1) {
            node = node.child(0);
        }
        return node.is(TokenKind.IDENTIFIER) ? node : null;
    }

    private void collect(SyntaxNode node) {
        switch (node.kind()) {
            case FUNC_DECL, FUNC_LIT -> collectParameters(node);
            case SIMPLE_STMT -> {
                if (node.hasChild(TokenKind.DEFINE)) {
                    declareExpressions(node.child(0).children(NodeKind.EXPRESSION), node, scopeOf(node), node.end());
                }
            }
            case RANGE_CLAUSE -> {
                SyntaxNode define = node.firstChild(TokenKind.DEFINE);
                if (define != null) {
                    List<SyntaxNode> names = new ArrayList<>();
                    for (SyntaxNode expression : node.children(NodeKind.EXPRESSION)) {
                        if (expression.end() <= define.start()) {
                            names.add(expression);
                        }
                    }
                    SyntaxNode loop = node.parent();
                    declareExpressions(names, node, loop, GoTrees.body(loop).start());
                }
            }
            case VAR_SPEC, CONST_SPEC -> {
                for (SyntaxNode name : node.child(0).children()) {
                    if (name.is(TokenKind.IDENTIFIER)) {
                        declare(name, scopeOf(node), node.end(), node);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void declareExpressions(List<SyntaxNode> expressions, SyntaxNode statement, SyntaxNode scope,
                                    int visibleFrom) {
        for (SyntaxNode expression : expressions) {
            SyntaxNode name = plainIdentifier(expression);
            if (name == null || name.text().equals("_")) {
                continue;
            }
            Declaration existing = resolve(name);
            boolean sameScope = existing != null && existing.scope() == scope && statement.is(NodeKind.SIMPLE_STMT);
            if (sameScope) {
                byToken.put(name, existing);
            } else {
                declare(name, scope, visibleFrom, statement);
            }
        }
    }

    private void collectParameters(SyntaxNode function) {
        List<SyntaxNode> lists = new ArrayList<>();
        SyntaxNode receiver = function.firstChild(NodeKind.RECEIVER);
        if (receiver != null) {
            lists.add(receiver.firstChild(NodeKind.PARAMETERS));
        }
        SyntaxNode signature = function.firstChild(NodeKind.SIGNATURE);
        if (signature != null) {
            lists.add(signature.firstChild(NodeKind.PARAMETERS));
            SyntaxNode result = signature.firstChild(NodeKind.RESULT);
            if (result != null && result.firstChild(NodeKind.PARAMETERS) != null) {
                lists.add(result.firstChild(NodeKind.PARAMETERS));
            }
        }
        for (SyntaxNode list : lists) {
            if (list != null) {
                declareParameters(list, function);
            }
        }
    }

    /** In "a, b int" the parser reads "a" as a type; a list with any named parameter names them all. */
    private void declareParameters(SyntaxNode parameters, SyntaxNode function) {
        List<SyntaxNode> decls = parameters.children(NodeKind.PARAMETER_DECL);
        boolean named = false;
        for (SyntaxNode decl : decls) {
            named |= decl.child(0).is(TokenKind.IDENTIFIER);
        }
        if (!named) {
            return;
        }
        for (SyntaxNode decl : decls) {
            SyntaxNode name = decl.child(0).is(TokenKind.IDENTIFIER) ? decl.child(0) : plainIdentifier(decl.child(0));
            if (name != null && !name.text().equals("_")) {
                declare(name, function, function.start(), decl);
            }
        }
    }

    private void declare(SyntaxNode name, SyntaxNode scope, int visibleFrom, SyntaxNode statement) {
        Declaration declaration = new Declaration(name.text(), name, scope, visibleFrom, statement);
        declarations.add(declaration);
        List<Declaration> sameName = byName.get(declaration.name());
        if (sameName == null) {
            sameName = new ArrayList<>();
            byName.put(declaration.name(), sameName);
        }
        sameName.add(declaration);
        byToken.put(name, declaration);
    }

    /** The node whose extent is the scope of a name declared by {@code statement}. */
    static SyntaxNode scopeOf(SyntaxNode statement) {
        for (SyntaxNode up = statement.parent(); up != null; up = up.parent()) {
            switch (up.kind()) {
                case BLOCK, CASE_CLAUSE, COMM_CLAUSE, FUNC_LIT, FUNC_DECL, SOURCE_FILE:
                    return up;
                case IF_HEADER, SWITCH_HEADER, FOR_CLAUSE:
                    return up.parent();
                default:
                    break;
            }
        }
        return statement;
    }

    /** Every identifier that refers to one of {@code wanted}, below {@code root}. */
    public List<SyntaxNode> usesOf(Set<Declaration> wanted, SyntaxNode root) {
        List<SyntaxNode> uses = new ArrayList<>();
        for (SyntaxNode identifier : identifierUses(root)) {
            Declaration declaration = resolve(identifier);
            if (declaration != null && wanted.contains(declaration)) {
                uses.add(identifier);
            }
        }
        return uses;
    }

    /** The local declarations that the identifiers below {@code root} refer to. */
    public Set<Declaration> referencedBy(SyntaxNode root) {
        Set<Declaration> found = new HashSet<>();
        for (SyntaxNode identifier : identifierUses(root)) {
            Declaration declaration = resolve(identifier);
            if (declaration != null) {
                found.add(declaration);
            }
        }
        return found;
    }
}
