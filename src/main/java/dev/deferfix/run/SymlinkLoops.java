package dev.deferfix.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Tells a symbolic link loop from other reasons a link cannot be followed. */
final class SymlinkLoops {
    /** The kernel gives up after 40 links too. */
    private static final int MAX_HOPS = 40;

    private SymlinkLoops() {
    }

    static boolean isLoop(Path link) {
        Set<Path> seen = new HashSet<>();
        Path current = link.toAbsolutePath().normalize();
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (!Files.isSymbolicLink(current)) {
                return false;
            }
            if (!seen.add(current)) {
                return true;
            }
            try {
                current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
            } catch (IOException unreadable) {
                return false;
            }
        }
        return true;
    }
}
