package dev.deferfix.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads the command lines a pre-commit hook or an editor sends (switches
 * without values, and plain paths) without picocli, whose model takes longer to
 * build than the whole check of a small file. Everything else, including every
 * command line that picocli rejects or treats specially, is left to picocli.
 */
final class PlainArguments {
    private PlainArguments() {
    }

    /**
     * The options picocli would fill in for {@code args}, or null when they
     * need picocli: an option that is not a switch below, a switch given twice
     * (picocli's error), an empty argument, {@code -} or {@code --}, an
     * {@code @file} to expand, or picocli settings in system properties.
     */
    static CommandOptions read(String... args) {
        if (picocliIsConfigured()) {
            return null;
        }
        CommandOptions options = new CommandOptions();
        Set<String> given = new HashSet<>();
        for (String arg : args) {
            if (arg.isEmpty() || arg.charAt(0) == '@') {
                return null;
            }
            if (arg.charAt(0) != '-') {
                options.paths.add(arg);
                continue;
            }
            String name = longName(arg);
            if (!given.add(name)) {
                return null;
            }
            switch (name) {
                case "--list" -> options.list = true;
                case "--diff" -> options.diff = true;
                case "--write" -> options.write = true;
                case "--check" -> options.check = true;
                case "--strict" -> options.strict = true;
                case "--explain" -> options.explain = true;
                case "--include-generated" -> options.includeGenerated = true;
                default -> {
                    return null;
                }
            }
        }
        return options;
    }

    /** The option's long name, so that "-l --list" counts as a repeat, as picocli counts it. */
    private static String longName(String arg) {
        return switch (arg) {
            case "-l" -> "--list";
            case "-d", "--dry-run" -> "--diff";
            case "-w" -> "--write";
            default -> arg;
        };
    }

    /** picocli takes settings such as picocli.trimQuotes or picocli.endofoptions from system properties. */
    private static boolean picocliIsConfigured() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }
}
