package dev.deferfix.fix;

import dev.deferfix.files.GoFileWalker;
import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoModLocator;
import dev.deferfix.find.GoVersion;
import dev.deferfix.find.Rule;
import dev.deferfix.find.Severity;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxError;
import dev.deferfix.testing.GoToolchain;
import dev.deferfix.testing.WorkDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The proof of the rewrite stage on real code: the Go 1.19 standard library
 * or a GOPATH tree (see {@link ProofCorpus}). Copies the corpus's src to a
 * temporary directory, rewrites every file with a defer-in-loop warning
 * through the Java API (Detector, then Strategies.defaultFixer() with strategy
 * auto, or one strategy forced on every site), and checks with the real
 * toolchain pointed at the copy: every
 * package holding a rewritten file passes go vet as well as it did before the
 * rewrite (vet runs on the untouched copy first, so failures that exist
 * without us are not counted), and so does every rewritten file outside the
 * linux/amd64 build (for its GOOS, or alone when a build tag such as
 * {@code ignore} keeps it out); every rewritten file is gofmt-clean (one
 * that was not before is formatted first and rewritten again), and
 * scanning the result finds exactly the sites that were refused.
 * Run by {@code scripts/verify-stdlib} and by RewriteProofTest.
 */
public final class RewriteProof {
    private static final int VET_THREADS = 4;

    /** The figures of one run; {@link #table()} prints them. */
    public record Report(String title, int filesScanned, int warningSites, int noteSites, Map<String, Integer> fixedByStrategy,
                         Map<String, Integer> refusedByReason, int packagesVetted, List<String> baselineVetFailures,
                         List<String> broken, List<String> unformatted, List<String> formattedFirst,
                         List<String> rescanMismatches,
                         List<String> internalErrors, List<String> refusals) {

        public int fixed() {
            return fixedByStrategy.values().stream().mapToInt(Integer::intValue).sum();
        }

        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(title).append('\n');
            row(out, "files scanned", filesScanned);
            row(out, "warning sites", warningSites);
            fixedByStrategy.forEach((strategy, count) -> row(out, "  fixed by " + strategy, count));
            refusedByReason.forEach((reason, count) -> row(out, "  refused: " + reason, count));
            out.append(String.format("%-40s %d/%d = %.1f%%%n", "fixed", fixed(), warningSites,
                    warningSites == 0 ? 0.0 : 100.0 * fixed() / warningSites));
            row(out, "note sites (not rewritten without --strict)", noteSites);
            row(out, "go vet runs (package, GOOS or file)", packagesVetted);
            row(out, "  failing go vet before the rewrite", baselineVetFailures.size());
            row(out, "broken packages (new go vet failures)", broken.size());
            row(out, "rewritten files not gofmt-clean", unformatted.size());
            row(out, "  not gofmt-clean before: formatted first", formattedFirst.size());
            row(out, "rescan differs from refusals", rescanMismatches.size());
            row(out, "internal errors", internalErrors.size());
            for (List<String> details : List.of(baselineVetFailures, broken, unformatted, formattedFirst, rescanMismatches,
                    internalErrors, refusals)) {
                details.forEach(detail -> out.append("  ").append(detail).append('\n'));
            }
            return out.toString();
        }

        private static void row(StringBuilder out, String label, int value) {
            out.append(String.format("%-40s %d%n", label, value));
        }
    }

    private final ProofCorpus corpus;
    /** auto, or the one strategy every site is forced to. */
    private final String strategy;
    /** The copy, with the corpus's src in it. */
    private final Path copy;
    /**
     * Go's build cache for proofs alone, kept between runs: the shared one
     * remembers cgo sources by path, and entries left by an earlier copy
     * elsewhere that is gone since make go vet fail on this one. Proofs copy
     * to the same paths every run, so this cache's entries stay right.
     */
    private static final Path GO_CACHE = Path.of("target", "proof-go-cache").toAbsolutePath();
    /** Single files checked apart from the copy. */
    private final Path scratch;
    private final GoModLocator versions = new GoModLocator();
    private final Fixer fixer = Strategies.defaultFixer();
    private final Map<Path, String> rewritten = new TreeMap<>();
    /** The text each rewritten file had before. */
    private final Map<Path, byte[]> originals = new TreeMap<>();
    private final Map<Path, List<Finding>> refusedWarnings = new TreeMap<>();
    private final Map<String, Integer> fixedByStrategy = new TreeMap<>();
    private final Map<String, Integer> refusedByReason = new TreeMap<>();
    private final List<String> internalErrors = new ArrayList<>();
    private int filesScanned;
    private int warningSites;
    private int noteSites;

    private RewriteProof(ProofCorpus corpus, Path workDir, String strategy) {
        this.corpus = corpus;
        this.strategy = strategy;
        this.copy = workDir.resolve("copy");
        this.scratch = workDir.resolve("scratch");
    }

    /** Runs the whole proof with strategy auto on a copy of {@code corpus} in {@code workDir}. */
    public static Report run(ProofCorpus corpus, Path workDir) throws IOException {
        return run(corpus, workDir, FixOptions.AUTO);
    }

    /** Runs the whole proof with {@code strategy} (auto, or one forced) on a copy of {@code corpus}. */
    public static Report run(ProofCorpus corpus, Path workDir, String strategy) throws IOException {
        RewriteProof proof = new RewriteProof(corpus, workDir, strategy);
        Files.createDirectories(proof.scratch);
        proof.copyCorpus();
        proof.rewriteAll();
        return proof.check();
    }

    /** Copies src (a symbolic link as a link: GOPATH trees use relative ones), then what else the corpus needs. */
    private void copyCorpus() throws IOException {
        Path source = corpus.root().resolve("src").toRealPath();
        Path target = Files.createDirectories(copy).resolve("src");
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
        corpus.completeCopy(copy);
    }

    private FileFix fix(ParsedFile parsed, List<Finding> findings) {
        GoVersion version = versions.versionFor(Path.of(parsed.path()));
        return fixer.fix(parsed, findings, new FixOptions(strategy, 4, false, version));
    }

    private void rewriteAll() throws IOException {
        Path src = copy.resolve("src");
        for (Path file : new GoFileWalker(List.of()).list(List.of(src)).files()) {
            filesScanned++;
            byte[] content = Files.readAllBytes(file);
            if (!new String(content, StandardCharsets.ISO_8859_1).contains("defer")) {
                continue;
            }
            String relative = src.relativize(file).toString();
            ParsedFile parsed;
            try {
                // the real path: the escape analysis reads other files of the package beside it
                parsed = GoParsing.parse(file.toString(), content);
            } catch (SyntaxError broken) {
                if (!corpus.isKnownBroken(relative)) {
                    internalErrors.add("does not parse: " + broken.getMessage());
                }
                continue;
            }
            List<Finding> findings = Detector.detect(parsed, versions.versionFor(file));
            if (findings.stream().noneMatch(RewriteProof::isWarning)) {
                noteSites += (int) findings.stream().filter(RewriteProof::isNote).count();
                continue;
            }
            FileFix fix = fix(parsed, findings);
            if (fix.internalError() != null) {
                internalErrors.add(fix.internalError());
            }
            count(file, fix.findings());
            if (!fix.text().equals(parsed.source().text())) {
                rewritten.put(file, fix.text());
                originals.put(file, content);
            }
        }
    }

    private void count(Path file, List<Finding> findings) {
        for (Finding finding : findings) {
            if (isNote(finding)) {
                noteSites++;
            }
            if (!isWarning(finding)) {
                continue;
            }
            warningSites++;
            if (finding.resolution() != null && finding.resolution().isFixed()) {
                fixedByStrategy.merge(finding.resolution().strategy(), 1, Integer::sum);
            } else {
                String reason = finding.resolution() == null ? "unresolved" : finding.resolution().refusalReason();
                refusedByReason.merge(reason, 1, Integer::sum);
                refusedWarnings.computeIfAbsent(file, f -> new ArrayList<>()).add(finding);
            }
        }
    }

    private static boolean isWarning(Finding finding) {
        return finding.rule() == Rule.DEFER_IN_LOOP && !finding.isSuppressed() && finding.severity() == Severity.WARNING;
    }

    private static boolean isNote(Finding finding) {
        return finding.rule() == Rule.DEFER_IN_LOOP && !finding.isSuppressed() && finding.severity() == Severity.NOTE;
    }

    /**
     * One go vet run: a package, for linux/amd64 or for the GOOS a rewritten file is built for,
     * or one file alone (its path in {@code file}), which the go command builds whatever its tags.
     */
    private record VetTarget(String pkg, String goos, String file) {
        String describe() {
            if (!file.isEmpty()) {
                return file + " (alone)";
            }
            return goos.isEmpty() ? pkg : pkg + " (GOOS=" + goos + ")";
        }

        String argument(Path src) {
            return file.isEmpty() ? pkg : src.resolve(file).toString();
        }
    }

    private static final List<String> KNOWN_GOOS = List.of("aix", "android", "darwin", "dragonfly", "freebsd",
            "hurd", "illumos", "ios", "js", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos");

    private Report check() throws IOException {
        Path src = copy.resolve("src");
        TreeSet<String> packages = new TreeSet<>();
        rewritten.keySet().forEach(file -> packages.add(src.relativize(file.getParent()).toString()));
        List<VetTarget> targets = new ArrayList<>();
        packages.forEach(pkg -> targets.add(new VetTarget(pkg, "", "")));
        for (Path file : filesOutsideTheBuild(packages)) {
            String goos = goosOf(file.getFileName().toString());
            String pkg = src.relativize(file.getParent()).toString();
            // a build tag such as ignore (a generator run with go run) keeps the file out of every build
            VetTarget target = goos == null ? new VetTarget(pkg, "", src.relativize(file).toString())
                    : new VetTarget(pkg, goos, "");
            if (!targets.contains(target)) {
                targets.add(target);
            }
        }
        Map<VetTarget, GoToolchain.Result> before = vetEach(targets);
        for (Map.Entry<Path, String> entry : rewritten.entrySet()) {
            Files.writeString(entry.getKey(), entry.getValue(), StandardCharsets.UTF_8);
        }
        Map<VetTarget, GoToolchain.Result> after = vetEach(targets);
        List<String> baselineFailures = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (VetTarget target : targets) {
            GoToolchain.Result old = before.get(target);
            GoToolchain.Result now = after.get(target);
            if (old.exitCode() != 0) {
                baselineFailures.add("vet fails before the rewrite too: " + target.describe());
            }
            TreeSet<String> added = messages(now);
            added.removeAll(messages(old));
            if (now.exitCode() != 0 && (old.exitCode() == 0 || !added.isEmpty())) {
                broken.add("broken: " + target.describe() + "\n" + now.output().strip());
            }
        }
        List<String> formattedFirst = new ArrayList<>();
        List<String> unformatted = unformatted(formattedFirst);
        String title = corpus.title() + ", strategy " + strategy + ")";
        return new Report(title, filesScanned, warningSites, noteSites, fixedByStrategy, refusedByReason,
                targets.size(), baselineFailures, broken, unformatted, formattedFirst, rescanMismatches(),
                internalErrors, refusals());
    }

    /** The GOOS a file name restricts the file to (name_GOOS.go, name_GOOS_test.go, name_GOOS_GOARCH.go), or null. */
    static String goosOf(String fileName) {
        String[] parts = fileName.replaceFirst("(_test)?\\.go$", "").split("_");
        for (int i = parts.length - 1; i >= 1 && i >= parts.length - 2; i--) {
            if (KNOWN_GOOS.contains(parts[i])) {
                return parts[i];
            }
        }
        return null;
    }

    private List<String> refusals() {
        List<String> lines = new ArrayList<>();
        Path src = copy.resolve("src");
        refusedWarnings.values().forEach(findings -> findings.forEach(f -> lines.add("refused "
                + src.relativize(Path.of(f.path())) + ":"
                + f.start() + " " + oneLine(f.call()) + ": " + (f.resolution() == null ? "unresolved"
                : f.resolution().refusalReason() + ": " + f.resolution().explanation()))));
        return lines;
    }

    private static String oneLine(String code) {
        String flat = code.replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }

    /** Vet output lines without positions (a rewrite moves lines), for comparing before and after. */
    private static TreeSet<String> messages(GoToolchain.Result result) {
        TreeSet<String> lines = new TreeSet<>();
        for (String line : result.output().split("\n")) {
            // Positions go wherever they stand ("vet: ./a.go:52:13: ..."): a rewrite above moves them.
            lines.add(line.replaceAll("[^:\\s]+\\.go:\\d+(:\\d+)?: ", "").strip());
        }
        return lines;
    }

    private Map<VetTarget, GoToolchain.Result> vetEach(List<VetTarget> targets) {
        ExecutorService pool = Executors.newFixedThreadPool(VET_THREADS);
        try {
            Map<VetTarget, Future<GoToolchain.Result>> pending = new LinkedHashMap<>();
            for (VetTarget target : targets) {
                List<String> env = target.goos().isEmpty() ? List.of() : List.of("GOOS=" + target.goos());
                pending.put(target, pool.submit(() -> go(env, "go", "vet", target.argument(copy.resolve("src")))));
            }
            Map<VetTarget, GoToolchain.Result> results = new LinkedHashMap<>();
            for (Map.Entry<VetTarget, Future<GoToolchain.Result>> entry : pending.entrySet()) {
                results.put(entry.getKey(), entry.getValue().get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("go vet did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rewritten files that linux/amd64 does not compile (build tags, _GOOS names), so go vet there never sees them. */
    private List<Path> filesOutsideTheBuild(TreeSet<String> packages) {
        List<Path> outside = new ArrayList<>();
        Path src = copy.resolve("src");
        for (String pkg : packages) {
            GoToolchain.Result listed = go(List.of(), "go", "list", "-f",
                    "{{join .GoFiles \" \"}} {{join .CgoFiles \" \"}} {{join .TestGoFiles \" \"}} "
                            + "{{join .XTestGoFiles \" \"}}", pkg);
            List<String> names = List.of(listed.stdout().strip().split("\\s+"));
            for (Path file : rewritten.keySet()) {
                boolean inPackage = src.relativize(file.getParent()).toString().equals(pkg);
                if (inPackage && !names.contains(file.getFileName().toString())) {
                    outside.add(file);
                }
            }
        }
        return outside;
    }

    /**
     * Rewritten files gofmt would change. A file that was not gofmt-clean
     * before (a doc comment gofmt 1.19 reflows, say) is judged on gofmt's
     * own output instead: formatted first and rewritten again, it must come
     * out clean; those files are listed in {@code uncleanBefore}.
     */
    private List<String> unformatted(List<String> uncleanBefore) throws IOException {
        List<String> dirty = new ArrayList<>();
        for (Path file : gofmtWouldChange(rewritten.keySet(), dirty)) {
            Path original = Files.write(scratch.resolve("original.go"), originals.get(file));
            if (gofmtWouldChange(List.of(original), dirty).isEmpty()) {
                dirty.add("not gofmt-clean: " + file);
                continue;
            }
            GoToolchain.Result formatted = go(List.of(), "gofmt", original.toString());
            ParsedFile parsed;
            try {
                parsed = GoParsing.parse(file.toString(), formatted.stdout().getBytes(StandardCharsets.UTF_8));
            } catch (SyntaxError e) {
                dirty.add("gofmt's output does not parse: " + file + ": " + e.getMessage());
                continue;
            }
            Path again = Files.writeString(scratch.resolve("again.go"),
                    fix(parsed, Detector.detect(parsed, versions.versionFor(file))).text());
            if (gofmtWouldChange(List.of(again), dirty).isEmpty()) {
                uncleanBefore.add("not gofmt-clean before the rewrite (formatted first, the rewrite is clean): " + file);
            } else {
                dirty.add("not gofmt-clean, even when formatted before the rewrite: " + file);
            }
        }
        return dirty;
    }

    /** The files gofmt -l lists; a gofmt failure goes to {@code problems}. */
    private List<Path> gofmtWouldChange(Collection<Path> files, List<String> problems) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("gofmt", "-l"));
        files.forEach(file -> command.add(file.toString()));
        GoToolchain.Result result = go(List.of(), command.toArray(String[]::new));
        List<Path> listed = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                listed.add(Path.of(line.strip()));
            }
        }
        if (result.exitCode() != 0) {
            problems.add("gofmt failed: " + result.stderr().strip());
        }
        return listed;
    }

    /** Scanning a rewritten file again must find exactly its refused warnings (same function and call). */
    private List<String> rescanMismatches() throws IOException {
        List<String> mismatches = new ArrayList<>();
        Path src = copy.resolve("src");
        for (Path file : rewritten.keySet()) {
            String relative = src.relativize(file).toString();
            List<String> expected = new ArrayList<>();
            refusedWarnings.getOrDefault(file, List.of()).forEach(f -> expected.add(f.function() + ": " + f.call()));
            List<String> found = new ArrayList<>();
            try {
                ParsedFile parsed = GoParsing.parse(relative, Files.readAllBytes(file));
                for (Finding finding : Detector.detect(parsed, new GoModLocator().versionFor(file))) {
                    if (isWarning(finding)) {
                        found.add(finding.function() + ": " + finding.call());
                    }
                }
            } catch (SyntaxError e) {
                mismatches.add("rewritten file does not parse: " + e.getMessage());
                continue;
            }
            Collections.sort(expected);
            Collections.sort(found);
            if (!expected.equals(found)) {
                mismatches.add(relative + ": refused " + expected + " but the rescan finds " + found);
            }
        }
        return mismatches;
    }

    private GoToolchain.Result go(List<String> extraEnv, String... command) {
        List<String> env = new ArrayList<>(extraEnv);
        env.addAll(corpus.environment(copy));
        env.add("GOFLAGS=");
        env.add("GOTOOLCHAIN=local");
        env.add("GOCACHE=" + GO_CACHE);
        return GoToolchain.run(copy.resolve("src"), env, 1800, command);
    }

    /**
     * For scripts/verify-stdlib: {@code [GOROOT]} (default /usr/lib/go-1.19) or
     * {@code --gopath [GOPATH]} (default /usr/share/gocode), then optionally
     * {@code --strategy NAME} (default auto); prints the table, exits 1 when
     * anything is broken.
     */
    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        String strategy = FixOptions.AUTO;
        int option = rest.indexOf("--strategy");
        if (option >= 0 && option + 1 < rest.size()) {
            strategy = rest.get(option + 1);
            rest.subList(option, option + 2).clear();
        }
        boolean gopath = !rest.isEmpty() && rest.get(0).equals("--gopath");
        ProofCorpus corpus = gopath
                ? new ProofCorpus.Gopath(Path.of(rest.size() > 1 ? rest.get(1) : "/usr/share/gocode"))
                : new ProofCorpus.StandardLibrary(Path.of(rest.isEmpty() ? "/usr/lib/go-1.19" : rest.get(0)));
        String name = gopath ? "verify-gopath" : "verify-stdlib";
        Path work = WorkDirectories.fresh(strategy.equals(FixOptions.AUTO) ? name : name + "-" + strategy);
        Report report = run(corpus, work, strategy);
        System.out.print(report.table());
        System.out.println("work directory: " + work);
        boolean ok = report.broken().isEmpty() && report.unformatted().isEmpty()
                && report.rescanMismatches().isEmpty() && report.internalErrors().isEmpty();
        System.exit(ok ? 0 : 1);
    }
}
