package dev.deferfix.fix;

import dev.deferfix.find.DeferSite;
import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.SourceText;
import java.util.List;

/**
 * Refuses a defer whose comment speaks of when it runs: the comment on its
 * line or the comment lines right above it speak of its timing ("Leave c
 * open until the listener is closed", "not before the check at the bottom
 * of this test", "yup, defer in a loop"). Such a hold is
 * deliberate, and after a rewrite the comment would say something false. The
 * author can confirm with {@code //defer-fix:ignore}, or reword the comment.
 */
public final class TimingCommentCheck implements SiteCheck {
    /**
     * Whole words and phrases, matched on the comment's letters in lower case,
     * between single spaces. Not "defer", "deferred" or "later" alone: a
     * comment that believes the defer runs per iteration ("deferred per
     * iteration", "close it later") uses them too.
     */
    private static final List<String> TIMING_WORDS = List.of(" until ", " eventually ", " not before ", " queue ",
            " queued ", " on purpose ", " deliberate ", " deliberately ", " intentional ", " intentionally ",
            " after the loop ", " after we finish ", " after we re done ", " after we are done ",
            " end of the test ", " end of the function ", " defer in a loop ");

    @Override
    public Refusal check(LoopUnit unit, DeferSite site) {
        ParsedFile file = unit.file();
        String comment = commentAt(file, site.defer().start());
        String words = lettersAndSpaces(comment);
        for (String timing : TIMING_WORDS) {
            if (words.contains(timing)) {
                return new Refusal(RefusalReason.TIMING_COMMENTED, "the comment says \"" + timing.strip()
                        + "\": " + comment.strip().replace('\n', ' '));
            }
        }
        return null;
    }

    /**
     * The comments on the defer's line and on the lines right above it that
     * hold nothing else, joined; without analysis directives ({@code // want},
     * {@code //nolint}, {@code //defer-fix:}), which are not prose.
     */
    static String commentAt(ParsedFile file, int deferStart) {
        SourceText source = file.source();
        int deferLine = source.line(deferStart);
        StringBuilder above = new StringBuilder();
        StringBuilder beside = new StringBuilder();
        int nextLine = deferLine;
        List<GoToken> tokens = file.tokens();
        int index = file.tokenIndexAt(deferStart);
        for (int i = index - 1; i >= 0; i--) {
            GoToken token = tokens.get(i);
            if (token.isHidden() && !token.isComment() || token.start() == token.end()) {
                continue;
            }
            if (!token.isComment()) {
                break;
            }
            int line = source.line(token.start());
            boolean alone = source.text().substring(source.lineStart(line), token.start()).isBlank();
            if (!alone || source.line(token.end() - 1) < nextLine - 1) {
                break;
            }
            above.insert(0, prose(token.text(source)) + " ");
            nextLine = line;
        }
        for (int i = index; i < tokens.size() && source.line(tokens.get(i).start()) == deferLine; i++) {
            if (tokens.get(i).isComment()) {
                beside.append(' ').append(prose(tokens.get(i).text(source)));
            }
        }
        return above.append(beside).toString();
    }

    private static String prose(String comment) {
        String body = comment.startsWith("//") ? comment.substring(2).strip() : comment;
        boolean directive = body.startsWith("want ") || comment.startsWith("//nolint")
                || comment.startsWith("//defer-fix:");
        return directive ? "" : comment;
    }

    private static String lettersAndSpaces(String text) {
        StringBuilder words = new StringBuilder(" ");
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.isLetter(c)) {
                words.append(c);
            } else if (words.charAt(words.length() - 1) != ' ') {
                words.append(' ');
            }
        }
        return words.append(' ').toString();
    }
}
