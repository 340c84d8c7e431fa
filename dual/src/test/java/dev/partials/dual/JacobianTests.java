package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jacobians of vector formulas (m × n, several chunks) and Jacobian-vector products. */
class JacobianTests {

    private static final PartialDerivative DUAL = PartialDerivative.of("dual");

    @Test
    void jacobianOfASmallVectorFormulaMatchesTheClosedForm() {
        Derivatives d = DUAL.prepare(Formula.parse("[x*y, sin(x), x + y*z, 4]"));
        double[][] j = d.jacobian(0.5, -2, 3);
        assertThat(j).isDeepEqualTo(new double[][] {{-2, 0.5, 0}, {Math.cos(0.5), 0, 0}, {1, 3, -2}, {0, 0, 0}});
    }

    /** 19 variables (chunks 8 + 8 + 3), 3 outputs: f_k = Σ_{j ≡ k mod 3} (j+1) x_j², plus x_0·x_18. */
    private static Formula nineteen() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 19; j++) {
            names.add("x" + j);
        }
        StringBuilder[] out = {new StringBuilder("x0*x18"), new StringBuilder("x0*x18"), new StringBuilder("x0*x18")};
        for (int j = 0; j < 19; j++) {
            out[j % 3].append(" + ").append(j + 1).append("*x").append(j).append("^2");
        }
        return Formula.parse("[" + out[0] + ", " + out[1] + ", " + out[2] + "]", names);
    }

    private static double[] point19() {
        double[] x = new double[19];
        for (int j = 0; j < 19; j++) {
            x[j] = 0.25 * (j - 9);
        }
        return x;
    }

    @Test
    void jacobianOverSeveralChunksMatchesTheClosedForm() {
        Derivatives d = DUAL.prepare(nineteen());
        double[] x = point19();
        double[][] jac = d.jacobian(x);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 19; j++) {
                double expected = j % 3 == k ? 2 * (j + 1) * x[j] : 0;
                expected += j == 0 ? x[18] : j == 18 ? x[0] : 0;
                assertThat(jac[k][j]).as("∂f%d/∂x%d", k, j).isEqualTo(expected);
            }
        }
    }

    @Test
    void jacobianRowsAreTheGradientsOfTheOutputs() {
        Derivatives d = DUAL.prepare(Functions.BA);
        double[] flat = new double[2 * 15];
        d.jacobian(Functions.BA_POINT, flat);
        double[] g = new double[15];
        for (int k = 0; k < 2; k++) {
            d.gradient(k, Functions.BA_POINT, g);
            for (int j = 0; j < 15; j++) {
                assertThat(flat[k * 15 + j]).isEqualTo(g[j]);
                assertThat(d.partial(k, MultiIndex.unit(15, j), Functions.BA_POINT)).isEqualTo(g[j]);
            }
        }
    }

    @Test
    void jvpIsTheJacobianTimesTheDirection() {
        Derivatives d = DUAL.prepare(Functions.BA);
        double[] x = Functions.BA_POINT;
        double[][] jac = d.jacobian(x);
        double[] dir = new double[15];
        for (int j = 0; j < 15; j++) {
            dir[j] = (j % 4 - 1.5) * 0.3;
        }
        double[] jvp = d.jvp(x, dir);
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            double scale = 0;
            for (int j = 0; j < 15; j++) {
                sum += jac[k][j] * dir[j];
                scale += Math.abs(jac[k][j] * dir[j]);
            }
            Close.scaled(jvp[k], sum, scale, 32);
        }
        Close.scaled(d.directional(x, dir), jvp[0], Math.abs(jvp[0]), 0);
    }

    @Test
    void jvpAlongAUnitVectorIsThePartial() {
        Derivatives d = DUAL.prepare(nineteen());
        double[] x = point19();
        double[][] jac = d.jacobian(x);
        for (int j = 0; j < 19; j++) {
            double[] e = new double[19];
            e[j] = 1;
            double[] jvp = d.jvp(x, e);
            for (int k = 0; k < 3; k++) {
                assertThat(jvp[k]).isEqualTo(jac[k][j]);
            }
        }
    }
}
