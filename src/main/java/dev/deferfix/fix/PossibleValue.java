package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.List;

/**
 * Whether a variable may hold a value (a struct, an array, a named type)
 * rather than a pointer or an interface, judged from its declaration alone: a
 * method with a pointer receiver, called on such a variable, changes it as an
 * assignment would. Assumed a value: a variable declared by a composite
 * literal without &amp; ({@code v := V{}}), by var or as a parameter with a
 * written type that is not a pointer, map, chan, func, slice or interface
 * (one the file or another file of its package declares), or
 * by a call of a function or method of this file whose result in that
 * position is such a type. Anything else, notably what another package's
 * function returns ({@code f, err := os.Open(p)}), is assumed a pointer or an
 * interface: without types, that keeps the common {@code f.Read(...)} after
 * {@code defer f.Close()} rewritable.
 */
final class PossibleValue {
    /** Longer declarations are shown shortened in the refusal's detail. */
    private static final int SHORT_TEXT = 40;

    private final FunctionVariables variables;
    private final PackageDeclarations declarations;
    private final ParsedFile file;
    private SameFileSignatures signatures;

    /** @param declarations the rest of {@code file}'s package: an interface type there is no value either */
    PossibleValue(FunctionVariables variables, PackageDeclarations declarations, ParsedFile file) {
        this.variables = variables;
        this.declarations = declarations;
        this.file = file;
    }

    FunctionVariables variables() {
        return variables;
    }

    /** Whether the file declares a method named {@code name}, of any receiver type. */
    boolean fileDeclaresMethod(String name) {
        return !signatures().methodsNamed(name).isEmpty();
    }

    /** How the declaration makes the variable a possible value ("declared by V{...}"), or null when it does not. */
    String origin(Declaration declaration) {
        SyntaxNode statement = declaration.statement();
        if (statement.is(NodeKind.PARAMETER_DECL)) {
            SyntaxNode typed = typedParameter(statement);
            return typed != null && !typed.hasChild(TokenKind.ELLIPSIS) && mayBeValue(typed.firstChild(NodeKind.TYPE))
                    ? "a parameter of type " + typeText(typed.firstChild(NodeKind.TYPE)) : null;
        }
        if (statement.is(NodeKind.VAR_SPEC) && statement.firstChild(NodeKind.TYPE) != null) {
            SyntaxNode type = statement.firstChild(NodeKind.TYPE);
            return mayBeValue(type) ? "declared as var " + declaration.name() + " " + typeText(type) : null;
        }
        List<SyntaxNode> names = AssignedValues.targets(statement);
        List<SyntaxNode> values = names == null ? null : AssignedValues.values(statement);
        int position = positionOf(declaration, names);
        if (names == null || values == null || position < 0) {
            return null;
        }
        if (values.size() == names.size()) {
            SyntaxNode value = values.get(position);
            if (isCompositeLiteral(value)) {
                return "declared by the composite literal " + shortText(value);
            }
            return callResultOrigin(value, 0);
        }
        return values.size() == 1 ? callResultOrigin(values.get(0), position) : null;
    }

    /** How {@code value}, a call of this file's function or method, gives a possible value; null if it does not. */
    private String callResultOrigin(SyntaxNode value, int position) {
        String callee = calledName(value);
        if (callee == null) {
            return null;
        }
        List<SyntaxNode> candidates = callee.startsWith(".")
                ? signatures().methodsNamed(callee.substring(1)) : signatures().functionsNamed(callee);
        for (SyntaxNode function : candidates) {
            List<SyntaxNode> results = SameFileSignatures.resultTypes(function);
            if (position < results.size() && mayBeValue(results.get(position))) {
                return "declared by " + shortText(value) + ", whose result "
                        + (results.size() > 1 ? (position + 1) + " " : "") + "is " + typeText(results.get(position));
            }
        }
        return null;
    }

    /**
     * The name of the file's function that {@code value} calls ("F"), or
     * ".M" for a method M called on a variable ({@code x.M(...)} with x
     * local or a package-level variable of the file); null for anything else,
     * such as another package's function.
     */
    private String calledName(SyntaxNode value) {
        SyntaxNode primary = plainPrimary(value);
        if (primary == null) {
            return null;
        }
        List<SyntaxNode> parts = primary.children();
        SyntaxNode last = parts.get(parts.size() - 1);
        if (!last.is(NodeKind.SUFFIX) || last.firstChild(NodeKind.ARGUMENTS) == null) {
            return null;
        }
        SyntaxNode head = parts.get(0);
        if (!head.is(NodeKind.OPERAND) || !head.child(0).is(TokenKind.IDENTIFIER)) {
            return null;
        }
        if (parts.size() == 2) {
            return head.child(0).text();
        }
        SyntaxNode selector = parts.get(parts.size() - 2);
        boolean method = selector.is(NodeKind.SUFFIX) && selector.child(0).is(TokenKind.DOT)
                && selector.children().size() == 2 && variables.variableOf(head.child(0)) != null;
        return method ? "." + selector.child(1).text() : null;
    }

    /**
     * Whether a variable of this written type may be changed by its own
     * methods: not a pointer (calls share what it points to, not the
     * variable), not an interface (its methods get a copy of the dynamic
     * value), not an unnamed map, chan, func or slice (they have no methods).
     */
    private boolean mayBeValue(SyntaxNode type) {
        SyntaxNode node = type;
        while (node.firstChild(NodeKind.TYPE) != null && node.firstChild(NodeKind.TYPE_NAME) == null
                && node.firstChild(NodeKind.TYPE_LIT) == null) {
            node = node.firstChild(NodeKind.TYPE); // (T)
        }
        SyntaxNode literal = node.firstChild(NodeKind.TYPE_LIT);
        if (literal != null) {
            SyntaxNode kind = literal.child(0);
            return kind.is(NodeKind.STRUCT_TYPE) || kind.is(NodeKind.ARRAY_TYPE);
        }
        SyntaxNode name = node.firstChild(NodeKind.TYPE_NAME);
        if (name == null) {
            return false;
        }
        String text = name.text();
        return !text.equals("error") && !text.equals("any") && !signatures().isInterface(text)
                && !declarations.declaresInterfaceElsewhere(file, text);
    }

    /** A composite literal taken as a value: {@code V{...}}, {@code pkg.V{...}}, not {@code &V{...}}. */
    private static boolean isCompositeLiteral(SyntaxNode value) {
        SyntaxNode primary = plainPrimary(value);
        return primary != null && primary.child(primary.children().size() - 1).is(NodeKind.LITERAL_VALUE);
    }

    /** The PRIMARY_EXPR an expression consists of, without a unary operator or binary operation; else null. */
    private static SyntaxNode plainPrimary(SyntaxNode expression) {
        if (expression.children().size() != 1 || !expression.child(0).is(NodeKind.UNARY_EXPR)) {
            return null;
        }
        SyntaxNode unary = expression.child(0);
        return unary.children().size() == 1 && unary.child(0).is(NodeKind.PRIMARY_EXPR) ? unary.child(0) : null;
    }

    /** In "a, b T" only the last parameter carries the type. */
    private static SyntaxNode typedParameter(SyntaxNode parameter) {
        List<SyntaxNode> siblings = parameter.parent().children(NodeKind.PARAMETER_DECL);
        for (int i = siblings.indexOf(parameter); i < siblings.size(); i++) {
            SyntaxNode candidate = siblings.get(i);
            if (candidate.hasChild(TokenKind.IDENTIFIER) && candidate.firstChild(NodeKind.TYPE) != null) {
                return candidate;
            }
        }
        return null;
    }

    private static int positionOf(Declaration declaration, List<SyntaxNode> names) {
        if (names == null) {
            return -1;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == declaration.token() || names.get(i).isAncestorOf(declaration.token())) {
                return i;
            }
        }
        return -1;
    }

    /** The expression as written on one line, or with its last part elided ({@code Cfg{...}}, {@code f(...)}) if long. */
    private static String shortText(SyntaxNode value) {
        String text = WhiteSpace.collapsed(value.text().strip());
        if (text.length() <= SHORT_TEXT) {
            return text;
        }
        SyntaxNode primary = plainPrimary(value);
        SyntaxNode last = primary.child(primary.children().size() - 1);
        String head = WhiteSpace.collapsed(value.source().text().substring(primary.start(), last.start()).strip());
        return head + (last.is(NodeKind.LITERAL_VALUE) ? "{...}" : "(...)");
    }

    private static String typeText(SyntaxNode type) {
        return WhiteSpace.collapsed(type.text().strip());
    }

    /** Read on first use: most variables are judged by their declaration alone. */
    private SameFileSignatures signatures() {
        if (signatures == null) {
            signatures = SameFileSignatures.of(GoTrees.root(variables.function()));
        }
        return signatures;
    }
}
