package dev.deferfix.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Copies and snapshots of directory trees, for tests that compare a tree before and after a run. */
final class FileTrees {
    static final String TEMP_SUFFIX = ".defer-fix.tmp";

    private FileTrees() {
    }

    /** Every regular file below {@code root} by its relative path, with its bytes. */
    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    static void write(Path root, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /** Temporary files of the safe writer anywhere below {@code root}. */
    static List<Path> temporaryFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code copies} copies of every .go file and go.mod under {@code fixtures}, as copyNNN/relative/path. */
    static Map<String, byte[]> fixtureCopies(Path fixtures, int copies) throws IOException {
        Map<String, byte[]> one = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(fixtures)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".go") || name.equals("go.mod")) {
                    one.put(fixtures.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
        }
        Map<String, byte[]> all = new TreeMap<>();
        for (int copy = 0; copy < copies; copy++) {
            String prefix = String.format("copy%03d/", copy);
            one.forEach((relative, bytes) -> all.put(prefix + relative, bytes));
        }
        return all;
    }

    static List<String> goFiles(Map<String, byte[]> tree) {
        List<String> names = new ArrayList<>();
        for (String name : tree.keySet()) {
            if (name.endsWith(".go")) {
                names.add(name);
            }
        }
        return names;
    }
}
