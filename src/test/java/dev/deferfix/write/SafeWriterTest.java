package dev.deferfix.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deferfix.run.FileStamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeWriterTest {
    @TempDir
    Path dir;

    private final InFlightTemps temps = new InFlightTemps();
    private final SafeWriter writer = new SafeWriter(temps);

    @AfterEach
    void closeTemps() {
        temps.close();
    }

    @Test
    void replacesContentKeepsPermissionBitsAndLeavesNoTemporaryFile() throws IOException {
        Path file = write("a.go", "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        byte[] original = Files.readAllBytes(file);
        assertNull(writer.write("a.go", file, FileStamp.of(file), original, bytes("new\n")));
        assertEquals("new\n", Files.readString(file));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file), entries());
    }

    @Test
    void leavesAFileThatChangedSinceItWasRead() throws IOException {
        Path file = write("a.go", "old\n");
        FileStamp stamp = FileStamp.of(file);
        byte[] original = Files.readAllBytes(file);
        Files.writeString(file, "edited by someone else\n");
        String error = writer.write("a.go", file, stamp, original, bytes("new\n"));
        assertEquals("a.go: changed on disk since it was read; not rewritten", error);
        assertEquals("edited by someone else\n", Files.readString(file));
        assertEquals(List.of(file), entries());
    }

    @Test
    void noticesSameSizeChangeWithRestoredModificationTime() throws IOException {
        Path file = write("a.go", "abc\n");
        FileStamp stamp = FileStamp.of(file);
        byte[] original = Files.readAllBytes(file);
        Files.writeString(file, "xyz\n");
        Files.setLastModifiedTime(file, stamp.modified());
        String error = writer.write("a.go", file, stamp, original, bytes("new\n"));
        assertEquals("a.go: changed on disk since it was read; not rewritten", error);
        assertEquals("xyz\n", Files.readString(file));
    }

    @Test
    void refusesReadOnlyFile() throws IOException {
        Path file = write("a.go", "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        String error = writer.write("a.go", file, FileStamp.of(file), Files.readAllBytes(file), bytes("new\n"));
        assertEquals("a.go: file is read-only; not rewritten", error);
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of(file), entries());
    }

    @Test
    void refusesReadOnlyDirectory() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path file = Files.writeString(sub.resolve("a.go"), "old\n");
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            String error = writer.write("sub/a.go", file, FileStamp.of(file), Files.readAllBytes(file), bytes("new\n"));
            assertEquals("sub/a.go: directory " + sub + " is read-only; not rewritten", error);
            assertEquals("old\n", Files.readString(file));
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void staleTemporaryFilesOfAKilledRunAreSwept() throws IOException {
        Path file = write("a.go", "old\n");
        Path stale = write(".a.go.12345" + InFlightTemps.SUFFIX, "half");
        Path unrelated = write(".keep.tmp", "mine");
        assertEquals(List.of(), StaleTemps.sweep(List.of(dir)));
        assertTrue(Files.exists(file));
        assertTrue(Files.exists(unrelated));
        assertTrue(Files.notExists(stale));
    }

    @Test
    void temporaryFileLivesBesideTheTargetAndIsHidden() throws IOException {
        Path file = write("a.go", "old\n");
        Path temp = temps.create(file);
        try {
            assertEquals(dir, temp.getParent());
            assertTrue(temp.getFileName().toString().startsWith(".a.go."));
            assertTrue(temp.getFileName().toString().endsWith(InFlightTemps.SUFFIX));
        } finally {
            Files.delete(temp);
            temps.done(temp);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
