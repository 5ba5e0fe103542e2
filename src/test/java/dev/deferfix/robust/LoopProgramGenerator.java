package dev.deferfix.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes one small random Go program (a file of package main, every name
 * starting with its prefix) around defers in loops, deterministic from its
 * {@link Random}. Statements log events through the helpers of
 * {@link DifferentialBatch#SUPPORT}: each loop iteration starts with
 * {@code "iter ... @TAG"}, where TAG names the iteration and every enclosing
 * one ("c/L2.1/L5.3"); a cleanup logs {@code "close sN @TAG"} with the tag of
 * the iteration that deferred it, so the judge can tell where it ran.
 *
 * <p>Around the defers: range, three-clause, condition-only and endless
 * loops, nested and labeled; continue, break, labeled jumps to outer loops,
 * forward gotos to just after a loop, returns with values, bare returns of
 * named results, switch and select with break, function literals, panics
 * recovered by a function-level deferred recover; methods and generic
 * functions; goroutines that use the resource and are joined within the
 * iteration (a receive of their last send, or a select whose other case
 * never runs). A few shapes a rewrite must not move (a literal reading state
 * the function changes later, a resource kept after the loop, a reassigned
 * resource, a close error folded into a named result, a loop variable read
 * after the loop, a suppressed defer that uses the resource when the function
 * returns, a resource opened and only held) keep the rewriter's refusals honest.
 */
final class LoopProgramGenerator {
    private static final int MAX_LOOP_DEPTH = 3;

    private enum Shape {
        PLAIN, NAMED, METHOD, GENERIC, NO_RESULTS
    }

    /** A loop being generated: what jumps and conditions may name inside it. */
    private record Loop(int id, String value, boolean crossesLiteral) {
        String tag() {
            return "t" + id;
        }
    }

    /** The function (or literal) being generated. */
    private final class Body {
        final Shape shape;
        final boolean literal;
        final boolean recovers;
        final List<Loop> loops = new ArrayList<>();
        final List<String> usedLabels = new ArrayList<>();
        final List<String> usedEnds = new ArrayList<>();

        Body(Shape shape, boolean literal, boolean recovers) {
            this.shape = shape;
            this.literal = literal;
            this.recovers = recovers;
        }
    }

    private final Random random;
    private final String prefix;
    private final StringBuilder out = new StringBuilder();
    private int nextId;
    private boolean keepsResources;
    private boolean keepsReaders;
    private boolean holdsReader;

    private LoopProgramGenerator(Random random, String prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    /** The program's file text; its entry point is {@code PREFIXmain()}. */
    static String generate(Random random, String prefix) {
        return new LoopProgramGenerator(random, prefix).program();
    }

    private String program() {
        out.append("package main\n\nimport \"fmt\"\n\n");
        out.append("type ").append(prefix).append("T struct{ base int }\n\n");
        out.append("type ").append(prefix).append("I int\n\n");
        out.append("var ").append(prefix).append("state int\n\n");
        // Never ready (a nil channel): a select's case on it marks a path that never runs.
        out.append("var ").append(prefix).append("never chan bool\n\n");
        int functions = 1 + random.nextInt(3);
        StringBuilder main = new StringBuilder("func " + prefix + "main() {\n");
        for (int f = 0; f < functions; f++) {
            Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
            function(f, shape);
            for (int call = 0; call < 1 + random.nextInt(2); call++) {
                main.append(callOf(f, shape, call));
            }
        }
        out.append(main).append("}\n");
        return out.toString();
    }

    private String callOf(int f, Shape shape, int call) {
        String name = "f" + f;
        String data = shape == Shape.GENERIC ? "[]" + prefix + "I" : "[]int";
        String args = "(\"" + name + "#" + call + "\", " + data + "{" + slice() + "}, " + (1 + random.nextInt(4)) + ")";
        String callee = switch (shape) {
            case METHOD -> "(&" + prefix + "T{base: " + random.nextInt(5) + "})." + name;
            default -> prefix + name;
        };
        if (shape == Shape.NO_RESULTS) {
            return "\t" + callee + args + "\n\tev(\"R " + name + " done\")\n";
        }
        return "\t{\n\t\tn, err := " + callee + args + "\n\t\tev(fmt.Sprint(\"R " + name + " \", n, \" \", err))\n\t}\n";
    }

    private String slice() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            values.add(String.valueOf(random.nextInt(7)));
        }
        return String.join(", ", values);
    }

    private void function(int f, Shape shape) {
        String params = "(c string, xs " + (shape == Shape.GENERIC ? "[]E" : "[]int") + ", lim int)";
        String results = switch (shape) {
            case NO_RESULTS -> "";
            case NAMED -> " (n int, err error)";
            default -> " (int, error)";
        };
        String head = switch (shape) {
            case METHOD -> "func (o *" + prefix + "T) f" + f + params;
            case GENERIC -> "func " + prefix + "f" + f + "[E ~int]" + params;
            default -> "func " + prefix + "f" + f + params;
        };
        Body body = new Body(shape, false, random.nextInt(3) == 0);
        StringBuilder text = new StringBuilder();
        text.append(head).append(results).append(" {\n");
        if (body.recovers) {
            text.append("\tdefer func() {\n\t\tif r := recover(); r != nil {\n")
                    .append("\t\t\tev(fmt.Sprint(\"recovered \", r, \" @\", c))\n");
            if (shape == Shape.NAMED) {
                text.append("\t\t\terr = fmt.Errorf(\"recovered %v\", r)\n");
            }
            text.append("\t\t}\n\t}()\n");
        }
        text.append("\tacc := ").append(shape == Shape.METHOD ? "o.base" : "0").append("\n");
        text.append("\tt0 := c\n");
        keepsResources = false;
        keepsReaders = false;
        holdsReader = false;
        StringBuilder statements = new StringBuilder();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            loop(statements, body, "t0", 1, 0);
            if (random.nextInt(3) == 0) {
                statements.append(random.nextBoolean() ? "\tacc += 100\n" : "\t" + prefix + "state += 100\n");
            }
        }
        if (keepsResources) {
            text.append("\tvar keep []*res\n");
        }
        if (keepsReaders) {
            text.append("\tvar readers []*reader\n");
        }
        if (holdsReader) {
            text.append("\tvar held *reader\n");
        }
        text.append(statements);
        if (keepsResources) {
            text.append("\tfor _, k := range keep {\n\t\tk.use(\"kept\", t0)\n\t}\n");
        }
        if (keepsReaders) {
            text.append("\tfor _, k := range readers {\n\t\tk.use(t0)\n\t}\n");
        }
        if (holdsReader) {
            text.append("\tif held != nil {\n\t\theld.use(t0)\n\t}\n");
        }
        text.append("\tev(fmt.Sprint(\"end acc=\", acc, \" @\", t0))\n");
        text.append(returnStatement(body, "\t", true));
        text.append("}\n\n");
        out.append(text);
    }

    private String returnStatement(Body body, String indent, boolean last) {
        if (body.literal || body.shape == Shape.NO_RESULTS) {
            return last ? "" : indent + "return\n";
        }
        if (body.shape == Shape.NAMED && random.nextBoolean()) {
            return indent + "n = acc\n" + indent + "return\n";
        }
        if (!last && random.nextBoolean()) {
            return indent + "return -1, fmt.Errorf(\"stop %d\", acc)\n";
        }
        return indent + "return acc, nil\n";
    }

    /** Appends a loop (with its counter, label and end label as used) at the given indent depth. */
    private void loop(StringBuilder into, Body body, String outerTag, int depth, int nesting) {
        int id = ++nextId;
        String ind = "\t".repeat(depth);
        String in = ind + "\t";
        String counter = "n" + id;
        String value = null;
        String header;
        int kind = random.nextInt(4);
        switch (kind) {
            case 0 -> {
                value = "v" + id;
                header = "for _, " + value + " := range xs {";
            }
            case 1 -> {
                value = "v" + id;
                header = "for " + value + " := 0; " + value + " < lim; " + value + "++ {";
            }
            case 2 -> header = "for " + counter + " < lim {";
            default -> header = "for {";
        }
        Loop loop = new Loop(id, value, false);
        body.loops.add(loop);
        StringBuilder inner = new StringBuilder();
        inner.append(in).append(counter).append("++\n");
        if (kind == 3) {
            inner.append(in).append("if ").append(counter).append(" > lim {\n").append(in).append("\tbreak\n")
                    .append(in).append("}\n");
        }
        inner.append(in).append(loop.tag()).append(" := fmt.Sprint(").append(outerTag).append(", \"/L").append(id)
                .append(".\", ").append(counter).append(")\n");
        inner.append(in).append("ev(fmt.Sprint(\"iter \", ").append(value == null ? counter : "int(" + value + ")")
                .append(", \" @\", ").append(loop.tag()).append("))\n");
        statements(inner, body, depth + 1, nesting, true);
        body.loops.remove(body.loops.size() - 1);

        into.append(ind).append(counter).append(" := 0\n");
        String label = "L" + id;
        if (body.usedLabels.remove(label)) {
            into.append(label).append(":\n");
        }
        into.append(ind).append(header).append("\n").append(inner).append(ind).append("}\n");
        String end = "E" + id;
        if (body.usedEnds.remove(end)) {
            into.append(end).append(":\n");
        }
        into.append(ind).append("ev(fmt.Sprint(\"after L").append(id).append(" \", ").append(counter)
                .append(", \" @\", ").append(outerTag).append("))\n");
    }

    /** A loop body: work, one or more defers, and control flow around them. */
    private void statements(StringBuilder into, Body body, int depth, int nesting, boolean loopBody) {
        Loop loop = body.loops.get(body.loops.size() - 1);
        int count = 2 + random.nextInt(4);
        int deferAt = loopBody ? random.nextInt(count) : -1;
        for (int i = 0; i < count; i++) {
            if (i == deferAt) {
                deferSite(into, body, loop, depth);
                if (random.nextInt(4) == 0) {
                    deferSite(into, body, loop, depth);
                }
                continue;
            }
            statement(into, body, loop, depth, nesting);
        }
    }

    private void statement(StringBuilder into, Body body, Loop loop, int depth, int nesting) {
        String ind = "\t".repeat(depth);
        int pick = random.nextInt(100);
        if (pick < 25) {
            work(into, loop, ind);
        } else if (pick < 45) {
            into.append(ind).append("if ").append(condition(body)).append(" {\n");
            work(into, loop, ind + "\t");
            into.append(ind).append("\t").append(jump(body, ind + "\t")).append(ind).append("}\n");
        } else if (pick < 55 && nesting + 1 < MAX_LOOP_DEPTH) {
            loop(into, body, loop.tag(), depth, nesting + 1);
        } else if (pick < 63) {
            switchWithBreak(into, body, loop, ind);
        } else if (pick < 69) {
            selectWithBreak(into, body, loop, ind);
        } else if (pick < 77) {
            literal(into, body, loop, depth, nesting);
        } else if (pick < 82 && body.recovers) {
            into.append(ind).append("if ").append(condition(body)).append(" {\n").append(ind)
                    .append("\tpanicAt(\"p").append(++nextId).append("\", ").append(loop.tag()).append(")\n")
                    .append(ind).append("}\n");
        } else if (pick < 88) {
            into.append(ind).append("if ").append(condition(body)).append(" {\n");
            deferSite(into, body, loop, depth + 1);
            into.append(ind).append("}\n");
        } else {
            String target = random.nextInt(4) == 0 ? prefix + "state" : "acc";
            into.append(ind).append(target).append(" += ").append(intValue(body)).append("\n");
            work(into, loop, ind);
        }
    }

    private void work(StringBuilder into, Loop loop, String ind) {
        into.append(ind).append("ev(fmt.Sprint(\"work w").append(++nextId).append(" acc=\", acc, \" @\", ")
                .append(loop.tag()).append("))\n");
    }

    /** A jump out of the current iteration, or a plain work line when none fits. */
    private String jump(Body body, String ind) {
        Loop loop = body.loops.get(body.loops.size() - 1);
        List<Loop> reachable = new ArrayList<>();
        for (int i = body.loops.size() - 1; i >= 0 && !body.loops.get(i).crossesLiteral(); i--) {
            reachable.add(body.loops.get(i));
        }
        Loop target = reachable.get(random.nextInt(reachable.size()));
        int pick = random.nextInt(10);
        if (pick < 3) {
            return jumpTo("continue", target, loop, body);
        }
        if (pick < 6) {
            return jumpTo("break", target, loop, body);
        }
        if (pick < 7) {
            String end = "E" + target.id();
            if (!body.usedEnds.contains(end)) {
                body.usedEnds.add(end);
            }
            return "goto " + end + "\n";
        }
        String value = returnStatement(body, ind, false);
        return value.substring(ind.length());
    }

    private String jumpTo(String keyword, Loop target, Loop innermost, Body body) {
        if (target == innermost && random.nextBoolean()) {
            return keyword + "\n";
        }
        String label = "L" + target.id();
        if (!body.usedLabels.contains(label)) {
            body.usedLabels.add(label);
        }
        return keyword + " " + label + "\n";
    }

    private void switchWithBreak(StringBuilder into, Body body, Loop loop, String ind) {
        into.append(ind).append("switch ").append(intValue(body)).append(" % 3 {\n");
        into.append(ind).append("case 0:\n");
        work(into, loop, ind + "\t");
        into.append(ind).append("\tif ").append(condition(body)).append(" {\n").append(ind).append("\t\tbreak\n")
                .append(ind).append("\t}\n");
        work(into, loop, ind + "\t");
        into.append(ind).append("case 1:\n").append(ind).append("\t").append(jump(body, ind + "\t"));
        into.append(ind).append("default:\n");
        work(into, loop, ind + "\t");
        into.append(ind).append("}\n");
    }

    private void selectWithBreak(StringBuilder into, Body body, Loop loop, String ind) {
        String channel = "ch" + (++nextId);
        into.append(ind).append(channel).append(" := make(chan int, 1)\n");
        into.append(ind).append("if ").append(condition(body)).append(" {\n").append(ind).append("\t")
                .append(channel).append(" <- ").append(intValue(body)).append("\n").append(ind).append("}\n");
        into.append(ind).append("select {\n").append(ind).append("case got := <-").append(channel).append(":\n");
        into.append(ind).append("\tif got%2 == 0 {\n").append(ind).append("\t\tbreak\n").append(ind).append("\t}\n");
        work(into, loop, ind + "\t");
        into.append(ind).append("default:\n");
        work(into, loop, ind + "\t");
        into.append(ind).append("\tif ").append(condition(body)).append(" {\n").append(ind).append("\t\t")
                .append(jump(body, ind + "\t\t")).append(ind).append("\t}\n");
        into.append(ind).append("}\n");
    }

    /** A function literal called in place; it may hold its own loop with defers. */
    private void literal(StringBuilder into, Body body, Loop loop, int depth, int nesting) {
        String ind = "\t".repeat(depth);
        Body inner = new Body(Shape.NO_RESULTS, true, false);
        inner.loops.add(new Loop(loop.id(), loop.value(), true));
        into.append(ind).append("func() {\n");
        work(into, loop, ind + "\t");
        if (nesting + 1 < MAX_LOOP_DEPTH && random.nextBoolean()) {
            loop(into, inner, loop.tag(), depth + 1, nesting + 1);
        } else {
            into.append(ind).append("\tif ").append(condition(body)).append(" {\n").append(ind)
                    .append("\t\treturn\n").append(ind).append("\t}\n");
            work(into, loop, ind + "\t");
        }
        into.append(ind).append("}()\n");
    }

    /** One deferred cleanup of a resource opened in this iteration, in one of several shapes. */
    private void deferSite(StringBuilder into, Body body, Loop loop, int depth) {
        String ind = "\t".repeat(depth);
        int id = ++nextId;
        String site = "s" + id;
        String tag = loop.tag();
        into.append(ind).append(site).append(" := open(\"").append(site).append("\", ").append(tag).append(")\n");
        int shape = random.nextInt(134);
        if (shape < 35) {
            into.append(ind).append("defer ").append(site).append(".Close()\n");
        } else if (shape < 50) {
            into.append(ind).append("defer release(").append(site).append(")\n");
        } else if (shape < 62) {
            into.append(ind).append("defer func() {\n").append(ind).append("\t").append(site)
                    .append(".Close()\n").append(ind).append("}()\n");
        } else if (shape < 72) {
            into.append(ind).append("defer func() {\n").append(ind).append("\tev(\"close ").append(site)
                    .append(" @\" + ").append(tag).append(")\n").append(ind).append("}()\n");
            into.append(ind).append("_ = ").append(site).append("\n");
        } else if (shape < 77) {
            // Reads acc, which the function changes later: must keep running at function return.
            into.append(ind).append("defer func() {\n").append(ind).append("\tev(fmt.Sprint(\"close ").append(site)
                    .append(" acc=\", acc, \" @\", ").append(tag).append("))\n").append(ind).append("}()\n");
            into.append(ind).append("_ = ").append(site).append("\n");
        } else if (shape < 82) {
            into.append(ind).append("defer ").append(site).append(".Close()\n");
            into.append(ind).append("keep = append(keep, ").append(site).append(")\n");
            keepsResources = true;
        } else if (shape < 86) {
            into.append(ind).append("defer ").append(site).append(".Close()\n");
            String reopen = site + " = open(\"" + site + "b\", " + tag + ")";
            into.append(ind).append(shape < 84 ? reopen : "func() {\n" + ind + "\t" + reopen + "\n" + ind + "}()")
                    .append("\n");
        } else if (shape < 91 && body.shape == Shape.NAMED && !body.literal) {
            into.append(ind).append("defer func() {\n").append(ind).append("\tif cerr := ").append(site)
                    .append(".Close(); cerr != nil && err == nil {\n").append(ind).append("\t\terr = cerr\n")
                    .append(ind).append("\t}\n").append(ind).append("}()\n");
        } else if (shape < 95 && loop.value() != null) {
            // Reads the loop variable: per loop before Go 1.22, so the original sees its last value.
            into.append(ind).append("defer func() {\n").append(ind).append("\tev(fmt.Sprint(\"close ").append(site)
                    .append(" v=\", int(").append(loop.value()).append("), \" @\", ").append(tag).append("))\n")
                    .append(ind).append("}()\n");
            into.append(ind).append("_ = ").append(site).append("\n");
        } else if (shape < 97) {
            // Reads package state the function changes later.
            into.append(ind).append("defer func() {\n").append(ind).append("\tev(fmt.Sprint(\"close ").append(site)
                    .append(" state=\", ").append(prefix).append("state, \" @\", ").append(tag).append("))\n")
                    .append(ind).append("}()\n");
            into.append(ind).append("_ = ").append(site).append("\n");
        } else if (shape < 106) {
            // A reader wrapping the resource outlives the iteration.
            into.append(ind).append("defer ").append(site).append(".Close()\n");
            if (random.nextBoolean()) {
                into.append(ind).append("readers = append(readers, newReader(").append(site).append("))\n");
                keepsReaders = true;
            } else {
                into.append(ind).append("held = newReader(").append(site).append(")\n");
                holdsReader = true;
            }
        } else if (shape < 112) {
            // The argument is evaluated by the defer statement, before acc changes.
            into.append(ind).append("defer note(").append(site).append(", acc)\n");
            into.append(ind).append("acc++\n");
        } else if (shape < 122) {
            // A goroutine uses the resource and sends last; receiving that joins it within the iteration.
            into.append(ind).append("defer ").append(site).append(".Close()\n");
            joinedGoroutine(into, site, tag, ind);
        } else if (shape < 130) {
            // A suppressed defer stays and uses the resource, directly or through a reader, when the
            // function returns. Deferred after the close, it runs first and must still find it open.
            String user = site;
            if (random.nextBoolean()) {
                user = site + "r";
                into.append(ind).append(user).append(" := newReader(").append(site).append(")\n");
            }
            String close = ind + "defer " + site + ".Close()\n";
            boolean closeFirst = random.nextBoolean();
            into.append(closeFirst ? close : "").append(ind).append("defer ").append(user).append(".late(")
                    .append(tag).append(") //defer-fix:ignore used when the function returns\n")
                    .append(closeFirst ? "" : close);
        } else {
            into.append(ind).append("defer ").append(site).append(".Close()\n");
        }
        // Most iterations use what they open; one in six only holds it, which the rewriter must leave alone.
        if (random.nextInt(6) != 0) {
            into.append(ind).append(site).append(".use(\"w").append(++nextId).append("\", ").append(tag)
                    .append(")\n");
        }
    }

    /** go func() { site.use(...); done <- true }(), then a receive or a select whose other case never runs. */
    private void joinedGoroutine(StringBuilder into, String site, String tag, String ind) {
        String done = site + "done";
        into.append(ind).append(done).append(" := make(chan bool)\n");
        into.append(ind).append("go func() {\n").append(ind).append("\t").append(site).append(".use(\"g")
                .append(++nextId).append("\", ").append(tag).append(")\n").append(ind).append("\t").append(done)
                .append(" <- true\n").append(ind).append("}()\n");
        if (random.nextBoolean()) {
            into.append(ind).append("<-").append(done).append("\n");
        } else {
            into.append(ind).append("select {\n").append(ind).append("case <-").append(done).append(":\n")
                    .append(ind).append("case <-").append(prefix).append("never:\n").append(ind)
                    .append("\tpanic(\"never\")\n").append(ind).append("}\n");
        }
    }

    private String condition(Body body) {
        String value = intValue(body);
        return switch (random.nextInt(3)) {
            case 0 -> value + "%2 == " + random.nextInt(2);
            case 1 -> value + " > " + random.nextInt(4);
            default -> value + "%3 == " + random.nextInt(3);
        };
    }

    private String intValue(Body body) {
        List<String> values = new ArrayList<>();
        values.add("acc");
        for (Loop loop : body.loops) {
            values.add("n" + loop.id());
            if (loop.value() != null) {
                values.add("int(" + loop.value() + ")");
            }
        }
        return values.get(random.nextInt(values.size()));
    }
}
