package dev.deferfix.robust;

import java.nio.charset.StandardCharsets;

/**
 * Generators of valid Go files with extreme shapes: deep nesting of every
 * kind that recurses in a parser or a tree walk, very long lines and very
 * large files. Each keeps a defer inside a loop somewhere, so the rewriter is
 * reached whenever the parse succeeds.
 */
final class ExtremeInputs {
    private ExtremeInputs() {
    }

    static byte[] nestedParentheses(int depth) {
        return program("var sink = " + "(".repeat(depth) + "1" + ")".repeat(depth) + "\n" + LOOP_WITH_DEFER);
    }

    static byte[] nestedBlocks(int depth) {
        return program("func deep() {\n" + "{\n".repeat(depth) + "}\n".repeat(depth) + "}\n" + LOOP_WITH_DEFER);
    }

    static byte[] nestedCompositeLiterals(int depth) {
        return program("type T struct{ next *T }\n\nvar sink = " + "&T{next: ".repeat(depth) + "nil"
                + "}".repeat(depth) + "\n" + LOOP_WITH_DEFER);
    }

    static byte[] nestedIfs(int depth) {
        return program("func deep(b bool) {\n" + "if b {\n".repeat(depth) + "}\n".repeat(depth) + "}\n"
                + LOOP_WITH_DEFER);
    }

    /** The defer sits in a loop at the bottom of the nesting. */
    static byte[] deferUnderNestedIfs(int depth) {
        return program("func deep(b bool, xs []int) {\n" + "if b {\n".repeat(depth)
                + "for _, x := range xs {\n\tdefer use(x)\n}\n" + "}\n".repeat(depth) + "}\n");
    }

    /** The statements after the defer nest deeply, as the loop-exit analysis walks them. */
    static byte[] nestedBlocksAfterDefer(int depth) {
        return program("func deep(xs []int) {\nfor _, x := range xs {\n\tdefer use(x)\n" + "{\n".repeat(depth)
                + "return\n" + "}\n".repeat(depth) + "}\n}\n");
    }

    static byte[] nestedLoopsWithDefers(int depth) {
        StringBuilder body = new StringBuilder("func deep(xs []int) {\n");
        for (int i = 0; i < depth; i++) {
            body.append("for range xs {\ndefer use(").append(i).append(")\n");
        }
        body.append("}\n".repeat(depth)).append("}\n");
        return program(body.toString());
    }

    static byte[] nestedFunctionLiterals(int depth) {
        return program("var sink = " + "func() {\n".repeat(depth) + "for range []int{} {\ndefer use(0)\n}\n"
                + "}\n".repeat(depth - 1) + "}\n" + LOOP_WITH_DEFER);
    }

    /** A long chain of binary operators: flat to read, but a deep tree in most parsers. */
    static byte[] longBinaryChain(int operands) {
        return program("var sink = 1" + " + 1".repeat(operands - 1) + "\n" + LOOP_WITH_DEFER);
    }

    static byte[] longLineOfElements(int bytes) {
        StringBuilder line = new StringBuilder("var sink = []int{");
        while (line.length() < bytes) {
            line.append("1, ");
        }
        return program(line.append("}\n").append(LOOP_WITH_DEFER).toString());
    }

    static byte[] longStringLiteral(int bytes) {
        return program("var sink = \"" + "x".repeat(bytes) + "\"\n" + LOOP_WITH_DEFER);
    }

    static byte[] longComment(int bytes) {
        return program("// " + "y".repeat(bytes) + "\n" + LOOP_WITH_DEFER);
    }

    /** Many ordinary functions, each with a defer in a loop, up to the given size. */
    static byte[] largeFile(int bytes) {
        StringBuilder text = new StringBuilder("package big\n\nimport \"os\"\n");
        for (int i = 0; text.length() < bytes; i++) {
            text.append("\nfunc f").append(i).append("(names []string) error {\n")
                    .append("\tfor _, name := range names {\n")
                    .append("\t\tf, err := os.Open(name)\n")
                    .append("\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n")
                    .append("\t\tdefer f.Close()\n")
                    .append("\t}\n\treturn nil\n}\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String LOOP_WITH_DEFER = "\nfunc loop(xs []int) {\n\tfor _, x := range xs {\n"
            + "\t\tdefer use(x)\n\t}\n}\n";

    private static byte[] program(String declarations) {
        return ("package deep\n\nfunc use(int) {}\n\n" + declarations).getBytes(StandardCharsets.UTF_8);
    }
}
