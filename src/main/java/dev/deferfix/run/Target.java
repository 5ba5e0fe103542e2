package dev.deferfix.run;

import java.nio.file.Path;

/**
 * One file to process.
 *
 * @param displayPath   how messages and diffs name it: relative to the working directory when inside it
 * @param path          the absolute path it was found at
 * @param writeTo       the file to replace when rewriting (a symlink's target), or null when it must not be written
 * @param noWriteReason why it must not be written, when writeTo is null
 */
public record Target(String displayPath, Path path, Path writeTo, String noWriteReason) {
}
