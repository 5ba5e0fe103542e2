package dev.deferfix.write;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
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

    /** Owner-only while being written, as Files.createTempFile would make it. */
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
    /** Tries before giving up on finding a free name (each clash is a 1 in 2^64 chance). */
    private static final int ATTEMPTS = 100;

    private final Set<Path> inFlight = new HashSet<>();
    private final Random names = new Random();
    private final Thread hook = new Thread(new Runnable() { // not a lambda: each costs start-up time
        @Override
        public void run() {
            deleteAll();
        }
    }, "defer-fix-cleanup");
    private boolean shuttingDown;

    public InFlightTemps() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Creates an empty temporary file beside {@code target}. */
    public synchronized Path create(Path target) throws IOException {
        if (shuttingDown) {
            throw new IOException("interrupted");
        }
        // Not Files.createTempFile: its SecureRandom took 20 ms of a one-file -w. A new file
        // (O_EXCL, so never an existing file or symlink) under a random name does the same here.
        Path directory = target.toAbsolutePath().getParent();
        for (int attempt = 1; ; attempt++) {
            Path temp = directory.resolve("." + target.getFileName() + "." + Long.toUnsignedString(names.nextLong())
                    + SUFFIX);
            try {
                Files.createFile(temp, PRIVATE);
            } catch (FileAlreadyExistsException clash) {
                if (attempt == ATTEMPTS) {
                    throw clash;
                }
                continue;
            }
            inFlight.add(temp);
            return temp;
        }
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
