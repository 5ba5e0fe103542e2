package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a declaration says about a variable's type, without a type checker:
 * the written type of a parameter or var, or the literal or well-known call
 * that initialises it. Enough to tell, for the semaphore strategy, a value
 * that goroutines can share because it cannot change under them (a string,
 * an int, a time.Duration) or because its type is documented as safe for
 * concurrent use (a context.Context, a *sql.DB, a sync.Mutex) from one about
 * which nothing is known.
 */
final class DeclaredTypes {
    private static final Set<String> VALUE_TYPES = Set.of("string", "bool", "int", "int8", "int16", "int32", "int64",
            "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128",
            "byte", "rune", "error", "time.Duration", "time.Time", "os.FileMode", "fs.FileMode");
    /** Calls whose single result is such a value. */
    private static final Set<String> VALUE_RESULTS = Set.of("fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln", "fmt.Errorf",
            "errors.New", "filepath.Join", "filepath.Base", "filepath.Dir", "filepath.Clean", "filepath.Ext",
            "filepath.ToSlash", "filepath.FromSlash", "path.Join", "path.Base", "path.Dir", "path.Clean", "path.Ext",
            "strings.Join", "strings.TrimSpace", "strings.TrimPrefix", "strings.TrimSuffix", "strings.Trim",
            "strings.ToLower", "strings.ToUpper", "strings.Repeat", "strings.Replace", "strings.ReplaceAll",
            "strconv.Itoa", "strconv.Quote", "strconv.FormatInt", "len", "cap", "time.Now", "time.Since",
            "time.Duration", "os.TempDir", "os.Getenv", "runtime.NumCPU", "runtime.GOMAXPROCS", "string", "int",
            "int64", "uint64", "float64");
    /** Types whose documentation allows use from several goroutines at once. */
    private static final Set<String> CONCURRENCY_SAFE_TYPES = Set.of("context.Context", "context.CancelFunc",
            "*sql.DB", "*sql.Stmt", "*http.Client", "*http.Transport", "*log.Logger", "*slog.Logger",
            "*regexp.Regexp", "sync.Mutex", "*sync.Mutex", "sync.RWMutex", "*sync.RWMutex", "sync.WaitGroup",
            "*sync.WaitGroup", "sync.Map", "*sync.Map", "sync.Once", "*sync.Once", "sync.Pool", "*sync.Pool",
            "atomic.Int32", "atomic.Int64", "atomic.Uint32", "atomic.Uint64", "atomic.Bool", "atomic.Value",
            "*atomic.Int32", "*atomic.Int64", "*atomic.Uint32", "*atomic.Uint64", "*atomic.Bool", "*atomic.Value");
    /** Calls whose results are all such values (a context and its cancel function, say). */
    private static final Set<String> CONCURRENCY_SAFE_RESULTS = Set.of("context.Background", "context.TODO",
            "context.WithCancel", "context.WithTimeout", "context.WithDeadline", "context.WithValue",
            "context.WithCancelCause", "context.WithTimeoutCause", "context.WithDeadlineCause",
            "context.WithoutCancel", "signal.NotifyContext", "sql.Open", "regexp.MustCompile", "regexp.Compile",
            "log.New", "slog.New", "errgroup.WithContext");
    /** A test's handle: its methods other than t.Fatal and kin may be called from any goroutine. */
    private static final Set<String> TEST_TYPES = Set.of("*testing.T", "*testing.B", "*testing.F", "testing.TB");

    private DeclaredTypes() {
    }

    /** The file's package-level variables, as declarations whose statement is their VAR_SPEC. */
    static Map<String, Declaration> packageVariables(SyntaxNode root) {
        Map<String, Declaration> variables = new HashMap<>();
        for (SyntaxNode spec : root.descendants(NodeKind.VAR_SPEC)) {
            if (GoTrees.enclosingFunction(spec) != null) {
                continue;
            }
            for (SyntaxNode name : spec.child(0).children()) {
                if (name.is(TokenKind.IDENTIFIER)) {
                    variables.put(name.text(), new Declaration(name.text(), name, root, 0, spec));
                }
            }
        }
        return variables;
    }

    /** A string, number, time or error: a goroutine that reads it cannot see it change. */
    static boolean isValue(Declaration declaration) {
        if (declaration.statement().is(NodeKind.CONST_SPEC)) {
            return true;
        }
        String type = writtenType(declaration);
        if (type != null) {
            return VALUE_TYPES.contains(type);
        }
        SyntaxNode initialiser = initialiser(declaration);
        return initialiser != null && (isLiteralArithmetic(initialiser)
                || VALUE_RESULTS.contains(callee(initialiser)) || callee(initialiser).endsWith(".TempDir"));
    }

    /** A value documented as safe for concurrent use, a channel, or a test's handle. */
    static boolean isConcurrencySafe(Declaration declaration) {
        String type = writtenType(declaration);
        if (type != null) {
            return CONCURRENCY_SAFE_TYPES.contains(type) || TEST_TYPES.contains(type) || isChannel(type);
        }
        SyntaxNode initialiser = initialiser(declaration);
        if (initialiser == null) {
            return false;
        }
        String callee = callee(initialiser);
        String text = WhiteSpace.removed(initialiser.text());
        return CONCURRENCY_SAFE_RESULTS.contains(callee)
                || callee.equals("make") && isChannel(text.substring("make(".length()))
                || callee.equals("new") && CONCURRENCY_SAFE_TYPES.contains("*" + text.substring(4, text.length() - 1))
                || text.startsWith("&") && text.endsWith("}")
                && CONCURRENCY_SAFE_TYPES.contains("*" + text.substring(1, text.indexOf('{')));
    }

    /** A *testing.T, *testing.B, *testing.F or testing.TB. */
    static boolean isTest(Declaration declaration) {
        String type = writtenType(declaration);
        return type != null && TEST_TYPES.contains(type);
    }

    /** A slice, array, string or map: ranging over it gives every iteration its own key. */
    static boolean isIndexedCollection(Declaration declaration) {
        return isSliceOrArray(declaration) || "string".equals(writtenType(declaration))
                || startsAs(declaration, "map[", "make(map[");
    }

    /** A slice or array: different indices are different variables, which goroutines may write at once. */
    static boolean isSliceOrArray(Declaration declaration) {
        return startsAs(declaration, "[", "make([");
    }

    /** Whether the written type starts with {@code type}, or the initialiser with {@code type} or {@code made}. */
    private static boolean startsAs(Declaration declaration, String type, String made) {
        String written = writtenType(declaration);
        if (written != null) {
            return written.startsWith(type);
        }
        SyntaxNode initialiser = initialiser(declaration);
        String text = initialiser == null ? "" : WhiteSpace.removed(initialiser.text());
        return text.startsWith(made) || text.startsWith(type) && text.endsWith("}");
    }

    private static boolean isChannel(String type) {
        return type.startsWith("chan") || type.startsWith("<-chan");
    }

    /** The type written in a parameter or var declaration, without spaces, or null. */
    static String writtenType(Declaration declaration) {
        SyntaxNode statement = declaration.statement();
        if (statement.is(NodeKind.PARAMETER_DECL)) {
            SyntaxNode typed = statement;
            // In "a, b string" only the last name carries the type.
            List<SyntaxNode> siblings = statement.parent().children(NodeKind.PARAMETER_DECL);
            for (int i = siblings.indexOf(statement); i < siblings.size() && !hasOwnType(typed); i++) {
                typed = siblings.get(i);
            }
            if (!hasOwnType(typed)) {
                return null;
            }
            String type = WhiteSpace.removed(typed.child(typed.children().size() - 1).text());
            return typed.hasChild(TokenKind.ELLIPSIS) ? "..." + type : type;
        }
        if (statement.is(NodeKind.VAR_SPEC)) {
            SyntaxNode type = statement.firstChild(NodeKind.TYPE);
            return type == null ? null : WhiteSpace.removed(type.text());
        }
        return null;
    }

    private static boolean hasOwnType(SyntaxNode parameter) {
        return parameter.child(0).is(TokenKind.IDENTIFIER) && parameter.children().size() > 1;
    }

    /**
     * The expression that gives the variable its value: the one in its
     * position, or the single call whose results a multi-name statement
     * takes ({@code ctx, cancel := context.WithCancel(parent)}); null if none.
     */
    private static SyntaxNode initialiser(Declaration declaration) {
        SyntaxNode statement = declaration.statement();
        List<SyntaxNode> names;
        List<SyntaxNode> values;
        if (statement.is(NodeKind.SIMPLE_STMT) && statement.children().size() == 3) {
            names = statement.child(0).children(NodeKind.EXPRESSION);
            values = statement.child(2).children(NodeKind.EXPRESSION);
        } else if (statement.is(NodeKind.VAR_SPEC) && statement.firstChild(NodeKind.EXPRESSION_LIST) != null) {
            names = statement.child(0).children();
            values = statement.firstChild(NodeKind.EXPRESSION_LIST).children(NodeKind.EXPRESSION);
        } else {
            return null;
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        for (int i = 0; i < names.size() && i < values.size(); i++) {
            if (names.get(i).isAncestorOf(declaration.token()) || names.get(i) == declaration.token()) {
                return values.get(i);
            }
        }
        return null;
    }

    /** The callee of a call expression ("" when it is not one). */
    private static String callee(SyntaxNode expression) {
        String callee = GoTrees.calleeText(expression);
        return callee == null ? "" : callee;
    }

    /** A literal, or literals joined by operators ({@code "a" + "b"}, {@code 64 << 10}). */
    private static boolean isLiteralArithmetic(SyntaxNode expression) {
        for (SyntaxNode node : expression.subtree()) {
            if (node.is(NodeKind.OPERAND) && !node.child(0).is(NodeKind.BASIC_LIT)) {
                return false;
            }
            if (node.is(NodeKind.SUFFIX) || node.is(NodeKind.LITERAL_VALUE) || node.is(NodeKind.FUNC_LIT)) {
                return false;
            }
        }
        return true;
    }
}
