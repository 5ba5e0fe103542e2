package dev.deferfix.testing;

import dev.deferfix.find.Detector;
import dev.deferfix.find.Finding;
import dev.deferfix.find.GoVersion;
import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SyntaxError;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Go source held in a test, through the real parser and detector. */
public final class GoSources {
    private GoSources() {
    }

    public static ParsedFile parse(String path, String source) {
        try {
            return GoParsing.parse(path, source.getBytes(StandardCharsets.UTF_8));
        } catch (SyntaxError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static List<Finding> findings(String path, String source, GoVersion version) {
        return Detector.detect(parse(path, source), version);
    }
}
