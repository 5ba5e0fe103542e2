package dev.deferfix.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.parse.antlr.GoLexer;
import dev.deferfix.parse.antlr.GoParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * GoParsing maps every grammar rule to a {@link NodeKind} and every lexer token
 * to a {@link TokenKind} when the class loads, and fails there if one is
 * missing. These tests name the missing or stale kinds instead.
 */
class KindMappingTest {

    @Test
    void everyParserRuleHasANodeKind() {
        Set<String> kinds = names(NodeKind.values());
        List<String> missing = new ArrayList<>();
        for (String rule : GoParser.ruleNames) {
            if (!kinds.contains(GoParsing.kindName(rule))) {
                missing.add(rule + " -> " + GoParsing.kindName(rule));
            }
        }
        assertEquals(List.of(), missing, "grammar rules without a NodeKind");
    }

    @Test
    void everyNodeKindComesFromARule() {
        Set<String> fromRules = Arrays.stream(GoParser.ruleNames).map(GoParsing::kindName)
                .collect(Collectors.toCollection(TreeSet::new));
        fromRules.add(NodeKind.TOKEN.name());
        Set<String> stale = new TreeSet<>(names(NodeKind.values()));
        stale.removeAll(fromRules);
        assertEquals(Set.of(), stale, "NodeKinds that no grammar rule produces");
    }

    @Test
    void lexerTokensAndTokenKindsAreTheSameSet() {
        Set<String> tokens = new TreeSet<>();
        for (int type = 1; type <= GoLexer.VOCABULARY.getMaxTokenType(); type++) {
            tokens.add(GoLexer.VOCABULARY.getSymbolicName(type));
        }
        assertEquals(tokens, names(TokenKind.values()));
    }

    @Test
    void headerRulesFoldIntoPlainKinds() {
        assertEquals("SIMPLE_STMT", GoParsing.kindName("headerSimpleStmt"));
        assertEquals("EXPRESSION_LIST", GoParsing.kindName("headerExpressionList"));
        assertEquals("TYPE", GoParsing.kindName("type_"));
        assertEquals("IF_HEADER", GoParsing.kindName("ifHeader"));
    }

    @Test
    void theFacadeLoads() throws ClassNotFoundException {
        // Loading runs the mapping; a missing kind would fail here with ExceptionInInitializerError.
        Class.forName(GoParsing.class.getName(), true, getClass().getClassLoader());
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
