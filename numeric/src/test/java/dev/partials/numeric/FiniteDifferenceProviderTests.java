package dev.partials.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code finite-difference} provider as users meet it: found by id, the seed example, structural
 * zeros, domains, mixed partials and Hessians against closed forms. Every comparison is against the
 * provider's own error estimate (the value must lie within 10 estimates of the closed form) and the
 * estimate against the accuracy the error model promises, never a bare constant.
 */
class FiniteDifferenceProviderTests {

    private static final PartialDerivative FD = PartialDerivative.of("finite-difference");
    private static final Expression X = Expression.variable("x");
    private static final Expression Y = Expression.variable("y");

    /** The value is within 10 estimates of the exact one, and the estimate within {@code relative·scale}. */
    static void honest(Estimate e, double exact, double relative, double scale) {
        assertThat(Math.abs(e.value() - exact)).as("|%s - %s| vs estimate %s", e.value(), exact, e.error())
                .isLessThanOrEqualTo(10 * e.error());
        assertThat(e.error()).as("estimate of %s", exact).isLessThanOrEqualTo(relative * scale);
    }

    @Test
    void isFoundByIdWithApproximateCapabilitiesAndErrorEstimates() {
        assertThat(FD.id()).isEqualTo("finite-difference");
        assertThat(FD.capabilities()).isEqualTo(new Capabilities(false, 4, true, false, false, true));
        assertThat(PartialDerivative.all()).extracting(PartialDerivative::id).contains("finite-difference", "complex-step");
    }

    @Test
    void gradientOfSeedExampleIsEightAndThree() {
        Derivatives d = FD.prepare(Formula.of(List.of("x", "y"), X.pow(2).plus(X.times(Y).times(3))));
        assertThat(d.value(1, 2)).isEqualTo(7);
        double[] g = d.gradient(1, 2);
        // Central quotients of a quadratic are exact but for rounding (of f, and of x ± h, which the
        // ratio √5 does not keep on the grid of x); the extrapolation amplifies it a little.
        assertThat(g[0]).isCloseTo(8, org.assertj.core.api.Assertions.within(1e-13 * 8));
        assertThat(g[1]).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-13 * 3));
        Estimate[] e = d.gradientEstimate(1, 2);
        assertThat(new double[] {e[0].value(), e[1].value()}).containsExactly(g);
        honest(e[0], 8, 1e-13, 8);
        honest(e[1], 3, 1e-13, 3);
    }

    @Test
    void partialByAVariableTheOutputDoesNotDependOnIsExactlyZeroWithZeroError() {
        Derivatives d = FD.prepare(Formula.of(List.of("x", "y", "z"), X.log().times(Y)));
        // Even where the other partials are NaN (log of a negative number).
        assertThat(d.partial(MultiIndex.of(0, 0, 1), -1, 2, 3)).isEqualTo(0.0);
        assertThat(d.partialEstimate(0, MultiIndex.of(0, 0, 1), new double[] {-1, 2, 3})).isEqualTo(new Estimate(0, 0));
        assertThat(d.partial(MultiIndex.of(1, 0, 2), 1, 2, 3)).isEqualTo(0.0);
        assertThat(d.gradient(-1, 2, 3)[2]).isEqualTo(0.0);
        assertThat(d.hessian(2, 2, 3)[2]).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void outsideTheDomainValuesAndPartialsAreNaNWithoutAnException() {
        Derivatives d = FD.prepare(Formula.of(List.of("x"), X.log()));
        assertThat(d.value(-1)).isNaN();
        assertThat(d.partial(MultiIndex.of(1), -1)).isNaN();
        assertThat(d.partialEstimate(0, MultiIndex.of(2), new double[] {-1}).error()).isNaN();
        Derivatives a = FD.prepare(Formula.of(List.of("x"), X.asin()));
        assertThat(a.partial(MultiIndex.of(1), 2)).isNaN();
    }

    @Test
    void nearTheEdgeOfTheDomainTheStencilTurnsOneSided() {
        // sqrt at 1e-3 with steps from 1/4: the central steps leave the domain (NaN), the rescaled or
        // one-sided sequence does not.
        Derivatives d = FD.prepare(Formula.of(List.of("x"), X.sqrt()));
        double x = 1e-3;
        honest(d.partialEstimate(0, MultiIndex.of(1), new double[] {x}), 0.5 / Math.sqrt(x), 1e-9, 0.5 / Math.sqrt(x));
    }

    @Test
    void hessianIsSymmetricAndMatchesTheClosedForm() {
        // f = sin(x)·exp(y) + x²y³
        Formula f = Formula.of(List.of("x", "y"), X.sin().times(Y.exp()).plus(X.pow(2).times(Y.pow(3))));
        Derivatives d = FD.prepare(f);
        double x = 0.7;
        double y = -0.4;
        double[][] h = d.hessian(x, y);
        assertThat(h[0][1]).isEqualTo(h[1][0]);
        double[][] exact = {
            {-Math.sin(x) * Math.exp(y) + 2 * y * y * y, Math.cos(x) * Math.exp(y) + 6 * x * y * y},
            {Math.cos(x) * Math.exp(y) + 6 * x * y * y, Math.sin(x) * Math.exp(y) + 6 * x * x * y}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                Estimate e = d.partialEstimate(0, MultiIndex.pair(2, i, j), new double[] {x, y});
                assertThat(h[i][j]).isEqualTo(e.value());
                honest(e, exact[i][j], 1e-10, 1);
            }
        }
    }

    @Test
    void mixedPartialsUpToOrderFourMatchClosedForms() {
        // ∂^(a+b)/∂x^a∂y^b of sin(x)·exp(y) is sin(x + aπ/2)·exp(y).
        Derivatives d = FD.prepare(Formula.of(List.of("x", "y"), X.sin().times(Y.exp())));
        double x = 1.1;
        double y = 0.3;
        for (int a = 0; a <= 4; a++) {
            for (int b = 0; a + b <= 4; b++) {
                if (a + b == 0) {
                    continue;
                }
                double exact = Math.sin(x + a * Math.PI / 2) * Math.exp(y);
                // The error model: an order-10 extrapolation leaves ~ε^(10/(10+k)); allow 10⁴ times that.
                double promised = 1e4 * Math.pow(Math.ulp(1.0), 10.0 / (10 + a + b));
                honest(d.partialEstimate(0, MultiIndex.of(a, b), new double[] {x, y}), exact, promised, Math.exp(y));
            }
        }
    }

    @Test
    void jacobianEntriesAreTheSinglePartialsBitForBit() {
        Formula f = Formula.of(List.of("x", "y"), List.of(X.times(Y).sin(), X.exp().plus(Y.pow(3)), Y.atan()));
        Derivatives d = FD.prepare(f);
        double[] p = {0.3, -1.2};
        double[][] j = d.jacobian(p);
        for (int k = 0; k < 3; k++) {
            for (int v = 0; v < 2; v++) {
                assertThat(j[k][v]).isEqualTo(d.partial(k, MultiIndex.unit(2, v), p));
            }
        }
        assertThat(j[2][0]).isEqualTo(0.0);
        assertThat(d.gradient(p)).containsExactly(j[0]);
    }

    @Test
    void jvpIsTheSumOfPartialsTimesDirectionBitForBit() {
        Formula f = Formula.of(List.of("x", "y", "z"), List.of(X.times(Y).sin(), Y.exp().div(X), Expression.variable("z")));
        Derivatives d = FD.prepare(f);
        double[] p = {0.3, -1.2, 2};
        double[] v = {2, 0, -0.5};
        double[] jvp = d.jvp(p, v);
        for (int k = 0; k < 3; k++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                if (v[j] != 0) {
                    s += d.partial(k, MultiIndex.unit(3, j), p) * v[j];
                }
            }
            assertThat(jvp[k]).isEqualTo(s);
        }
    }

    @Test
    void orderZeroIsTheValueWithZeroError() {
        Derivatives d = FD.prepare(Formula.of(List.of("x"), X.exp()));
        assertThat(d.partialEstimate(0, MultiIndex.of(0), new double[] {1})).isEqualTo(new Estimate(Math.exp(1), 0));
    }

    @Test
    void rejectsOrderAboveFourWithOrderNotSupported() {
        Derivatives d = FD.prepare(Formula.of(List.of("x"), X.exp()));
        assertThatThrownBy(() -> d.partial(MultiIndex.of(5), 1.0))
                .isInstanceOfSatisfying(PartialsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PartialsException.Kind.ORDER_NOT_SUPPORTED);
                    assertThat(e.providerId()).contains("finite-difference");
                });
    }

    @Test
    void preparedDerivativesGiveIdenticalResultsOnEveryCall() {
        Derivatives d = FD.prepare(Formula.of(List.of("x", "y"), X.times(Y).cos().div(Y.plus(2))));
        Estimate first = d.partialEstimate(0, MultiIndex.of(1, 1), new double[] {0.4, 0.9});
        d.gradient(3, 1);
        d.hessian(-1, 0.5);
        assertThat(d.partialEstimate(0, MultiIndex.of(1, 1), new double[] {0.4, 0.9})).isEqualTo(first);
    }
}
