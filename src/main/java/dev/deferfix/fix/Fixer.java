package dev.deferfix.fix;

import dev.deferfix.edit.Edit;
import dev.deferfix.edit.EditApplier;
import dev.deferfix.find.DeferSite;
import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoTrees;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.LazyFingerprint;
import dev.deferfix.find.Resolution;
import dev.deferfix.find.Rule;
import dev.deferfix.find.Severity;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rewrite stage for one file. Loops are rewritten innermost first: each
 * round plans every loop unit that does not nest inside or around another unit
 * planned in the same round, applies the edits, parses the result again (a
 * result that does not parse is an internal error and nothing is changed), and
 * finds the remaining sites, until no unit is left.
 */
public final class Fixer {
    /** Deeper loops first. (A class, not a lambda: each lambda's first call costs start-up.) */
    private static final Comparator<LoopUnit> INNERMOST_FIRST = new Comparator<>() {
        @Override
        public int compare(LoopUnit a, LoopUnit b) {
            return Integer.compare(depth(b.loop()), depth(a.loop()));
        }
    };

    /** A guard against a strategy that never converges; files with more loop sites get one round per site. */
    private static final int MAX_ROUNDS = 32;

    private final StrategyChooser chooser;

    public Fixer(StrategyChooser chooser) {
        this.chooser = chooser;
    }

    public FileFix fix(ParsedFile original, List<Finding> findings, FixOptions options) {
        Map<LazyFingerprint, Resolution> resolutions = new HashMap<>();
        ParsedFile current = original;
        SiteIdentities identities = new SiteIdentities(findings);
        int rounds = 0;
        // Every round resolves at least one site, and nested loops need one round each (innermost first).
        int maxRounds = Math.max(MAX_ROUNDS, findings.size() + 1);
        while (rounds < maxRounds) {
            List<Finding> remaining = rounds == 0 ? findings : Detector.detect(current, options.goVersion());
            List<LoopUnit> units = unitsToPlan(current, remaining, resolutions, identities, options);
            List<Edit> edits = new ArrayList<>();
            List<SyntaxNode> plannedLoops = new ArrayList<>();
            for (LoopUnit unit : units) {
                if (nestsWithAny(unit.loop(), plannedLoops)) {
                    continue;
                }
                Decision decision = chooser.choose(unit, options);
                Plan plan = decision.plan();
                if (!plan.isRefused() && touchesAny(plan.edits(), edits)) {
                    continue; // both want the same text (say, one new import): this unit waits for the next round
                }
                resolveAll(unit, decision, remaining, resolutions, identities);
                if (!plan.isRefused()) {
                    edits.addAll(plan.edits());
                    plannedLoops.add(unit.loop());
                    addNames(plan.edits(), unit.namesOfRound());
                }
            }
            if (edits.isEmpty()) {
                break;
            }
            String next = EditApplier.apply(current.source().text(), edits);
            identities.applied(edits);
            try {
                current = GoParsing.parse(original.source().withText(next));
            } catch (SyntaxError broken) {
                return new FileFix(attach(findings, Map.of(), null), original.source().text(),
                        "internal error: the rewrite of " + describe(plannedLoops, current)
                                + " does not parse (" + broken.reason() + "); file left unchanged");
            }
            rounds++;
        }
        String text = current.source().text();
        return new FileFix(attach(findings, resolutions, rounds > 1 ? wholeChange(original, text) : null),
                text, null);
    }

    /** Units of the remaining warning sites, deepest loops first; notes and goto loops are resolved as refused. */
    private static List<LoopUnit> unitsToPlan(ParsedFile file, List<Finding> remaining,
                                              Map<LazyFingerprint, Resolution> resolutions, SiteIdentities identities,
                                              FixOptions options) {
        Map<SyntaxNode, List<DeferSite>> byLoop = new LinkedHashMap<>();
        for (Finding finding : remaining) {
            LazyFingerprint identity = identities.originalOf(finding);
            if (finding.rule() != Rule.DEFER_IN_LOOP || finding.isSuppressed() || resolutions.containsKey(identity)) {
                continue;
            }
            DeferSite site = finding.site();
            if (site.innermostLoop() == null) {
                resolutions.put(identity, refused(RefusalReason.GOTO_LOOP, null));
            } else if (site.inGotoLoop()) {
                resolutions.put(identity, refused(RefusalReason.GOTO_CROSSES_SCOPE,
                        "a goto back to a label before the defer"));
            } else if (finding.severity() == Severity.NOTE && !options.strict()) {
                resolutions.put(identity, refused(RefusalReason.LOOP_EXITS_AFTER_DEFER, null));
            } else {
                List<DeferSite> sites = byLoop.get(site.innermostLoop());
                if (sites == null) {
                    sites = new ArrayList<>();
                    byLoop.put(site.innermostLoop(), sites);
                }
                sites.add(site);
            }
        }
        List<LoopUnit> units = new ArrayList<>();
        // Rewrites of one function in one round share the names they introduce; other functions' do not matter.
        Map<SyntaxNode, Set<String>> namesByFunction = new IdentityHashMap<>();
        for (Map.Entry<SyntaxNode, List<DeferSite>> loop : byLoop.entrySet()) {
            SyntaxNode function = GoTrees.outermostFunction(loop.getKey());
            Set<String> namesOfRound = namesByFunction.get(function);
            if (namesOfRound == null) {
                namesOfRound = new HashSet<>();
                namesByFunction.put(function, namesOfRound);
            }
            units.add(new LoopUnit(file, loop.getKey(), loop.getValue(), namesOfRound));
        }
        units.sort(INNERMOST_FIRST);
        return units;
    }

    /**
     * Whether the site is one of the unit's, which are the findings' own site objects. Compared
     * by identity: a record's generated equals bootstraps through java.lang.invoke on first use.
     */
    private static boolean holds(LoopUnit unit, DeferSite site) {
        for (DeferSite own : unit.sites()) {
            if (own == site) {
                return true;
            }
        }
        return false;
    }

    private static Resolution refused(RefusalReason reason, String detail) {
        Refusal refusal = new Refusal(reason, detail);
        return Resolution.refused(reason.code(), refusal.explanation());
    }

    private static void resolveAll(LoopUnit unit, Decision decision, List<Finding> remaining,
                                   Map<LazyFingerprint, Resolution> resolutions, SiteIdentities identities) {
        for (Finding finding : remaining) {
            if (finding.rule() == Rule.DEFER_IN_LOOP && holds(unit, finding.site())) {
                resolutions.putIfAbsent(identities.originalOf(finding), resolution(decision.planFor(finding.site())));
            }
        }
    }

    private static Resolution resolution(Plan plan) {
        return plan.isRefused()
                ? Resolution.refused(plan.refusal().code(), plan.explanation())
                : Resolution.fixed(plan.strategy(), plan.explanation(), plan.edits());
    }

    /** The names an accepted plan writes into the text, which later units of its round must not declare again. */
    private static void addNames(List<Edit> planned, Set<String> namesOfRound) {
        for (Edit edit : planned) {
            namesOfRound.addAll(Identifiers.in(edit.text()));
        }
    }

    private static boolean touchesAny(List<Edit> planned, List<Edit> taken) {
        for (Edit edit : planned) {
            for (Edit other : taken) {
                if (edit.overlaps(other) || edit.start() == other.start()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nestsWithAny(SyntaxNode loop, List<SyntaxNode> planned) {
        for (SyntaxNode other : planned) {
            if (other.isAncestorOf(loop) || loop.isAncestorOf(other)) {
                return true;
            }
        }
        return false;
    }

    private static int depth(SyntaxNode node) {
        int depth = 0;
        for (SyntaxNode up = node.parent(); up != null; up = up.parent()) {
            depth++;
        }
        return depth;
    }

    /** After several rounds, edits of later rounds do not refer to the original text: report one edit for all. */
    private static List<Edit> wholeChange(ParsedFile original, String text) {
        String before = original.source().text();
        int start = 0;
        while (start < before.length() && start < text.length() && before.charAt(start) == text.charAt(start)) {
            start++;
        }
        int endBefore = before.length();
        int endAfter = text.length();
        while (endBefore > start && endAfter > start && before.charAt(endBefore - 1) == text.charAt(endAfter - 1)) {
            endBefore--;
            endAfter--;
        }
        return List.of(new Edit(start, endBefore, text.substring(start, endAfter)));
    }

    private static List<Finding> attach(List<Finding> findings, Map<LazyFingerprint, Resolution> resolutions,
                                        List<Edit> replaceEditsWith) {
        List<Finding> result = new ArrayList<>(findings.size());
        Map<DeferSite, Resolution> refusedSites = new IdentityHashMap<>();
        for (Finding finding : findings) {
            Resolution resolution = resolutions.get(finding.lazyFingerprint());
            if (resolution != null && resolution.isFixed() && replaceEditsWith != null) {
                resolution = Resolution.fixed(resolution.strategy(), resolution.explanation(), replaceEditsWith);
            }
            if (resolution != null && !resolution.isFixed()) {
                refusedSites.put(finding.site(), resolution);
            }
            result.add(resolution == null ? finding : finding.withResolution(resolution));
        }
        // A closure capturing the loop variable is reported on the same defer: it shares that defer's refusal
        // (a fix would carry the edits twice; it cannot happen, as a rewrite would change what the closure sees).
        for (int i = 0; i < result.size(); i++) {
            Finding finding = result.get(i);
            Resolution shared = refusedSites.get(finding.site());
            if (finding.rule() == Rule.DEFERRED_CLOSURE_CAPTURES_LOOP_VAR && finding.resolution() == null
                    && shared != null) {
                result.set(i, finding.withResolution(shared));
            }
        }
        return result;
    }

    private static String describe(List<SyntaxNode> loops, ParsedFile file) {
        StringBuilder where = new StringBuilder();
        for (SyntaxNode loop : loops) {
            where.append(where.length() == 0 ? "" : ", ").append(file.path()).append(':')
                    .append(file.source().line(loop.start()));
        }
        return "the loop at " + where;
    }
}
