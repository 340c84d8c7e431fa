package dev.partials.numeric.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.partials.numeric.FiniteDifference.Method;
import org.junit.jupiter.api.Test;

/** The step rules of {@link Steps}: the error model's optimum, relative and absolute steps, powers of two. */
class StepsTests {

    private static final double EPS = Math.ulp(1.0);

    @Test
    void optimalStepOfTheCentralFirstDerivativeIsTheCubeRootOfThreeEpsilon() {
        // E(h) = h²/6 |f'''| + ε|f|/h is least at h = (3ε)^(1/3): the textbook result.
        Stencil s = Stencil.of(Method.CENTRAL, 1, 2);
        double h = Steps.optimal(1, 2, s.absSum(), s.truncation());
        assertThat(h).isCloseTo(Math.cbrt(3 * EPS), within(4 * Math.ulp(h)));
    }

    @Test
    void optimalStepScalesAsEpsilonToTheOneOverAccuracyPlusOrder() {
        // With the constants fixed, the step of a method of order p for a derivative of order k is c·ε^(1/(p+k)).
        for (int k = 1; k <= 4; k++) {
            for (int p = 2; p <= 8; p += 2) {
                Stencil s = Stencil.of(Method.CENTRAL, k, p);
                double h = Steps.optimal(k, p, s.absSum(), s.truncation());
                double constant = Math.pow(k * s.absSum() / (p * Math.abs(s.truncation())), 1.0 / (p + k));
                assertThat(h / constant).isCloseTo(Math.pow(EPS, 1.0 / (p + k)), within(1e-12));
            }
        }
    }

    @Test
    void stepIsRelativeForLargeCoordinatesAndAbsoluteNearZero() {
        assertThat(Steps.step(1e6, 0x1p-20, 0x1p-20)).isEqualTo(Steps.powerOfTwo(1e6 * 0x1p-20));
        assertThat(Steps.step(-1e6, 0x1p-20, 0x1p-20)).isEqualTo(Steps.powerOfTwo(1e6 * 0x1p-20));
        assertThat(Steps.step(1e-9, 0x1p-20, 0x1p-20)).isEqualTo(0x1p-20);
        assertThat(Steps.step(0, 0x1p-20, 0x1p-30)).isEqualTo(0x1p-30);
    }

    @Test
    void stepsArePowersOfTwoWithinAFactorOfRootTwo() {
        for (double h : new double[] {1e-7, 3e-5, 0.1, 0.7, 1, 5, 12345.678}) {
            double p = Steps.powerOfTwo(h);
            assertThat(p).isEqualTo(Math.scalb(1.0, Math.getExponent(p)));
            assertThat(Math.max(p / h, h / p)).isLessThanOrEqualTo(Math.sqrt(2));
        }
    }

    @Test
    void firstRiddersStepOfTheDefaultIsAQuarterOfTheScale() {
        // Five steps of ratio √5 from 1/4 end near 1/100, where rounding (ε/h) meets the truncation of an
        // order-10 extrapolation.
        double t0 = Steps.powerOfTwo(Steps.riddersFirst(1, 2, 2, 5));
        assertThat(t0).isEqualTo(0.25);
        assertThat(t0 / Math.pow(Steps.RATIO, 4)).isBetween(0.005, 0.02);
    }

    @Test
    void higherDerivativesStartFromLargerSteps() {
        double previous = 0;
        for (int k = 1; k <= 4; k++) {
            double t0 = Steps.riddersFirst(k, 2, 2, 5);
            assertThat(t0).isGreaterThan(previous);
            previous = t0;
        }
    }
}
