package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.fix.LocalScopes.Declaration;
import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.TokenKind;
import dev.deferfix.parse.WhiteSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the loop's header reads what the deferred call works on
 * ({@code for e := l.Front(); e != nil; e = e.Next() { defer l.Remove(e) }}):
 * the post statement and the condition run after the iteration, so with the
 * cleanup moved to the end of the iteration they would read what it already
 * cleaned up. The variables are those the deferred call evaluates (function
 * value, receiver, arguments) and the resource's other variables, resolved
 * by scope; package-level ones are not compared. A name that the call only
 * computes a new value from ({@code base+off}, {@code -n}) or uses as a
 * subscript is not handed to it: {@code for off := 0; off < n; off += 4096}
 * reads nothing the cleanup touches. Nor does a header that only compares or
 * counts the variable ({@code i++} after {@code defer r.Close(i)}).
 */
final class LoopHeaderReads {
    private LoopHeaderReads() {
    }

    /** A description of the header part that reads such a variable, or null. */
    static String of(SyntaxNode loop, DeferSite site, LocalScopes scopes, Set<Declaration> resources) {
        Set<Declaration> evaluated = new HashSet<>(resources);
        for (SyntaxNode use : LocalScopes.identifierUses(site.call())) {
            evaluated.remove(scopes.resolve(use)); // a resource because the call names it, so decided here
        }
        for (SyntaxNode use : LocalScopes.identifierUses(site.call())) {
            Declaration declaration = handedOver(use, site.call()) ? scopes.resolve(use) : null;
            if (declaration != null && !declaration.isInside(site.defer())) {
                evaluated.add(declaration);
            }
        }
        SyntaxNode clause = loop.firstChild(NodeKind.FOR_CLAUSE);
        if (clause == null) {
            boolean range = loop.firstChild(NodeKind.RANGE_CLAUSE) != null; // its expression ran once, before
            SyntaxNode condition = range ? null : loop.firstChild(NodeKind.EXPRESSION);
            return condition == null ? null : readBy(condition, "condition", evaluated, scopes);
        }
        String post = readBy(postStatement(clause), "post statement", evaluated, scopes);
        return post != null ? post : readBy(clause.firstChild(NodeKind.EXPRESSION), "condition", evaluated, scopes);
    }

    /** Whether the call gets the variable itself, not a subscript or a new value computed from it. */
    private static boolean handedOver(SyntaxNode use, SyntaxNode call) {
        for (SyntaxNode up = use.parent(); up != call; up = up.parent()) {
            boolean computed = up.is(NodeKind.EXPRESSION) && up.children().size() > 1
                    || up.is(NodeKind.UNARY_EXPR) && !EscapeAnalysis.carriesThroughUnary(up);
            if (computed || up.is(NodeKind.INDEX_SUFFIX)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the header uses what the variable refers to, which the cleanup
     * may have released: {@code e.Next()}, {@code e.next}, {@code e[0]}, or
     * {@code next(e)}. Comparing or counting the variable itself ({@code i++},
     * {@code e != nil}) reads only the value the defer already copied.
     */
    private static boolean looksInto(SyntaxNode use, SyntaxNode part) {
        SyntaxNode primary = use.parent().parent();
        if (primary != null && primary.is(NodeKind.PRIMARY_EXPR) && primary.children().size() > 1) {
            return true;
        }
        for (SyntaxNode up = use.parent(); up != null && up != part; up = up.parent()) {
            if (up.is(NodeKind.ARGUMENTS)) {
                return true;
            }
        }
        return false;
    }

    /** The statement after the clause's second semicolon, or null. */
    private static SyntaxNode postStatement(SyntaxNode clause) {
        List<SyntaxNode> parts = clause.children();
        int semicolons = 0;
        for (SyntaxNode part : parts) {
            if (part.is(TokenKind.SEMI)) {
                semicolons++;
            } else if (semicolons == 2 && part.is(NodeKind.SIMPLE_STMT)) {
                return part;
            }
        }
        return null;
    }

    private static String readBy(SyntaxNode part, String what, Set<Declaration> evaluated, LocalScopes scopes) {
        if (part == null) {
            return null;
        }
        for (SyntaxNode use : LocalScopes.identifierUses(part)) {
            if (looksInto(use, part) && evaluated.contains(scopes.resolve(use))) {
                return use.text() + " is read by the loop's " + what + " " + WhiteSpace.collapsed(part.text().strip())
                        + " after the iteration ends";
            }
        }
        return null;
    }
}
