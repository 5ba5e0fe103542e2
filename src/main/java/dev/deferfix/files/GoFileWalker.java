package dev.deferfix.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lists the Go files a run covers, like the go tool: directories are walked
 * recursively, skipping {@code vendor/}, {@code testdata/} and directories
 * whose names start with "." or "_" unless they were named explicitly;
 * directory symlinks are not followed; {@code --exclude} globs match the path
 * relative to the named root or the file name.
 */
public final class GoFileWalker {

    /**
     * The files found, those of them that are symbolic links (known from the
     * walk, so no file needs another system call to tell), and one message per
     * argument or entry that could not be walked.
     */
    public record Listing(List<Path> files, Set<Path> links, List<String> problems) {
    }

    private final List<PathMatcher> excludes = new ArrayList<>();

    public GoFileWalker(List<String> excludeGlobs) {
        for (String glob : excludeGlobs) {
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
    }

    public Listing list(List<Path> roots) {
        TreeSet<Path> files = new TreeSet<>();
        Set<Path> links = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walkDirectory(root, files, links, problems);
            } else if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                files.add(root);
                if (Files.isSymbolicLink(root)) {
                    links.add(root);
                }
            } else {
                problems.add(root + ": no such file or directory");
            }
        }
        return new Listing(List.copyOf(files), links, problems);
    }

    private void walkDirectory(Path root, TreeSet<Path> files, Set<Path> links, List<String> problems) {
        // A directory named on the command line is walked even when it is a link to one (the walk itself
        // never follows links): "root/." makes the file system resolve the link, and files keep root's name.
        Path start = Files.isSymbolicLink(root) ? root.resolve(".") : root;
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path visited, BasicFileAttributes attrs) {
                    Path dir = named(visited);
                    if (!visited.equals(start) && (isSkippedDirectory(dir) || isExcluded(root, dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path visited, BasicFileAttributes attrs) {
                    if (!visited.getFileName().toString().endsWith(".go") || attrs.isDirectory()) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path file = named(visited);
                    if (!isExcluded(root, file)) {
                        if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                        files.add(file);
                        if (attrs.isSymbolicLink()) {
                            links.add(file);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path visited, IOException e) {
                    Path file = named(visited);
                    problems.add(file + ": cannot read: " + describe(e));
                    return FileVisitResult.CONTINUE;
                }

                /** The path under the name the root was given (the same path unless root is a link). */
                private Path named(Path visited) {
                    return start == root ? visited : root.resolve(start.relativize(visited));
                }
            });
        } catch (IOException e) {
            problems.add(root + ": cannot read: " + describe(e));
        }
    }

    private static boolean isSkippedDirectory(Path dir) {
        String name = dir.getFileName().toString();
        return name.equals("vendor") || name.equals("testdata") || name.startsWith(".") || name.startsWith("_");
    }

    private boolean isExcluded(Path root, Path path) {
        if (excludes.isEmpty()) {
            return false;
        }
        Path relative = root.relativize(path);
        for (PathMatcher exclude : excludes) {
            if (exclude.matches(relative) || exclude.matches(path.getFileName()) || exclude.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        String reason = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (reason == null ? "" : " " + reason);
    }
}
