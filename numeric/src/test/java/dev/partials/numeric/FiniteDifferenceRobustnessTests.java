package dev.partials.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Noisy functions, singularities and kinks: where a difference quotient cannot be accurate, the error
 * estimate says so instead of a wrong value passing for a right one.
 */
class FiniteDifferenceRobustnessTests {

    private static final PartialDerivative FD = PartialDerivative.of("finite-difference");
    private static final Expression X = Expression.variable("x");

    private static Estimate first(Expression f, double x) {
        return FD.prepare(Formula.of(List.of("x"), f)).partialEstimate(0, MultiIndex.of(1), new double[] {x});
    }

    @Test
    void estimateGrowsWithHighFrequencyNoiseAndCoversTheSmoothDerivative() {
        // x² + 1e-10·sin(1e8·x): noise of amplitude 1e-10 on a smooth function. A difference quotient
        // over steps ~1e-2 measures the smooth part, 2x, to within the noise slope 1e-10/h; the
        // estimate must grow from rounding (1e-15) to that level and cover the deviation from 2x.
        Expression noisy = X.pow(2).plus(X.times(1e8).sin().times(1e-10));
        for (double x : new double[] {0.5, 1, 2}) {
            Estimate clean = first(X.pow(2), x);
            Estimate e = first(noisy, x);
            assertThat(Math.abs(e.value() - 2 * x)).as("deviation from 2x at %s", x).isLessThanOrEqualTo(10 * e.error());
            assertThat(e.error()).as("growth at %s", x).isGreaterThan(1e3 * clean.error());
            assertThat(e.error()).isLessThan(1e-6);
        }
    }

    @Test
    void sqrtNearZeroIsResolvedByRelativeStepsAndHonestAtZero() {
        for (double x : new double[] {1e-2, 1e-6, 1e-10}) {
            Estimate e = first(X.sqrt(), x);
            double exact = 0.5 / Math.sqrt(x);
            assertThat(Math.abs(e.value() - exact)).isLessThanOrEqualTo(10 * e.error());
            assertThat(e.error()).isLessThan(1e-8 * exact);
        }
        // At 0 the derivative is +∞: the quotients diverge and the estimate is of the size of the value.
        Estimate atZero = first(X.sqrt(), 0);
        assertThat(atZero.error()).isGreaterThan(0.1 * Math.abs(atZero.value()));
    }

    @Test
    void reciprocalNearItsPoleIsResolvedOrFlagged() {
        for (double x : new double[] {1e-2, 1e-3, -1e-3, 1e-6}) {
            Estimate e = first(Expression.constant(1).div(X), x);
            double exact = -1 / (x * x);
            assertThat(Math.abs(e.value() - exact)).as("at %s", x).isLessThanOrEqualTo(10 * e.error());
            assertThat(e.error()).isLessThan(1e-6 * Math.abs(exact));
        }
        // tan 3e-8 from its pole at π/2: no step is small enough; the estimate says the value has no
        // correct digit.
        Estimate pole = first(X.tan(), 1.5707963);
        assertThat(pole.error()).isGreaterThan(0.1 * Math.abs(pole.value()));
    }

    @Test
    void largeCoordinatesWithUnitScaleVariationAreRescaled() {
        // sin at 1e4 and 1e8: steps relative to |x| are far larger than the period; the rescaled
        // sequence (steps relative to 1) is used when the first does not converge.
        for (double x : new double[] {1e4, 1e8}) {
            Estimate e = first(X.sin(), x);
            assertThat(Math.abs(e.value() - Math.cos(x))).isLessThanOrEqualTo(10 * e.error());
            assertThat(e.error()).isLessThan(1e-4);
        }
    }

    @Test
    void absAtZeroGivesTheConventionZero() {
        Estimate e = first(X.abs(), 0);
        assertThat(e.value()).isEqualTo(0.0);
        assertThat(e.error()).isLessThan(1e-15);
    }

    @Test
    void reluAtItsKinkIsFlaggedByAnEstimateAsLargeAsTheValue() {
        // The central quotient of relu at 0 is ½, the average of the one-sided slopes; the convention
        // says 0. The estimate covers both.
        Estimate e = first(X.relu(), 0);
        assertThat(e.value()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(4 * Math.ulp(0.5)));
        assertThat(Math.abs(e.value() - 0)).isLessThanOrEqualTo(e.error());
        Estimate tie = FD.prepare(Formula.of(List.of("x", "y"), X.min(Expression.variable("y"))))
                .partialEstimate(0, MultiIndex.of(1, 0), new double[] {2, 2});
        assertThat(tie.value()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(4 * Math.ulp(0.5))); // ½: the convention
        assertThat(tie.error()).isGreaterThanOrEqualTo(Math.abs(tie.value()));
    }

    @Test
    void awayFromKinksTheBranchTakenIsDifferentiated() {
        Estimate e = first(X.relu(), 1e-12);
        assertThat(e.value()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-13));
        Estimate a = first(X.abs(), -0.2);
        assertThat(a.value()).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-13));
    }

    @Test
    void infiniteValueGivesNaNPartial() {
        Derivatives d = FD.prepare(Formula.of(List.of("x"), Expression.constant(1).div(X)));
        assertThat(d.value(0)).isInfinite();
        assertThat(d.partialEstimate(0, MultiIndex.of(1), new double[] {0})).satisfies(e -> {
            assertThat(e.value()).isNaN();
            assertThat(e.error()).isNaN();
        });
    }
}
