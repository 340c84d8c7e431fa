package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.PartialDerivative;
import dev.partials.dual.internal.TestData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batched forms equal the single-point methods, point by point, bit for bit. */
class BatchTests {

    private static final int COUNT = 7;

    private static double[][] columns(double[] center, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[center.length][COUNT];
        for (int j = 0; j < center.length; j++) {
            for (int p = 0; p < COUNT; p++) {
                points[j][p] = center[j] + random.nextDouble(-0.5, 0.5);
            }
        }
        return points;
    }

    @Test
    void gradientBatchEqualsGradientsPointByPoint() {
        Derivatives d = PartialDerivative.of("dual").prepare(TestData.rosenbrock(19));
        double[][] points = columns(Functions.rosenbrockPoint(19), 1);
        double[] values = new double[COUNT];
        double[][] gradients = new double[19][COUNT];
        d.gradientBatch(points, values, gradients);
        double[][] convenience = d.gradientBatch(points);
        for (int p = 0; p < COUNT; p++) {
            double[] x = TestData.point(points, p);
            double[] g = d.gradient(x);
            assertThat(values[p]).isEqualTo(d.value(x));
            for (int j = 0; j < 19; j++) {
                assertThat(gradients[j][p]).isEqualTo(g[j]);
                assertThat(convenience[j][p]).isEqualTo(g[j]);
            }
        }
    }

    @Test
    void jacobianAndValuesBatchesEqualSinglePoints() {
        Derivatives d = PartialDerivative.of("dual").prepare(Functions.BA);
        double[][] points = columns(Functions.BA_POINT, 2);
        double[][] values = new double[2][COUNT];
        double[][] jacobians = new double[30][COUNT];
        double[][] onlyValues = new double[2][COUNT];
        d.jacobianBatch(points, values, jacobians);
        d.valuesBatch(points, onlyValues);
        for (int p = 0; p < COUNT; p++) {
            double[] x = TestData.point(points, p);
            double[][] jac = d.jacobian(x);
            double[] v = d.values(x);
            for (int k = 0; k < 2; k++) {
                assertThat(values[k][p]).isEqualTo(v[k]);
                assertThat(onlyValues[k][p]).isEqualTo(v[k]);
                for (int j = 0; j < 15; j++) {
                    assertThat(jacobians[k * 15 + j][p]).isEqualTo(jac[k][j]);
                }
            }
        }
    }

    @Test
    void jvpBatchEqualsSinglePoints() {
        Derivatives d = PartialDerivative.of("dual").prepare(Functions.BA);
        double[][] points = columns(Functions.BA_POINT, 3);
        double[][] directions = columns(new double[15], 4);
        double[][] out = new double[2][COUNT];
        d.jvpBatch(points, directions, out);
        for (int p = 0; p < COUNT; p++) {
            double[] jvp = d.jvp(TestData.point(points, p), TestData.point(directions, p));
            assertThat(out[0][p]).isEqualTo(jvp[0]);
            assertThat(out[1][p]).isEqualTo(jvp[1]);
        }
    }
}
