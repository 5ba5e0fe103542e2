package dev.deferfix.fix;

import dev.deferfix.find.GoTrees;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Wrapping the loop body in a function literal (closure-scope, semaphore)
 * puts a new frame between the body and its function, and code that counts
 * frames then sees another caller: runtime.Caller or runtime.Callers with a
 * skip count, log's Output(calldepth, ...), an integer depth or skip
 * parameter of the function handed on (the standard library's testing.logDepth passes
 * depth+1 to a helper that calls runtime.Caller), and t.Helper() in the
 * function, which marks the function, not the literal, as a helper, so a
 * failure reported from the body would point at another line.
 */
final class CallStackUse {
    private static final Set<String> INTEGER_TYPES =
            Set.of("int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64");

    private CallStackUse() {
    }

    /** The refusal for the first such use, or null. */
    static Refusal check(LoopUnit unit) {
        SyntaxNode function = unit.sites().get(0).function();
        LocalScopes scopes = LocalScopes.of(function);
        for (SyntaxNode node : function.subtree()) {
            String why = null;
            CallShape call = node.is(NodeKind.PRIMARY_EXPR) ? CallShape.of(node) : null;
            if (call != null && call.callee().endsWith(".Helper") && GoTrees.enclosingFunction(node) == function) {
                why = call.callee() + "() marks the function as a test helper, not the function literal";
            } else if (unit.body().isAncestorOf(node) && call != null && countsFrames(call)) {
                why = call.callee() + " counts stack frames";
            } else if (unit.body().isAncestorOf(node) && node.is(NodeKind.OPERAND) && isDepthParameter(node, scopes)) {
                why = "the parameter " + node.text().strip() + " counts stack frames above the function";
            }
            if (why != null) {
                return new Refusal(RefusalReason.COUNTS_STACK_FRAMES,
                        why + " (line " + unit.file().source().line(node.start()) + ")");
            }
        }
        return null;
    }

    /** runtime.Caller(skip), runtime.Callers(skip, pcs), and log's Output(calldepth, s) (not exec's Output()). */
    private static boolean countsFrames(CallShape call) {
        String callee = call.callee();
        return callee.equals("runtime.Caller") || callee.equals("runtime.Callers")
                || callee.endsWith(".Output") && call.arguments().size() == 2;
    }

    private static boolean isDepthParameter(SyntaxNode operand, LocalScopes scopes) {
        SyntaxNode name = operand.child(0);
        Declaration declaration = name.is(TokenKind.IDENTIFIER) ? scopes.resolve(name) : null;
        if (declaration == null || !declaration.statement().is(NodeKind.PARAMETER_DECL)) {
            return false;
        }
        String lower = declaration.name().toLowerCase(Locale.ROOT);
        List<SyntaxNode> parts = declaration.statement().children();
        String type = parts.get(parts.size() - 1).text().strip();
        return (lower.contains("depth") || lower.contains("skip")) && INTEGER_TYPES.contains(type);
    }
}
