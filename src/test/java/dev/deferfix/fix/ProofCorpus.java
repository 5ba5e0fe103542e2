package dev.deferfix.fix;

import dev.deferfix.testing.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tree of real Go code that {@link RewriteProof} copies, rewrites and checks:
 * where its {@code src} directory is, what else the copy needs, and how the
 * go command finds packages in the copy.
 */
sealed interface ProofCorpus {
    /** The table's first line. */
    String title();

    /** The directory whose {@code src} is copied. */
    Path root();

    /** Completes a copy whose {@code src} is in place, so the go command can build from it. */
    void completeCopy(Path copy) throws IOException;

    /** The environment that points the go command at the copy. */
    List<String> environment(Path copy);

    /** A file (relative to src) that is broken on purpose, so not parsing it is no error of ours. */
    boolean isKnownBroken(String relative);

    /** A Go 1.19 GOROOT: its standard library is built with the toolchain linked from the real one. */
    record StandardLibrary(Path goroot) implements ProofCorpus {
        @Override
        public String title() {
            return "stdlib rewrite proof (Go 1.19 standard library";
        }

        @Override
        public Path root() {
            return goroot;
        }

        @Override
        public void completeCopy(Path copy) throws IOException {
            Files.createDirectories(copy.resolve("pkg"));
            for (String tool : List.of("tool", "include")) {
                Files.createSymbolicLink(copy.resolve("pkg").resolve(tool), goroot.resolve("pkg").resolve(tool));
            }
            Files.copy(goroot.resolve("VERSION"), copy.resolve("VERSION"));
        }

        @Override
        public List<String> environment(Path copy) {
            return List.of("GOROOT=" + copy);
        }

        @Override
        public boolean isKnownBroken(String relative) {
            return GoToolchain.isKnownBrokenStdlibFile(relative);
        }
    }

    /** A GOPATH tree such as Debian's /usr/share/gocode, built in GOPATH mode against the installed Go. */
    record Gopath(Path gopath) implements ProofCorpus {
        @Override
        public String title() {
            return "GOPATH rewrite proof (" + gopath;
        }

        @Override
        public Path root() {
            return gopath;
        }

        @Override
        public void completeCopy(Path copy) {
            // src is all a GOPATH needs
        }

        @Override
        public List<String> environment(Path copy) {
            return List.of("GOPATH=" + copy, "GO111MODULE=off");
        }

        @Override
        public boolean isKnownBroken(String relative) {
            return false;
        }
    }
}
