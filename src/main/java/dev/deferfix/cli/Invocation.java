package dev.deferfix.cli;

import dev.deferfix.run.RunOptions;
import java.util.List;

/**
 * A checked command line.
 *
 * @param paths     the path arguments (empty when reading standard input)
 * @param stdin     read standard input ('-')
 * @param stdinName --stdin-filename, or null
 * @param format    text, json or sarif
 * @param colorMode auto, always or never
 * @param diffBase  --diff-base, or null
 */
record Invocation(RunOptions run, List<String> paths, boolean stdin, String stdinName, String format,
                  boolean explain, String colorMode, String diffBase) {
}
