package dev.deferfix.run;

import java.nio.file.Path;

/**
 * The bytes of one input, read once.
 *
 * @param displayPath how messages and diffs name it
 * @param location    where it lives (for the go.mod lookup and for writing); for standard input the
 *                    --stdin-filename or a name in the working directory
 * @param stamp       size and modification time when it was read; null for standard input
 */
public record SourceFile(String displayPath, Path location, byte[] content, FileStamp stamp) {
}
