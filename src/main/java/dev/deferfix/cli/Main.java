package dev.deferfix.cli;

import dev.deferfix.diagnose.ParseAll;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Temporary entry point until the command line is built. */
public final class Main {
    public static void main(String[] args) throws Exception {
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-")) {
                paths.add(Path.of(a));
            }
        }
        ParseAll.Summary s = ParseAll.run(paths, Runtime.getRuntime().availableProcessors(), System.err);
        System.err.println(s.line());
        System.exit(s.errors() > 0 ? 2 : 0);
    }
}
