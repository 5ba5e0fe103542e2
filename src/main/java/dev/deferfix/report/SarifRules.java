package dev.deferfix.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deferfix.find.Rule;
import java.util.List;

/** The tool.driver.rules entries: one per {@link Rule}, indexed by ordinal, with help naming the three fixes. */
final class SarifRules {
    private record Fix(String name, String description) {
    }

    private static final List<Fix> FIXES = List.of(
            new Fix("explicit-close", "call the cleanup at the end of each iteration and before every "
                    + "`continue` or `break` that leaves it"),
            new Fix("closure-scope", "wrap the loop body in an immediately-invoked `func() { ... }()` so the "
                    + "`defer` runs when the iteration ends"),
            new Fix("semaphore-worker", "run the iterations as goroutines bounded by a buffered-channel "
                    + "semaphore and a `sync.WaitGroup` (opt-in: it changes the program's concurrency)"));
    private static final String AUTOMATIC = "`defer-fix -w` applies explicit-close or closure-scope "
            + "where they keep the program's meaning.";

    private SarifRules() {
    }

    static ArrayNode all() {
        ArrayNode rules = JsonOutput.MAPPER.createArrayNode();
        for (Rule rule : Rule.values()) {
            rules.add(rule(rule));
        }
        return rules;
    }

    private static ObjectNode rule(Rule rule) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("id", rule.id());
        node.put("name", pascalCase(rule.id()));
        node.putObject("shortDescription").put("text", rule.shortDescription());
        node.putObject("fullDescription").put("text", rule.fullDescription());
        ObjectNode help = node.putObject("help");
        help.put("text", helpText(rule));
        help.put("markdown", helpMarkdown(rule));
        node.putObject("defaultConfiguration").put("level", "warning");
        return node;
    }

    private static String helpText(Rule rule) {
        StringBuilder text = new StringBuilder(rule.fullDescription()).append(" Fixes:");
        for (int i = 0; i < FIXES.size(); i++) {
            text.append(" (").append(i + 1).append(") ").append(FIXES.get(i).name()).append(": ")
                    .append(FIXES.get(i).description().replace("`", "")).append(';');
        }
        return text.append(' ').append(AUTOMATIC.replace("`", "")).toString();
    }

    private static String helpMarkdown(Rule rule) {
        StringBuilder markdown = new StringBuilder("**").append(rule.shortDescription()).append("**\n\n")
                .append(rule.fullDescription()).append("\n\nFixes:\n\n");
        for (int i = 0; i < FIXES.size(); i++) {
            markdown.append(i + 1).append(". **").append(FIXES.get(i).name()).append("**: ")
                    .append(FIXES.get(i).description()).append(".\n");
        }
        return markdown.append('\n').append(AUTOMATIC).toString();
    }

    private static String pascalCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }
}
