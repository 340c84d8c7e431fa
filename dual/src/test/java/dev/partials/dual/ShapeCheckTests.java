package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The directional derivative and the batched forms check the shapes of their arrays with a typed
 * exception, and compute what their closed forms say; {@link Dual} checks its dimension and index.
 */
class ShapeCheckTests {

    /** f = (x·y + sin x, x − y²): ∇f₀ = (y + cos x, x), ∇f₁ = (1, −2y). */
    private static final Formula F = Formula.parse("[x*y + sin(x), x - y^2]");

    private static Derivatives prepare() {
        return PartialDerivative.of("dual").prepare(F);
    }

    @Test
    void directionalDerivativeIsTheGradientAlongTheDirection() {
        Derivatives d = prepare();
        assertThat(d.directional(new double[] {1, 2}, new double[] {3, -1})).isEqualTo((2 + Math.cos(1)) * 3 - 1);
        assertThat(d.directional(new double[] {0.5, -1}, new double[] {0, 2})).isEqualTo(0.5 * 2);
        assertKind(() -> d.directional(new double[] {1}, new double[] {1, 1}), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.directional(new double[] {1, 2}, new double[] {1}), Kind.DIMENSION_MISMATCH);
    }

    @Test
    void batchesComputeTheClosedFormAtEveryPoint() {
        Derivatives d = prepare();
        double[][] points = {{1, 0.5, -2}, {2, -1, 3}};
        double[][] jacobians = new double[4][3];
        d.jacobianBatch(points, null, jacobians);
        double[][] values = new double[2][3];
        double[][] gradients = new double[2][3];
        d.gradientBatch(points, null, gradients);
        d.jacobianBatch(points, values, new double[4][3]);
        double[][] jvps = new double[2][3];
        d.jvpBatch(points, new double[][] {{1, 1, 1}, {0, 0, 0}}, jvps);
        for (int p = 0; p < 3; p++) {
            double x = points[0][p];
            double y = points[1][p];
            assertThat(jacobians[0][p]).isEqualTo(y + Math.cos(x));
            assertThat(jacobians[1][p]).isEqualTo(x);
            assertThat(jacobians[2][p]).isEqualTo(1);
            assertThat(jacobians[3][p]).isEqualTo(-2 * y);
            assertThat(gradients[0][p]).isEqualTo(y + Math.cos(x));
            assertThat(gradients[1][p]).isEqualTo(x);
            assertThat(values[0][p]).isEqualTo(x * y + Math.sin(x));
            assertThat(values[1][p]).isEqualTo(x - y * y);
            assertThat(jvps[0][p]).isEqualTo(y + Math.cos(x));
            assertThat(jvps[1][p]).isEqualTo(1);
        }
    }

    @Test
    void batchOutputArraysOfTheWrongShapeAreRejected() {
        Derivatives d = prepare();
        double[][] points = {{1, 2, 3}, {4, 5, 6}};
        assertKind(() -> d.gradientBatch(points, null, new double[2][2]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.gradientBatch(points, null, new double[1][3]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.gradientBatch(points, new double[2], new double[2][3]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jacobianBatch(points, null, new double[4][2]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jacobianBatch(points, null, new double[3][3]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jacobianBatch(points, new double[2][2], new double[4][3]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jacobianBatch(points, new double[1][3], new double[4][3]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jvpBatch(points, new double[2][2], new double[2][3]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jvpBatch(points, new double[2][3], new double[2][2]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jvpBatch(points, new double[2][3], new double[1][3]), Kind.DIMENSION_MISMATCH);
    }

    @Test
    void dualVariablesCheckTheirDimensionAndIndex() {
        assertKind(() -> Dual.variable(-1, 0, 1.0), Kind.INVALID_ARGUMENT);
        assertKind(() -> Dual.constant(-1, 1.0), Kind.INVALID_ARGUMENT);
        assertKind(() -> Dual.variable(2, 2, 1.0), Kind.DIMENSION_MISMATCH);
        assertKind(() -> Dual.variable(2, -1, 1.0), Kind.DIMENSION_MISMATCH);
        assertThatThrownBy(() -> Dual.variable(3, 5, 1.0)).hasMessageContaining("0..2");
        Dual x = Dual.variable(3, 2, 1.5);
        assertThat(x.partial(2)).isEqualTo(1);
        assertKind(() -> x.partial(3), Kind.DIMENSION_MISMATCH);
        assertKind(() -> x.partial(-1), Kind.DIMENSION_MISMATCH);
        assertThatThrownBy(() -> x.partial(3)).hasMessageContaining("0..2");
    }

    @Test
    void providerAndDerivativesDescribeThemselves() {
        PartialDerivative dual = PartialDerivative.of("dual");
        assertThat(dual.description()).isNotBlank();
        assertThat(dual.toString()).contains("dual");
        assertThat(prepare().toString()).contains("dual");
    }

    private static void assertKind(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
