package dev.deferfix.fix;

import dev.deferfix.find.Finding;
import java.util.List;

/**
 * The outcome of the rewrite stage for one file.
 *
 * @param findings      the findings, each with its resolution
 * @param text          the new text (equal to the original when nothing changed)
 * @param internalError set when a planned rewrite did not parse; then text is the original
 */
public record FileFix(List<Finding> findings, String text, String internalError) {
}
