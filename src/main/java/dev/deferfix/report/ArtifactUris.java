package dev.deferfix.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * SARIF artifact URIs: relative references with forward slashes (so that
 * code-scanning services resolve them against the checkout), percent-encoded
 * where a path needs it. An absolute path below the working directory is made
 * relative to it; other absolute paths become file: URIs.
 */
final class ArtifactUris {
    private ArtifactUris() {
    }

    static String of(String path) {
        Path file = Path.of(path);
        if (!file.isAbsolute()) {
            return relativeReference(path);
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path normalized = file.normalize();
        return normalized.startsWith(workingDirectory)
                ? relativeReference(workingDirectory.relativize(normalized).toString())
                : normalized.toUri().toString();
    }

    private static String relativeReference(String path) {
        String slashed = path.replace('\\', '/');
        while (slashed.startsWith("./")) {
            slashed = slashed.substring(2);
        }
        int colon = slashed.indexOf(':');
        if (colon >= 0 && colon < (slashed.indexOf('/') < 0 ? slashed.length() : slashed.indexOf('/'))) {
            slashed = "./" + slashed; // a colon in the first segment would read as a URI scheme
        }
        try {
            return new URI(null, null, slashed, null).toASCIIString();
        } catch (URISyntaxException impossible) {
            throw new IllegalArgumentException("not a path: " + path, impossible);
        }
    }
}
