package dev.deferfix.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * SARIF artifact URIs: relative references with forward slashes (so that
 * code-scanning services resolve them against the checkout), percent-encoded
 * where a path needs it. Absolute paths stay absolute as file: URIs.
 */
final class ArtifactUris {
    private ArtifactUris() {
    }

    static String of(String path) {
        String slashed = path.replace('\\', '/');
        if (Path.of(path).isAbsolute()) {
            return Path.of(path).toUri().toString();
        }
        try {
            return new URI(null, null, slashed.startsWith("./") ? slashed.substring(2) : slashed, null)
                    .toASCIIString();
        } catch (URISyntaxException impossible) {
            throw new IllegalArgumentException("not a path: " + path, impossible);
        }
    }
}
