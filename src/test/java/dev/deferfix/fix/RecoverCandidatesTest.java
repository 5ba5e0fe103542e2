package dev.deferfix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deferfix.parse.GoParsing;
import dev.deferfix.parse.SourceText;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RecoverCandidates: which declarations' tokens hold recover(, from the tokens alone. */
class RecoverCandidatesTest {

    @Test
    void findsFunctionsAndMethodsWhoseTokensCallRecover() throws Exception {
        SourceText source = SourceText.of("x.go", """
                package p

                // recover() in a comment is no call
                func plain() { recover() }

                func (r *res) method(x int) (err error) { recover(); return nil }

                func (g guard[T]) generic() {
                	func() { recover() }()
                }

                var h = func() { recover() }

                func none() { _ = "recover()" }

                func (r res) Recover() {}
                """);
        RecoverCandidates candidates = RecoverCandidates.of(GoParsing.tokenize(source), source);
        assertEquals(Set.of("plain"), candidates.functions());
        assertEquals(Set.of("method", "generic"), candidates.methods());
    }
}
