package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import org.junit.jupiter.api.Test;

/**
 * Hessians from the second-order forward pass against closed forms, and against the Taylor jets of
 * {@code partial(MultiIndex.pair(…))}, which compute every entry by a different algorithm.
 */
class HessianTests {

    private static final PartialDerivative DUAL = PartialDerivative.of("dual");

    /** Every entry agrees with the pairwise jet partial, to rounding relative to the largest entry. */
    private static void matchesPairwisePartials(Derivatives d, int output, double[] point) {
        int n = point.length;
        double[] h = new double[n * n];
        d.hessian(output, point, h);
        double norm = 0;
        for (double x : h) {
            norm = Math.max(norm, Math.abs(x));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(h[i * n + j]).as("symmetric").isEqualTo(h[j * n + i]);
                double p = d.partial(output, MultiIndex.pair(n, i, j), point);
                Close.scaled(h[i * n + j], p, norm, 64);
            }
        }
    }

    @Test
    void hessianOfTheNeuronMatchesPairwisePartials() {
        matchesPairwisePartials(DUAL.prepare(Functions.NEURON), 0, Functions.NEURON_POINT);
    }

    @Test
    void hessianOfRat43MatchesPairwisePartials() {
        matchesPairwisePartials(DUAL.prepare(Functions.RAT43), 0, Functions.RAT43_POINT);
    }

    @Test
    void hessiansOfBothBundleAdjustmentResidualsMatchPairwisePartials() {
        Derivatives d = DUAL.prepare(Functions.BA);
        matchesPairwisePartials(d, 0, Functions.BA_POINT);
        matchesPairwisePartials(d, 1, Functions.BA_POINT);
    }

    @Test
    void hessianOfEveryOperationMatchesPairwisePartials() {
        Formula f = Formula.parse("sin(x*y) + cos(x)*tan(y/3) + asin(x/4) + acos(y/5) + atan(x-y) + sinh(x/2)*cosh(y/2)"
                + " + tanh(x*y) + exp(-x*x) * log(y + 3) + sqrt(x*x + y*y) + abs(x - 2*y) + sigmoid(x + y)"
                + " + relu(x - y) + softplus(x*y) + x^y + x^3 + y^-2 + 2^x + x/y + atan2(x, y) + min(x*x, y)"
                + " + max(x, y*y) - x*y", "x", "y");
        Derivatives d = DUAL.prepare(f);
        matchesPairwisePartials(d, 0, new double[] {0.7, 1.3});
        matchesPairwisePartials(d, 0, new double[] {1.9, 0.4});
    }

    @Test
    void hessianOfAtan2MatchesItsClosedForm() {
        Derivatives d = DUAL.prepare(Formula.parse("atan2(y, x)", "x", "y"));
        double x = 0.6;
        double y = -1.1;
        double r4 = (x * x + y * y) * (x * x + y * y);
        double[][] h = d.hessian(x, y);
        Close.ulps(h[0][0], 2 * x * y / r4, 8);
        Close.ulps(h[1][1], -2 * x * y / r4, 8);
        Close.ulps(h[0][1], (y * y - x * x) / r4, 8);
    }

    @Test
    void hessianOfAVectorFormulaIsPerOutput() {
        Derivatives d = DUAL.prepare(Formula.parse("[x^2*y, sin(x) + y^3, 5]"));
        double[] point = {0.5, -2};
        double[] h = new double[4];
        d.hessian(0, point, h);
        assertThat(h).containsExactly(2 * -2.0, 2 * 0.5, 2 * 0.5, 0.0);
        d.hessian(1, point, h);
        assertThat(h).containsExactly(-Math.sin(0.5), 0.0, 0.0, 6 * -2.0);
        d.hessian(2, point, h);
        assertThat(h).containsExactly(0.0, 0.0, 0.0, 0.0);
    }

    @Test
    void hessianOfAnInputIsZero() {
        Derivatives d = DUAL.prepare(Formula.parse("y", "x", "y"));
        assertThat(d.hessian(3, 4)).isDeepEqualTo(new double[][] {{0, 0}, {0, 0}});
    }

    @Test
    void hessianWritesZerosForVariablesTheOutputDoesNotUse() {
        Derivatives d = DUAL.prepare(Formula.parse("x*z", "x", "y", "z"));
        double[] h = new double[9];
        java.util.Arrays.fill(h, Double.NaN);
        d.hessian(new double[] {1, 2, 3}, h);
        assertThat(h).containsExactly(0, 0, 1, 0, 0, 0, 1, 0, 0);
    }
}
