package dev.deferfix.find;

import dev.deferfix.parse.SourceText;

/**
 * Where a finding sits in its file's text: what the reports need of its site
 * once the syntax tree is let go (a tree takes some fifty times the text).
 *
 * @param deferStart the defer statement's start offset
 * @param deferEnd   its end offset (exclusive)
 * @param loopStart  where the statement that repeats it starts (the loop, or a goto's label)
 */
public record SiteOffsets(SourceText source, int deferStart, int deferEnd, int loopStart) {

    static SiteOffsets of(DeferSite site) {
        return new SiteOffsets(site.file().source(), site.defer().start(), site.defer().end(),
                site.loopAnchor().start());
    }
}
