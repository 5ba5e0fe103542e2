package dev.deferfix.run;

import dev.deferfix.files.GoFileWalker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns path arguments into the files of a run. Directories are walked like
 * the go tool does ({@link GoFileWalker}); {@code dir/...} means {@code dir}.
 *
 * <p>Symbolic links to files: a link whose target lies inside the scanned tree
 * (a directory named on the command line, or for a file argument the link's
 * own directory) is rewritten through the link, i.e. the target is replaced
 * and the link stays a link; when the target is itself one of the files of the
 * run, the link is skipped so the file is processed once. A link to a file
 * outside the tree is read but never written. Dangling links and link loops
 * are reported as errors. Directory links are not followed.
 */
public final class InputTargets {

    /** The files, and one message per path that cannot be processed. */
    public record Listing(List<Target> targets, List<String> problems) {
    }

    private final Path workingDirectory;
    private final GoFileWalker walker;

    public InputTargets(Path workingDirectory, List<String> excludes) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.walker = new GoFileWalker(excludes);
    }

    public Listing list(List<String> arguments) {
        List<Path> roots = new ArrayList<>();
        for (String argument : arguments) {
            String path = argument.equals("...") ? "." : argument.endsWith("/...")
                    ? argument.substring(0, argument.length() - "/...".length()) : argument;
            roots.add(workingDirectory.resolve(path.isEmpty() ? "/" : path).normalize());
        }
        GoFileWalker.Listing walked = walker.list(roots);
        List<String> problems = new ArrayList<>();
        for (String problem : walked.problems()) {
            problems.add(relativeProblem(problem));
        }
        List<Path> trees = treesOf(roots);
        Set<Path> plainFiles = new HashSet<>();
        List<Path> files = walked.files();
        for (Path file : files) {
            if (!walked.links().contains(file)) {
                plainFiles.add(file);
            }
        }
        Set<Path> linkedTargets = new HashSet<>();
        List<Target> targets = new ArrayList<>();
        for (Path file : files) {
            String shown = display(file);
            if (!walked.links().contains(file)) {
                targets.add(new Target(shown, file, file, null));
                continue;
            }
            Path real;
            try {
                real = file.toRealPath();
            } catch (NoSuchFileException dangling) {
                problems.add(shown + ": dangling symbolic link (its target does not exist)");
                continue;
            } catch (IOException e) {
                problems.add(shown + (SymlinkLoops.isLoop(file) ? ": symbolic link loop"
                        : ": cannot follow symbolic link: " + IoMessages.describe(e)));
                continue;
            }
            if (plainFiles.contains(real) || !linkedTargets.add(real)) {
                continue;
            }
            boolean inside = trees.stream().anyMatch(real::startsWith)
                    || roots.contains(file) && real.startsWith(realParent(file));
            targets.add(inside ? new Target(shown, file, real, null)
                    : new Target(shown, file, null, "symbolic link to a file outside the scanned tree"));
        }
        return new Listing(targets, problems);
    }

    /** The real paths of the directories named on the command line. */
    private static List<Path> treesOf(List<Path> roots) {
        List<Path> trees = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try {
                    trees.add(root.toRealPath());
                } catch (IOException unreadable) {
                    // The walker reports it.
                }
            }
        }
        return trees;
    }

    private static Path realParent(Path file) {
        try {
            return file.getParent().toRealPath();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    public String display(Path absolute) {
        return absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
                ? workingDirectory.relativize(absolute).toString() : absolute.toString();
    }

    private String relativeProblem(String problem) {
        String prefix = workingDirectory + "/";
        return problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
    }
}
