package dev.deferfix.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    @Test
    void golangciLintForms() {
        for (String comment : List.of("//nolint", "//nolint:all", "//nolint:deferinloop", "//nolint:errcheck,deferinloop",
                "//nolint:errcheck, deferinloop", "//nolint:deferinloop,all")) {
            assertNotNull(Suppressions.parse(comment), comment);
        }
    }

    @Test
    void otherLintersAndLookalikesDoNotSuppress() {
        for (String comment : List.of("//nolint:errcheck", "//nolint:deferinloops", "//nolintdeferinloop",
                "// nolint is not machine-readable", "//defer-fix:ignored", "//defer-fix:ignoreall",
                "// defer-fix:ignore", "//lint:ignore deferinloop")) {
            assertNull(Suppressions.parse(comment), comment);
        }
    }

    @Test
    void justificationIsKept() {
        assertEquals("few files", Suppressions.parse("//nolint:deferinloop // few files").justification());
        assertEquals("closed by the caller", Suppressions.parse("//defer-fix:ignore closed by the caller").justification());
        assertEquals("", Suppressions.parse("//nolint").justification());
    }
}
