package dev.deferfix.parse;

import java.util.List;

/**
 * Small Go files for the parser tests, kept in one place so that
 * {@link GoAgreementTest} can confirm with Go's own parser (gofmt) that every
 * "valid" snippet really is valid Go and every "broken" one really is broken.
 */
final class Snippets {

    /** A valid file; some node of {@code kind} must span exactly {@code text}. */
    record Valid(String name, String source, NodeKind kind, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A broken file; the error must be at {@code line}:{@code column} (bytes) and mention {@code reason}. */
    record Broken(String name, String source, int line, int column, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Snippets() {
    }

    /** A file whose only function has the given body. */
    static String inFunction(String body) {
        return "package p\n\nfunc _() {\n" + body + "\n}\n";
    }

    static List<Valid> valid() {
        return List.of(
                new Valid("composite literal inside call in if header",
                        inFunction("if f(T{}) {\n}"), NodeKind.IF_HEADER, "f(T{})"),
                new Valid("composite literal inside index in if header",
                        inFunction("if m[T{1}] {\n}"), NodeKind.IF_HEADER, "m[T{1}]"),
                new Valid("array literal in if header",
                        inFunction("if x == [2]int{} {\n}"), NodeKind.IF_HEADER, "x == [2]int{}"),
                new Valid("slice literal with elided element types in range",
                        inFunction("for _, v := range []T{{1}} {\n\t_ = v\n}"),
                        NodeKind.RANGE_CLAUSE, "_, v := range []T{{1}}"),
                new Valid("nil declared as a variable",
                        "package p\n\nvar nil T\n", NodeKind.VAR_SPEC, "nil T"),
                new Valid("make as a method name",
                        inFunction("z.make(1)"), NodeKind.PRIMARY_EXPR, "z.make(1)"),
                new Valid("predeclared names as identifiers",
                        inFunction("true, iota, int := 1, 2, 3"), NodeKind.EXPRESSION_LIST, "true, iota, int"),
                new Valid("switch with init and no tag",
                        inFunction("switch x := f(); {\n}"), NodeKind.SWITCH_HEADER, "x := f();"),
                new Valid("label right before a closing brace",
                        inFunction("{\n\tgoto L\nL:\n}"), NodeKind.LABELED_STMT, "L:"),
                new Valid("empty statements",
                        inFunction("x := 1;;\n_ = x"), NodeKind.STATEMENT_LIST, "x := 1;;\n_ = x"),
                new Valid("no final newline",
                        "package p\n\nfunc f() {}", NodeKind.FUNC_DECL, "func f() {}"),
                new Valid("generic type alias",
                        "package p\n\ntype A[P any] = B[P]\n", NodeKind.TYPE_SPEC, "A[P any] = B[P]"),
                new Valid("instantiation",
                        inFunction("g := F[int]\n_ = g"), NodeKind.INDEX_SUFFIX, "[int]"),
                new Valid("instantiation with two type arguments",
                        inFunction("g := F[int, string]\n_ = g"), NodeKind.INDEX_SUFFIX, "[int, string]"),
                new Valid("type switch",
                        inFunction("switch v := x.(type) {\ncase int, *T:\n\t_ = v\ndefault:\n}"),
                        NodeKind.SWITCH_HEADER, "v := x.(type)"),
                new Valid("select",
                        inFunction("select {\ncase v, ok := <-c:\n\t_, _ = v, ok\ncase c <- 1:\ndefault:\n}"),
                        NodeKind.COMM_CLAUSE, "case v, ok := <-c:\n\t_, _ = v, ok"),
                new Valid("goto and labeled break",
                        inFunction("L:\n\tfor {\n\t\tbreak L\n\t}\n\tgoto L"), NodeKind.BREAK_STMT, "break L"),
                new Valid("method expression",
                        inFunction("m := (*T).M\n_ = m"), NodeKind.PRIMARY_EXPR, "(*T).M"),
                new Valid("struct tags",
                        "package p\n\ntype S struct {\n\tA int `json:\"a\"`\n\tB int \"b\"\n}\n",
                        NodeKind.TAG, "`json:\"a\"`"),
                new Valid("embedded fields",
                        "package p\n\ntype S struct {\n\t*pkg.T\n\tU[int]\n}\n",
                        NodeKind.EMBEDDED_FIELD, "*pkg.T"),
                new Valid("channel directions",
                        "package p\n\nvar c chan<- <-chan int\n", NodeKind.CHAN_TYPE, "chan<- <-chan int"),
                new Valid("variadic parameter and spread argument",
                        "package p\n\nfunc f(a int, b ...string) { f(1, b...) }\n",
                        NodeKind.ARGUMENTS, "(1, b...)"),
                new Valid("Unicode identifiers",
                        inFunction("π, 日本語 := 3.14, \"x\"\n_, _ = π, 日本語"),
                        NodeKind.EXPRESSION_LIST, "π, 日本語"),
                new Valid("raw string spanning lines",
                        inFunction("s := `a\nb\n`\n_ = s"), NodeKind.BASIC_LIT, "`a\nb\n`"),
                new Valid("conversion to a parenthesized slice type",
                        inFunction("_ = ([]T)(nil)"), NodeKind.PRIMARY_EXPR, "([]T)(nil)"),
                new Valid("conversion to a receive-only channel",
                        inFunction("_ = (<-chan int)(c)"), NodeKind.PRIMARY_EXPR, "(<-chan int)(c)"),
                new Valid("map type as a make argument",
                        inFunction("_ = make(map[K][]T)"), NodeKind.MAP_TYPE, "map[K][]T"),
                new Valid("slice type as a type argument",
                        inFunction("f[[]int](x)"), NodeKind.INDEX_SUFFIX, "[[]int]"),
                new Valid("type literal element with type arguments before a composite literal",
                        inFunction("_ = []List[int]{}"), NodeKind.SLICE_TYPE, "[]List[int]"),
                new Valid("array literal with elided length",
                        inFunction("_ = [...]int{1, 2}"), NodeKind.ARRAY_TYPE, "[...]int"),
                new Valid("elided length in a type context",
                        "package p\n\nvar a [...]int\n", NodeKind.ARRAY_TYPE, "[...]int"),
                new Valid("defer of a call through a parenthesized function",
                        inFunction("defer (f)()"), NodeKind.DEFER_STMT, "defer (f)()"),
                new Valid("assignment to an index and a field",
                        inFunction("a[0], s.f = 1, 2"), NodeKind.SIMPLE_STMT, "a[0], s.f = 1, 2"),
                new Valid("if with an init statement",
                        inFunction("if x := f(); x {\n}"), NodeKind.IF_HEADER, "x := f(); x"),
                new Valid("switch with an init statement and a tag",
                        inFunction("switch x := f(); x {\n}"), NodeKind.SWITCH_HEADER, "x := f(); x"),
                new Valid("send statement",
                        inFunction("c <- 1"), NodeKind.SIMPLE_STMT, "c <- 1"),
                new Valid("method on a generic receiver",
                        "package p\n\nfunc (l *List[T]) Len() int { return 0 }\n", NodeKind.RECEIVER, "(l *List[T])"),
                new Valid("a function type's parenthesized result before a conversion's argument",
                        "package p\n\nvar f = func()(int)(nil)\n", NodeKind.RESULT, "(int)"),
                new Valid("import paths",
                        "package p\n\nimport (\n\t\"fmt\"\n\tx `golang.org/x/y-z_1.2~3`\n\t\"\\u00e9t\\x65\"\n)\n",
                        NodeKind.IMPORT_PATH, "\"fmt\""),
                new Valid("escapes in string and rune literals",
                        inFunction("_, _ = \"\\\"\\377\\U0010FFFF\", '\\''"), NodeKind.BASIC_LIT,
                        "\"\\\"\\377\\U0010FFFF\""));
    }

    static List<Broken> broken() {
        return List.of(
                new Broken("operand missing at end of line",
                        inFunction("x := 1 +"), 5, 1, "unexpected }"),
                new Broken("byte column after a two-byte and a three-byte character",
                        "package p\n\nvar s = \"é日\" +)\n", 3, 18, "unexpected )"),
                new Broken("byte column after a four-byte character",
                        "package p\n\nvar s = \"😀\" +)\n", 3, 17, "unexpected )"),
                new Broken("invalid character after multi-byte text",
                        "package p\n\nvar ü = 1 @ 2\n", 3, 12, "invalid character U+0040 '@'"),
                new Broken("string literal not terminated",
                        "package p\n\nvar s = \"abc\n", 3, 9, "string literal not terminated"),
                new Broken("comment not terminated",
                        "package p\n\n/* no end\n", 3, 1, "comment not terminated"),
                new Broken("raw string not terminated",
                        "package p\n\nvar s = `abc\n", 3, 9, "raw string literal not terminated"),
                new Broken("rune literal with two characters",
                        "package p\n\nvar r = 'ab'\n", 3, 9, "rune literal"),
                new Broken("single quote escaped in a string",
                        "package p\n\nvar s = \"a\\'\"\n", 3, 12, "unknown escape sequence"),
                new Broken("octal escape above 255",
                        "package p\n\nvar s = \"\\400\"\n", 3, 11, "octal escape value 256 > 255"),
                new Broken("surrogate code point escape",
                        "package p\n\nvar r = '\\uD800'\n", 3, 11, "invalid Unicode code point"),
                new Broken("a parenthesis after a signature's parameters starts its result, never a conversion",
                        "package p\n\ntype T func()(1)\n", 3, 15, "unexpected 1"),
                new Broken("missing package clause",
                        "func f() {}\n", 1, 1, "unexpected func"),
                new Broken("non-identifier on the left of :=",
                        inFunction("a[0], b := 1, 2"), 4, 1, "expected identifier on left side of :="),
                new Broken("parenthesized identifier on the left of :=",
                        inFunction("(a) := 1"), 4, 1, "expected identifier on left side of :="),
                new Broken("non-identifier on the left of := in a range clause",
                        inFunction("for a.b := range x {\n}"), 4, 5, "expected identifier on left side of :="),
                new Broken("expression list as a statement",
                        inFunction("a, b"), 4, 1, "expected 1 expression"),
                new Broken("assignment as an if condition",
                        inFunction("if x = 1 {\n}"), 4, 4, "expected boolean expression, found assignment"),
                new Broken("missing if condition",
                        inFunction("if {\n}"), 4, 4, "missing condition in if statement"),
                new Broken("assignment as a switch tag",
                        inFunction("switch x = 1 {\n}"), 4, 8, "expected switch expression, found assignment"),
                new Broken("type switch guard with =",
                        inFunction("switch x = y.(type) {\n}"), 4, 10, "expected ':=', found '='"),
                new Broken("defer without a call",
                        inFunction("defer f"), 4, 8, "function must be invoked in defer statement"),
                new Broken("go with a parenthesized call",
                        inFunction("go (f())"), 4, 9, "function must be invoked in go statement"),
                new Broken("method with type parameters",
                        "package p\n\nfunc (T) m[P any]() {}\n", 3, 11, "method must have no type parameters"),
                new Broken("elided array length without a composite literal",
                        "package p\n\nvar _ = [...]byte(\"foo\")\n", 3, 10, "expected array length, found '...'"),
                new Broken("index on the element type of a type literal",
                        inFunction("_ = []T[1]{}"), 4, 9, "expected type argument"),
                new Broken("empty import path",
                        "package p\n\nimport \"\"\n", 3, 8, "invalid import path: \"\""),
                new Broken("import path with a forbidden character",
                        "package p\n\nimport \"a!b\"\n", 3, 8, "invalid import path"),
                new Broken("import path with invalid UTF-8",
                        "package p\n\nimport \"abc\\xffdef\"\n", 3, 8, "invalid import path"),
                new Broken("import path with a space",
                        "package p\n\nimport \"a b\"\n", 3, 8, "invalid import path"));
    }
}
