package dev.deferfix.write;

import dev.deferfix.run.FileStamp;
import dev.deferfix.run.IoMessages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * Replaces a file's content so that a crash at any moment leaves either the
 * old or the new content: write a temporary file in the same directory,
 * flush it to disk, then rename it over the original. Keeps permission bits,
 * and leaves the file alone when it changed on disk since it was read.
 */
public final class SafeWriter {
    private final InFlightTemps temps;

    public SafeWriter(InFlightTemps temps) {
        this.temps = temps;
    }

    /**
     * @param shownAs  the name for messages
     * @param target   the file to replace (a symlink is resolved by the caller)
     * @param stamp    size and modification time when it was read
     * @param original the bytes that were read
     * @return null when written, else the one-line reason it was not
     */
    public String write(String shownAs, Path target, FileStamp stamp, byte[] original, byte[] replacement) {
        Path temp = null;
        try {
            String refusal = refusal(target, stamp, original);
            if (refusal != null) {
                return shownAs + ": " + refusal + "; not rewritten";
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
            temp = temps.create(target);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(replacement);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.setPosixFilePermissions(temp, permissions);
            refusal = changedSinceRead(target, stamp, original);
            if (refusal != null) {
                return shownAs + ": " + refusal + "; not rewritten";
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            return null;
        } catch (IOException e) {
            return shownAs + ": cannot write: " + IoMessages.describe(e) + "; not rewritten";
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
                temps.done(temp);
            }
        }
    }

    /** Read-only files and directories are refused by their permission bits, also when running as root. */
    private static String refusal(Path target, FileStamp stamp, byte[] original) throws IOException {
        if (!Files.getPosixFilePermissions(target).contains(PosixFilePermission.OWNER_WRITE)) {
            return "file is read-only";
        }
        Path directory = target.toAbsolutePath().getParent();
        if (!Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OWNER_WRITE)) {
            return "directory " + directory + " is read-only";
        }
        return changedSinceRead(target, stamp, original);
    }

    private static String changedSinceRead(Path target, FileStamp stamp, byte[] original) throws IOException {
        if (!FileStamp.of(target).equals(stamp) || !Arrays.equals(Files.readAllBytes(target), original)) {
            return "changed on disk since it was read";
        }
        return null;
    }

    /** Makes the rename itself durable; not every file system allows it, and the rename has happened anyway. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory.toAbsolutePath(), StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort only.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Reported by the next run's sweep if it stays.
        }
    }
}
