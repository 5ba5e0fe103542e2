package dev.deferfix.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The temporary files being written right now. A shutdown hook (Ctrl-C,
 * SIGTERM) deletes them, and once shutdown has begun no new one is created,
 * so an interrupted run leaves no temporary file behind: every original is
 * either untouched or already replaced in one rename.
 */
public final class InFlightTemps implements AutoCloseable {
    /** Temporary names are ".NAME.RANDOM.defer-fix.tmp" beside the file they replace. */
    static final String SUFFIX = ".defer-fix.tmp";

    private final Set<Path> inFlight = new HashSet<>();
    private final Thread hook = new Thread(this::deleteAll, "defer-fix-cleanup");
    private boolean shuttingDown;

    public InFlightTemps() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Creates an empty temporary file beside {@code target}. */
    public synchronized Path create(Path target) throws IOException {
        if (shuttingDown) {
            throw new IOException("interrupted");
        }
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(),
                "." + target.getFileName() + ".", SUFFIX);
        inFlight.add(temp);
        return temp;
    }

    /** Forgets a temporary file that was renamed or deleted. */
    public synchronized void done(Path temp) {
        inFlight.remove(temp);
    }

    private synchronized void deleteAll() {
        shuttingDown = true;
        for (Path temp : inFlight) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Nothing more can be done while the JVM is going down.
            }
        }
        inFlight.clear();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or ran; it did the cleanup.
        }
    }
}
