package dev.partials.numeric.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Rational;
import dev.partials.numeric.FiniteDifference.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fornberg's weights against the published tables (B. Fornberg, Math. Comp. 51 (1988), Table 1;
 * the same numbers as Abramowitz & Stegun 25.3), exactly, as rationals.
 */
class StencilTests {

    private static List<Rational> weights(Stencil s) {
        return List.of(s.exact());
    }

    private static List<Rational> rationals(long[][] fractions) {
        List<Rational> out = new ArrayList<>();
        for (long[] f : fractions) {
            out.add(Rational.of(f[0], f[1]));
        }
        return out;
    }

    @Test
    void centralFirstDerivativeWeightsOfOrderTwoFourSixAndEightAreThePublishedOnes() {
        // The centre weight is 0 and dropped: offsets are ±1 … ±r.
        assertThat(weights(Stencil.of(Method.CENTRAL, 1, 2))).isEqualTo(rationals(new long[][] {{-1, 2}, {1, 2}}));
        assertThat(weights(Stencil.of(Method.CENTRAL, 1, 4)))
                .isEqualTo(rationals(new long[][] {{1, 12}, {-2, 3}, {2, 3}, {-1, 12}}));
        assertThat(weights(Stencil.of(Method.CENTRAL, 1, 6)))
                .isEqualTo(rationals(new long[][] {{-1, 60}, {3, 20}, {-3, 4}, {3, 4}, {-3, 20}, {1, 60}}));
        assertThat(weights(Stencil.of(Method.CENTRAL, 1, 8))).isEqualTo(rationals(new long[][] {
                {1, 280}, {-4, 105}, {1, 5}, {-4, 5}, {4, 5}, {-1, 5}, {4, 105}, {-1, 280}}));
        assertThat(Stencil.of(Method.CENTRAL, 1, 6).offsets()).containsExactly(-3, -2, -1, 1, 2, 3);
    }

    @Test
    void centralSecondDerivativeWeightsOfOrderTwoFourAndSixAreThePublishedOnes() {
        assertThat(weights(Stencil.of(Method.CENTRAL, 2, 2))).isEqualTo(rationals(new long[][] {{1, 1}, {-2, 1}, {1, 1}}));
        assertThat(weights(Stencil.of(Method.CENTRAL, 2, 4)))
                .isEqualTo(rationals(new long[][] {{-1, 12}, {4, 3}, {-5, 2}, {4, 3}, {-1, 12}}));
        assertThat(weights(Stencil.of(Method.CENTRAL, 2, 6))).isEqualTo(rationals(new long[][] {
                {1, 90}, {-3, 20}, {3, 2}, {-49, 18}, {3, 2}, {-3, 20}, {1, 90}}));
    }

    @Test
    void centralThirdAndFourthDerivativeWeightsOfOrderTwoAreThePublishedOnes() {
        assertThat(weights(Stencil.of(Method.CENTRAL, 3, 2)))
                .isEqualTo(rationals(new long[][] {{-1, 2}, {1, 1}, {-1, 1}, {1, 2}}));
        assertThat(Stencil.of(Method.CENTRAL, 3, 2).offsets()).containsExactly(-2, -1, 1, 2);
        assertThat(weights(Stencil.of(Method.CENTRAL, 4, 2)))
                .isEqualTo(rationals(new long[][] {{1, 1}, {-4, 1}, {6, 1}, {-4, 1}, {1, 1}}));
    }

    @Test
    void forwardFirstDerivativeWeightsOfOrderOneTwoAndThreeAreThePublishedOnes() {
        assertThat(weights(Stencil.of(Method.FORWARD, 1, 1))).isEqualTo(rationals(new long[][] {{-1, 1}, {1, 1}}));
        assertThat(weights(Stencil.of(Method.FORWARD, 1, 2)))
                .isEqualTo(rationals(new long[][] {{-3, 2}, {2, 1}, {-1, 2}}));
        assertThat(weights(Stencil.of(Method.FORWARD, 1, 3)))
                .isEqualTo(rationals(new long[][] {{-11, 6}, {3, 1}, {-3, 2}, {1, 3}}));
        assertThat(Stencil.of(Method.FORWARD, 1, 3).offsets()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void backwardStencilsMirrorForwardOnes() {
        for (int k = 1; k <= 4; k++) {
            for (int p = 1; p <= 8; p++) {
                Stencil f = Stencil.of(Method.FORWARD, k, p);
                Stencil b = Stencil.of(Method.BACKWARD, k, p);
                int n = f.offsets().length;
                assertThat(b.offsets()).hasSize(n);
                for (int i = 0; i < n; i++) {
                    assertThat(b.offsets()[n - 1 - i]).isEqualTo(-f.offsets()[i]);
                    Rational sign = k % 2 == 0 ? Rational.ONE : Rational.MINUS_ONE;
                    assertThat(b.exact()[n - 1 - i]).isEqualTo(f.exact()[i].multiply(sign));
                }
            }
        }
    }

    @Test
    void everyOfferedStencilHasExactlyTheRequestedAccuracy() {
        // Stencil.of checks the moments Σ w s^m: k! at m = k, 0 below k + p, non-zero at k + p.
        for (Method m : Method.values()) {
            for (int k = 1; k <= 4; k++) {
                for (int p = m == Method.CENTRAL ? 2 : 1; p <= Stencil.MAX_ACCURACY; p += m == Method.CENTRAL ? 2 : 1) {
                    Stencil s = Stencil.of(m, k, p);
                    assertThat(s.accuracy()).isEqualTo(p);
                    assertThat(s.errorStep()).isEqualTo(m == Method.CENTRAL ? 2 : 1);
                }
            }
        }
    }

    @Test
    void leadingTruncationCoefficientsAreTheTaylorRemainders() {
        // (f(x+h) - f(x-h))/2h = f' + h²/6 f''' + …; the order-4 stencil errs by -h⁴/30 f⁽⁵⁾.
        assertThat(Stencil.of(Method.CENTRAL, 1, 2).truncation()).isEqualTo(1.0 / 6);
        assertThat(Stencil.of(Method.CENTRAL, 1, 4).truncation()).isEqualTo(-1.0 / 30);
        // (f(x+h) - 2f(x) + f(x-h))/h² = f'' + h²/12 f⁗ + …; (f(x+h) - f(x))/h = f' + h/2 f'' + …
        assertThat(Stencil.of(Method.CENTRAL, 2, 2).truncation()).isEqualTo(1.0 / 12);
        assertThat(Stencil.of(Method.FORWARD, 1, 1).truncation()).isEqualTo(0.5);
        assertThat(Stencil.of(Method.CENTRAL, 1, 2).absSum()).isEqualTo(1.0);
    }

    @Test
    void weightsAreTheExactRationalsCorrectlyRounded() {
        Stencil s = Stencil.of(Method.CENTRAL, 1, 6);
        for (int i = 0; i < s.weights().length; i++) {
            assertThat(s.weights()[i]).isEqualTo(s.exact()[i].doubleValue());
        }
    }

    @Test
    void rejectsAccuraciesThatAreNotOffered() {
        assertThatThrownBy(() -> Stencil.of(Method.CENTRAL, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stencil.of(Method.FORWARD, 1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stencil.of(Method.CENTRAL, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
