package dev.deferfix.fix;

import dev.deferfix.parse.GoToken;
import dev.deferfix.parse.ParsedFile;
import dev.deferfix.parse.TokenKind;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out names for variables a rewrite introduces. A name is never one that
 * any identifier of the file already spells, nor one that another rewrite of
 * the same round brings in, so the new variable can neither capture a use of
 * the user's variable nor be captured by one, nor be declared twice in one
 * scope.
 */
public final class FreshNames {
    private final Set<String> taken;

    private FreshNames(Set<String> taken) {
        this.taken = taken;
    }

    /** Names fresh in the unit's file and among the names rewrites planned earlier in its round introduce. */
    public static FreshNames of(LoopUnit unit) {
        FreshNames names = of(unit.file());
        names.taken.addAll(unit.namesOfRound());
        return names;
    }

    public static FreshNames of(ParsedFile file) {
        Set<String> taken = new HashSet<>();
        for (GoToken token : file.tokens()) {
            if (token.kind() == TokenKind.IDENTIFIER) {
                taken.add(token.text(file.source()));
            }
        }
        return new FreshNames(taken);
    }

    /** {@code base} if no identifier of the file is spelled so, else base1, base2, ...; the name is then taken. */
    public String fresh(String base) {
        String name = base;
        for (int n = 1; taken.contains(name); n++) {
            name = base + n;
        }
        taken.add(name);
        return name;
    }
}
