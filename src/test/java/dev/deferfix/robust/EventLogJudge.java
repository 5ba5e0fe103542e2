package dev.deferfix.robust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the event log of a generated program (see {@link LoopProgramGenerator})
 * before and after the rewrite. Events are "KIND ... @TAG"; an event belongs to
 * iteration T when its tag is T or starts with "T/". A cleanup is a "close sN"
 * event; its site N was either fixed (by the strategy named in the map) or refused.
 *
 * <p>The rewrite keeps the meaning when: (1) the log without the fixed sites'
 * cleanups is identical (results, work, refused cleanups, in order); (2) the
 * fixed sites' cleanups are the same multiset, except that explicit-close may
 * skip the cleanup of an iteration a panic left (the documented difference);
 * (3) each fixed cleanup of iteration T runs at the end of T: after T's
 * "iter" event, with only events of T between the two, and with no event of T
 * but other cleanups and "late" events (logged by a defer that stays, with
 * the state of the resource it sees, which (1) compares) after it; (4) the fixed cleanups of one iteration run in
 * the same order as before (last deferred, first run).
 */
final class EventLogJudge {
    private static final Pattern SITE = Pattern.compile("^close s(\\d+)");

    private record Event(String text, String kind, String tag, Integer site) {
        static Event of(String text) {
            int space = text.indexOf(' ');
            int at = text.lastIndexOf(" @");
            Matcher site = SITE.matcher(text);
            return new Event(text, space < 0 ? text : text.substring(0, space), at < 0 ? null : text.substring(at + 2),
                    site.find() ? Integer.valueOf(site.group(1)) : null);
        }

        boolean isCleanup() {
            return site != null;
        }

        /** A "late" event, logged by a defer that stays until the function returns. */
        boolean runsLate() {
            return kind.equals("late");
        }

        boolean in(String iteration) {
            return tag != null && (tag.equals(iteration) || tag.startsWith(iteration + "/"));
        }
    }

    private EventLogJudge() {
    }

    /** The ways the logs diverge; empty when the rewrite kept the meaning. */
    static List<String> judge(List<String> beforeLog, List<String> afterLog, Map<Integer, String> fixedSites) {
        List<Event> before = beforeLog.stream().map(Event::of).toList();
        List<Event> after = afterLog.stream().map(Event::of).toList();
        Predicate<Event> fixed = e -> e.isCleanup() && fixedSites.containsKey(e.site());
        List<String> problems = new ArrayList<>();
        compareSequences("events other than the fixed cleanups", filter(before, fixed.negate()),
                filter(after, fixed.negate()), problems);
        List<Event> skippedByPanics = compareCleanups(filter(before, fixed), filter(after, fixed), after, fixedSites,
                problems);
        for (int i = 0; i < after.size(); i++) {
            if (fixed.test(after.get(i))) {
                checkPlacement(after, i, problems);
            }
        }
        Map<String, List<Event>> beforeByIteration = byIteration(filter(before, fixed.and(e -> !skippedByPanics.contains(e))));
        Map<String, List<Event>> afterByIteration = byIteration(filter(after, fixed));
        for (Map.Entry<String, List<Event>> iteration : beforeByIteration.entrySet()) {
            compareSequences("cleanups of iteration " + iteration.getKey(), iteration.getValue(),
                    afterByIteration.getOrDefault(iteration.getKey(), List.of()), problems);
        }
        return problems;
    }

    /** Checks the multiset; returns the before-cleanups a panic excuses (explicit-close only). */
    private static List<Event> compareCleanups(List<Event> before, List<Event> after, List<Event> afterLog,
                                               Map<Integer, String> fixedSites, List<String> problems) {
        Map<String, Integer> remaining = new HashMap<>();
        for (Event event : after) {
            remaining.merge(event.text(), 1, Integer::sum);
        }
        List<Event> excused = new ArrayList<>();
        for (Event event : before) {
            if (remaining.merge(event.text(), -1, Integer::sum) >= 0) {
                continue;
            }
            remaining.merge(event.text(), 1, Integer::sum);
            boolean panicked = afterLog.stream().anyMatch(e -> e.kind().equals("panic") && e.in(event.tag()));
            if (panicked && "explicit-close".equals(fixedSites.get(event.site()))) {
                excused.add(event);
            } else {
                problems.add("cleanup missing after the rewrite: " + event.text());
            }
        }
        remaining.forEach((text, count) -> {
            if (count > 0) {
                problems.add("cleanup only after the rewrite (" + count + "x): " + text);
            }
        });
        return excused;
    }

    private static void checkPlacement(List<Event> log, int index, List<String> problems) {
        Event cleanup = log.get(index);
        String iteration = cleanup.tag();
        int start = -1;
        for (int i = 0; i < index; i++) {
            if (log.get(i).kind().equals("iter") && iteration.equals(log.get(i).tag())) {
                start = i;
            }
        }
        if (start < 0) {
            problems.add("'" + cleanup.text() + "' (event " + index + ") runs before its iteration started");
            return;
        }
        for (int i = start + 1; i < index; i++) {
            if (!log.get(i).in(iteration)) {
                problems.add("'" + cleanup.text() + "' (event " + index + ") runs after '" + log.get(i).text()
                        + "' (event " + i + "), which is not part of its iteration");
                return;
            }
        }
        for (int i = index + 1; i < log.size(); i++) {
            if (log.get(i).in(iteration) && !log.get(i).isCleanup() && !log.get(i).runsLate()) {
                problems.add("'" + cleanup.text() + "' (event " + index + ") runs before '" + log.get(i).text()
                        + "' (event " + i + "), which is still part of its iteration");
                return;
            }
        }
    }

    private static void compareSequences(String what, List<Event> before, List<Event> after, List<String> problems) {
        int i = 0;
        while (i < before.size() && i < after.size() && before.get(i).text().equals(after.get(i).text())) {
            i++;
        }
        if (i < before.size() || i < after.size()) {
            problems.add(what + " differ at position " + i + ": before '"
                    + (i < before.size() ? before.get(i).text() : "(end)") + "', after '"
                    + (i < after.size() ? after.get(i).text() : "(end)") + "'");
        }
    }

    private static List<Event> filter(List<Event> events, Predicate<Event> keep) {
        return events.stream().filter(keep).toList();
    }

    private static Map<String, List<Event>> byIteration(List<Event> cleanups) {
        Map<String, List<Event>> grouped = new HashMap<>();
        for (Event event : cleanups) {
            grouped.computeIfAbsent(event.tag(), tag -> new ArrayList<>()).add(event);
        }
        return grouped;
    }
}
