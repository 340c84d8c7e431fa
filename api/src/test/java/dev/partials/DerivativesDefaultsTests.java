package dev.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.spi.Checks;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The default methods of {@link Derivatives}, over a hand-written provider for
 * f = [x^2*y, x + y] whose partials are closed forms.
 */
class DerivativesDefaultsTests {

    private static final Formula F = Formula.of(List.of("x", "y"), List.of(
            Expression.variable("x").pow(2).times(Expression.variable("y")),
            Expression.variable("x").plus(Expression.variable("y"))));

    private static final class ClosedForm implements Derivatives, PartialDerivative {
        final AtomicInteger partialCalls = new AtomicInteger();

        @Override
        public String id() {
            return "closed-form";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(true, 2, true, false, false, false);
        }

        @Override
        public Derivatives prepare(Formula formula) {
            return this;
        }

        @Override
        public Formula formula() {
            return F;
        }

        @Override
        public PartialDerivative provider() {
            return this;
        }

        @Override
        public void values(double[] point, double[] out) {
            Checks.point(F, point);
            out[0] = point[0] * point[0] * point[1];
            out[1] = point[0] + point[1];
        }

        @Override
        public double partial(int output, MultiIndex index, double[] point) {
            Checks.output(F, output);
            Checks.point(F, point);
            Checks.index(id(), capabilities(), F, index);
            partialCalls.incrementAndGet();
            double x = point[0];
            double y = point[1];
            int i = index.count(0);
            int j = index.count(1);
            if (output == 1) {
                return i + j == 0 ? x + y : (i + j == 1 ? 1 : 0);
            }
            // x^2*y
            double dx = switch (i) {
                case 0 -> x * x;
                case 1 -> 2 * x;
                case 2 -> 2;
                default -> 0;
            };
            double dy = switch (j) {
                case 0 -> y;
                case 1 -> 1;
                default -> 0;
            };
            return dx * dy;
        }
    }

    @Test
    void gradientJacobianAndHessianFollowTheDocumentedLayout() {
        ClosedForm d = new ClosedForm();
        assertThat(d.value(3, 2)).isEqualTo(18);
        assertThat(d.values(3, 2)).containsExactly(18, 5);
        assertThat(d.gradient(3, 2)).containsExactly(12, 9);
        assertThat(d.jacobian(3, 2)).isDeepEqualTo(new double[][] {{12, 9}, {1, 1}});
        double[] flat = new double[4];
        d.jacobian(new double[] {3, 2}, flat);
        assertThat(flat).containsExactly(12, 9, 1, 1);
        d.partialCalls.set(0);
        assertThat(d.hessian(3, 2)).isDeepEqualTo(new double[][] {{4, 6}, {6, 0}});
        assertThat(d.partialCalls.get()).as("each pair once").isEqualTo(3);
        assertThat(d.partial(MultiIndex.of(F, "x", "y"), 3, 2)).isEqualTo(6);
    }

    @Test
    void jvpIsJacobianTimesDirection() {
        ClosedForm d = new ClosedForm();
        assertThat(d.jvp(new double[] {3, 2}, new double[] {1, -1})).containsExactly(12 - 9, 0);
        assertThat(d.directional(new double[] {3, 2}, new double[] {0, 2})).isEqualTo(18);
    }

    @Test
    void batchesAreColumns() {
        ClosedForm d = new ClosedForm();
        double[][] points = {{1, 2, 3}, {1, 1, 2}};
        double[] values = new double[3];
        double[][] gradients = new double[2][3];
        d.gradientBatch(points, values, gradients);
        assertThat(values).containsExactly(1, 4, 18);
        assertThat(gradients[0]).containsExactly(2, 4, 12);
        assertThat(gradients[1]).containsExactly(1, 4, 9);
        double[][] jac = new double[4][3];
        double[][] vals = new double[2][3];
        d.jacobianBatch(points, vals, jac);
        assertThat(vals[1]).containsExactly(2, 3, 5);
        assertThat(jac[2]).containsExactly(1, 1, 1);
        double[][] out = new double[2][0];
        d.valuesBatch(new double[][] {{}, {}}, out);
        assertThat(d.gradientBatch(new double[][] {{}, {}})).hasDimensions(2, 0);
    }

    @Test
    void badInputGetsTypedErrors() {
        ClosedForm d = new ClosedForm();
        assertKind(() -> d.gradient(1), PartialsException.Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.gradient(1, Double.NaN), PartialsException.Kind.NON_FINITE_POINT);
        assertKind(() -> d.gradient(1, Double.POSITIVE_INFINITY), PartialsException.Kind.NON_FINITE_POINT);
        assertKind(() -> d.partial(2, MultiIndex.of(1, 0), new double[] {1, 2}), PartialsException.Kind.NO_SUCH_OUTPUT);
        assertKind(() -> d.partial(MultiIndex.of(1, 0, 0), 1, 2), PartialsException.Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.partial(MultiIndex.of(3, 0), 1, 2), PartialsException.Kind.ORDER_NOT_SUPPORTED);
        assertKind(() -> d.partialEstimate(0, MultiIndex.of(1, 0), new double[] {1, 2}), PartialsException.Kind.NOT_SUPPORTED);
        assertKind(() -> d.gradientBatch(new double[][] {{1, 2}, {1}}), PartialsException.Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jacobian(new double[] {1, 2}, new double[3]), PartialsException.Kind.DIMENSION_MISMATCH);
        assertThat(d.derivativeExpression(0, MultiIndex.of(1, 0))).isEmpty();
        Formula constant = Formula.of(List.of(), Expression.constant(3));
        assertKind(() -> dev.partials.spi.Checks.batch(constant, new double[0][]), PartialsException.Kind.INVALID_ARGUMENT);
    }

    @Test
    void orderErrorNamesTheLimit() {
        ClosedForm d = new ClosedForm();
        assertThatThrownBy(() -> d.partial(MultiIndex.of(3, 0), 1, 2))
                .isInstanceOfSatisfying(PartialsException.class, e -> {
                    assertThat(e.providerId()).contains("closed-form");
                    assertThat(e.order()).hasValue(3);
                    assertThat(e.getMessage()).startsWith("Provider \"closed-form\" supports order <= 2, got 3");
                });
    }

    private static void assertKind(Runnable r, PartialsException.Kind kind) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(PartialsException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
