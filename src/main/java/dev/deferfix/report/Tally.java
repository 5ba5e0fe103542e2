package dev.deferfix.report;

import java.util.Map;

/**
 * Counts by name, as loops: {@code merge(name, 1, Integer::sum)} and a stream
 * sum each link a method reference on first use, which a one-file run pays
 * for in start-up time.
 */
public final class Tally {
    private Tally() {
    }

    public static void count(Map<String, Integer> counts, String name) {
        counts.put(name, counts.getOrDefault(name, 0) + 1);
    }

    public static int total(Map<String, Integer> counts) {
        int total = 0;
        for (int count : counts.values()) {
            total += count;
        }
        return total;
    }
}
