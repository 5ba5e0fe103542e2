package dev.deferfix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArtifactUrisTest {
    @Test
    void relativePathsStayRelativeWithForwardSlashes() {
        assertEquals("a/b.go", ArtifactUris.of("a/b.go"));
        assertEquals("a/b.go", ArtifactUris.of("./a/b.go"));
        assertEquals("a/b.go", ArtifactUris.of("a\\b.go"));
    }

    @Test
    void unusualCharactersAreEncoded() {
        assertEquals("my%20dir/%C3%BC%25.go", ArtifactUris.of("my dir/ü%.go"));
        assertEquals("./c:d.go", ArtifactUris.of("c:d.go"));
    }

    @Test
    void absolutePathsBelowTheWorkingDirectoryBecomeRelative() {
        Path inside = Path.of("").toAbsolutePath().resolve("x/y.go");
        assertEquals("x/y.go", ArtifactUris.of(inside.toString()));
        String outside = ArtifactUris.of("/nowhere-else/z.go");
        assertTrue(outside.startsWith("file:/") && outside.endsWith("/nowhere-else/z.go"), outside);
    }
}
