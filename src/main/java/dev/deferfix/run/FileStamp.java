package dev.deferfix.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/** Size and modification time of a file, to notice that it changed after it was read. */
public record FileStamp(long size, FileTime modified) {

    public static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(), attributes.lastModifiedTime());
    }

    // equals and hashCode as a record defines them, written out: the generated ones bootstrap
    // through java.lang.invoke on first use, several milliseconds of a one-file -w.

    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp that && size == that.size && modified.equals(that.modified);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + modified.hashCode();
    }
}
