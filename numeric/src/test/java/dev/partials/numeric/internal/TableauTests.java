package dev.partials.numeric.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ridders' tableau on sequences whose errors are known exactly. */
class TableauTests {

    private static final double C = Steps.RATIO;

    private static Tableau tableau() {
        Tableau t = new Tableau(13);
        t.reset(C, 2, 2);
        return t;
    }

    @Test
    void eliminatesAnEvenPowerSeriesErrorLevelByLevel() {
        // D(h) = 3 + h² - 2h⁴ + h⁶: three levels of extrapolation remove the error entirely.
        Tableau t = tableau();
        double h = 0.5;
        for (int i = 0; i < 5; i++, h /= C) {
            t.add(3 + h * h - 2 * Math.pow(h, 4) + Math.pow(h, 6), 0x1p-52 * 3 / h);
        }
        assertThat(Math.abs(t.value() - 3)).isLessThanOrEqualTo(1e-14);
        assertThat(t.error()).isLessThanOrEqualTo(1e-12);
        assertThat(Math.abs(t.value() - 3)).isLessThanOrEqualTo(t.error());
    }

    @Test
    void estimateBoundsTheErrorOfASmoothSequence() {
        // Central quotients of sin at 1: the estimate must cover the true error, and not by orders of magnitude.
        Tableau t = tableau();
        double x = 1;
        double h = 0.25;
        for (int i = 0; i < 5; i++, h /= C) {
            double d = (Math.sin(x + h) - Math.sin(x - h)) / (2 * h);
            t.add(d, 0.5 * 0x1p-52 * (Math.abs(Math.sin(x + h)) + Math.abs(Math.sin(x - h))) / (2 * h));
        }
        double error = Math.abs(t.value() - Math.cos(x));
        assertThat(error).isLessThanOrEqualTo(t.error());
        assertThat(t.error()).isLessThanOrEqualTo(1e-12);
        assertThat(t.converged()).isTrue();
    }

    @Test
    void restartsWhenTheLargerStepsLeftTheDomain() {
        Tableau t = tableau();
        t.add(Double.NaN, 0);
        t.add(Double.NaN, 0);
        assertThat(t.stopped()).isFalse();
        double h = 0.01;
        for (int i = 0; i < 4; i++, h /= C) {
            t.add(2 + h * h, 1e-16 / h);
        }
        assertThat(t.value()).isCloseTo(2, org.assertj.core.api.Assertions.within(1e-13));
        assertThat(t.rows()).isEqualTo(4);
    }

    @Test
    void stopsAtANonFiniteQuotientOnceItHasAnEstimate() {
        Tableau t = tableau();
        t.add(1.1, 0);
        t.add(1.02, 0);
        t.add(Double.POSITIVE_INFINITY, 0);
        assertThat(t.stopped()).isTrue();
        assertThat(t.value()).isFinite();
    }

    @Test
    void prefersTheConvergedEntriesOfALargeDerivativeOverSmallEarlyOnes() {
        // 1/x at x = 1e-3 from h = 1/8: the early steps straddle the pole and give small, wrong quotients
        // whose differences are small in absolute terms; the converged entries (about -1e6) must win.
        Tableau t = new Tableau(13);
        t.reset(2, 2, 2);
        double x = 1e-3;
        double h = 0.125;
        for (int i = 0; i < 12; i++, h /= 2) {
            double d = (1 / (x + h) - 1 / (x - h)) / (2 * h);
            t.add(d, 0x1p-53 * (Math.abs(1 / (x + h)) + Math.abs(1 / (x - h))) / (2 * h));
        }
        assertThat(t.value()).isCloseTo(-1e6, org.assertj.core.api.Assertions.within(1e-4 * 1e6));
        assertThat(Math.abs(t.value() + 1e6)).isLessThanOrEqualTo(10 * t.error());
    }

    @Test
    void oneStepModeEstimatesTheLeadingTermFromTwoSteps() {
        // D(h) = 1 + h²: one-step mode returns D(h) itself; the estimate (D(h) - D(ch))/(c² - 1) is h².
        Tableau t = tableau();
        double h = 1e-3;
        t.addPlain(1 + (C * h) * (C * h), 0);
        t.addPlain(1 + h * h, 0);
        assertThat(t.value()).isEqualTo(1 + h * h);
        assertThat(t.error()).isCloseTo(h * h, org.assertj.core.api.Assertions.within(1e-15));
    }
}
