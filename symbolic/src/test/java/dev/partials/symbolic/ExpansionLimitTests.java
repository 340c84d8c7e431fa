package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import org.junit.jupiter.api.Test;

/**
 * {@link Symbolic#expand} at its limit: a product of sums of a and b terms counts a·b, a power
 * counts its multinomial number of terms, a result counts its terms and constant; exactly the limit
 * passes, one fewer is refused before the work, with the limit in the exception.
 */
class ExpansionLimitTests {

    @Test
    void productOfSumsCountsTheProductOfTheirSizes() {
        // (x + y + z)(x + y) has 3·2 = 6 pairs, though only 5 distinct terms after collecting
        assertThat(expand("(x + y + z)*(x + y)", 6)).isEqualTo("x^2 + 2*x*y + x*z + y^2 + y*z");
        assertTooLarge("(x + y + z)*(x + y)", 5);
        assertThat(expand("(x + 1)*(y + 1)", 4)).isEqualTo("x*y + x + y + 1");
        assertTooLarge("(x + 1)*(y + 1)", 3);
    }

    @Test
    void powerOfASumCountsItsMultinomialTerms() {
        // (x + 1)^2 has C(3, 1) = 3 terms
        assertThat(expand("(x + 1)^2", 3)).isEqualTo("x^2 + 2*x + 1");
        assertTooLarge("(x + 1)^2", 2);
        // (x + y + z)^2 has C(4, 2) = 6 terms
        assertThat(expand("(x + y + z)^2", 6)).isEqualTo("x^2 + 2*x*y + 2*x*z + y^2 + 2*y*z + z^2");
        assertTooLarge("(x + y + z)^2", 5);
    }

    @Test
    void resultCountsItsConstantAsATerm() {
        assertThat(expand("2*(x + 1) + y", 3)).isEqualTo("2*x + y + 2");
        assertTooLarge("2*(x + 1) + y", 2);
        assertThat(expand("x", 1)).isEqualTo("x");
        assertThat(expand("x*y", 1)).isEqualTo("x*y");
    }

    @Test
    void astronomicalCountsAreReportedWithoutBeingPrintedInFull() {
        Expression e = Formula.parse("(x + y)^1000000000000000").output(0);
        assertThatThrownBy(() -> Symbolic.expand(e, 10)).isInstanceOfSatisfying(PartialsException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(Kind.RESULT_TOO_LARGE);
            assertThat(ex.getMessage()).contains("more than 2^40").contains("10");
        });
        // (x + y)^(2^39 − 1) has 2^39 terms: a 40-bit count is still printed
        assertThatThrownBy(() -> Symbolic.expand(Formula.parse("(x + y)^549755813887").output(0), 10))
                .isInstanceOfSatisfying(PartialsException.class, ex -> assertThat(ex.getMessage()).contains("549755813888 terms"));
        assertThatThrownBy(() -> Symbolic.expand(Formula.parse("(x + y)^20").output(0), 10))
                .isInstanceOfSatisfying(PartialsException.class, ex -> assertThat(ex.getMessage()).contains("21 terms"));
    }

    @Test
    void limitBelowOneIsInvalid() {
        assertThatThrownBy(() -> Symbolic.expand(Formula.parse("x").output(0), 0))
                .isInstanceOfSatisfying(PartialsException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_ARGUMENT));
    }

    private static String expand(String source, int maxTerms) {
        return Symbolic.expand(Formula.parse(source).output(0), maxTerms).text();
    }

    private static void assertTooLarge(String source, int maxTerms) {
        assertThatThrownBy(() -> expand(source, maxTerms)).isInstanceOfSatisfying(PartialsException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(Kind.RESULT_TOO_LARGE);
            assertThat(ex.order()).hasValue(maxTerms);
        });
    }
}
