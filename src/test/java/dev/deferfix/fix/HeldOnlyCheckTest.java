package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HeldOnlyCheck: a resource the iteration makes and uses for nothing but its deferred cleanup stays deferred. */
class HeldOnlyCheckTest {

    private static String loopWith(String body) {
        return """
                package p

                import (
                	"context"
                	"database/sql"
                	"fmt"
                	"os"
                )

                func f(ctx context.Context, db *sql.DB, n int) error {
                	for i := 0; i < n; i++ {
                		BODY
                	}
                	return nil
                }
                """.replace("BODY", body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rows, err := db.Query(\"SELECT 1\")\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tdefer rows.Close()",
        "conn, err := db.Conn(ctx)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tdefer func() { conn.Close() }()",
        "_, cancel := context.WithCancel(ctx)\n\t\tdefer cancel()",
        "name := fmt.Sprint(i)\n\t\tdefer os.Remove(name)",
        "cwd, err := os.Getwd()\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tdefer os.Chdir(cwd)",
    })
    void refusesWhatOnlyItsCleanupUses(String body) throws Exception {
        Refusal refusal = EscapeAnalysisTest.assertRefused(loopWith(body), new HeldOnlyCheck(), RefusalReason.HELD_ONLY);
        assertTrue(refusal.detail().endsWith("is used by nothing in the body but its deferred cleanup"), refusal.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rows, err := db.Query(\"SELECT 1\")\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tdefer rows.Close()\n\t\tfor rows.Next() {\n\t\t}",
        "rows, err := db.Query(\"SELECT 1\")\n\t\tif err != nil || rows.Err() != nil {\n\t\t\treturn err\n\t\t}\n\t\tdefer rows.Close()",
        "c, cancel := context.WithCancel(ctx)\n\t\tdefer cancel()\n\t\tdb.PingContext(c)",
        "defer db.Close()",
        "name := fmt.Sprint(i)\n\t\tos.WriteFile(name, nil, 0o600)\n\t\tdefer os.Remove(name)",
    })
    void letsThroughWhatTheIterationUses(String body) throws Exception {
        assertNull(EscapeAnalysisTest.check(loopWith(body), new HeldOnlyCheck()), body);
    }

    @Test
    void namesTheHeldVariableAndItsLine() throws Exception {
        String body = "rows, err := db.Query(\"SELECT 1\")\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tdefer rows.Close()";
        Refusal refusal = EscapeAnalysisTest.check(loopWith(body), new HeldOnlyCheck());
        assertEquals("rows (line 12) is used by nothing in the body but its deferred cleanup", refusal.detail());
    }
}
