package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.PartialDerivative;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rosenbrock, f = Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², against its closed-form gradient and
 * tridiagonal Hessian, at the benchmark point x_i = 0.5 + 0.01 i.
 */
class RosenbrockTests {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 10, 17, 100, 1000})
    void gradientMatchesTheClosedForm(int n) {
        Derivatives d = PartialDerivative.of("dual").prepare(Functions.rosenbrock(n));
        double[] x = Functions.rosenbrockPoint(n);
        double[] g = d.gradient(x);
        for (int i = 0; i < n; i++) {
            double expected = 0;
            double scale = 0;
            if (i < n - 1) {
                double a = -400 * x[i] * (x[i + 1] - x[i] * x[i]);
                double b = -2 * (1 - x[i]);
                expected += a + b;
                scale += Math.abs(a) + Math.abs(b);
            }
            if (i > 0) {
                double c = 200 * (x[i] - x[i - 1] * x[i - 1]);
                expected += c;
                scale += Math.abs(c);
            }
            Close.scaled(g[i], expected, scale, 8);
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 10, 100})
    void hessianIsTheTridiagonalClosedForm(int n) {
        Derivatives d = PartialDerivative.of("dual").prepare(Functions.rosenbrock(n));
        double[] x = Functions.rosenbrockPoint(n);
        double[][] h = d.hessian(x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected;
                double scale;
                if (i == j) {
                    double a = i < n - 1 ? 1200 * x[i] * x[i] - 400 * x[i + 1] + 2 : 0;
                    double b = i > 0 ? 200 : 0;
                    expected = a + b;
                    scale = (i < n - 1 ? 1200 * x[i] * x[i] + 400 * x[i + 1] + 2 : 0) + b;
                } else if (Math.abs(i - j) == 1) {
                    expected = -400 * x[Math.min(i, j)];
                    scale = Math.abs(expected);
                } else {
                    assertThat(h[i][j]).as("H[%d][%d]", i, j).isEqualTo(0.0);
                    continue;
                }
                Close.scaled(h[i][j], expected, scale, 8);
            }
        }
    }
}
