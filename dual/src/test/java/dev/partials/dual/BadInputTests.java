package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Derivatives;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every method checks its arguments and throws the documented kind. */
class BadInputTests {

    private final PartialDerivative dual = PartialDerivative.of("dual");
    private final Derivatives d = dual.prepare(Functions.SEED);
    private final double[] good = {1, 2};

    private static void fails(Kind kind, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void rejectsAPointOfTheWrongLength() {
        double[] bad = {1, 2, 3};
        fails(Kind.DIMENSION_MISMATCH, () -> d.values(bad, new double[1]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.value(bad));
        fails(Kind.DIMENSION_MISMATCH, () -> d.gradient(bad, new double[2]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.jacobian(bad, new double[2]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.hessian(bad, new double[4]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.jvp(bad, good, new double[1]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.partial(MultiIndex.of(1, 0), bad));
        fails(Kind.DIMENSION_MISMATCH, () -> d.partial(MultiIndex.of(2, 0), bad));
    }

    @Test
    void rejectsANonFiniteCoordinate() {
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] bad = {x, 2};
            fails(Kind.NON_FINITE_POINT, () -> d.value(bad));
            fails(Kind.NON_FINITE_POINT, () -> d.gradient(bad));
            fails(Kind.NON_FINITE_POINT, () -> d.hessian(bad));
            fails(Kind.NON_FINITE_POINT, () -> d.partial(MultiIndex.of(3, 1), bad));
            fails(Kind.NON_FINITE_POINT, () -> d.jvp(good, bad));
        }
    }

    @Test
    void rejectsTooShortOutputArrays() {
        fails(Kind.DIMENSION_MISMATCH, () -> d.values(good, new double[0]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.gradient(good, new double[1]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.jacobian(good, new double[1]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.hessian(good, new double[3]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.jvp(good, good, new double[0]));
        fails(Kind.DIMENSION_MISMATCH, () -> d.gradient(good, null));
    }

    @Test
    void rejectsAnOutputThatDoesNotExist() {
        fails(Kind.NO_SUCH_OUTPUT, () -> d.gradient(1, good, new double[2]));
        fails(Kind.NO_SUCH_OUTPUT, () -> d.hessian(-1, good, new double[4]));
        fails(Kind.NO_SUCH_OUTPUT, () -> d.partial(2, MultiIndex.of(1, 1), good));
    }

    @Test
    void rejectsAMultiIndexOfTheWrongDimension() {
        fails(Kind.DIMENSION_MISMATCH, () -> d.partial(MultiIndex.of(1), good));
        fails(Kind.DIMENSION_MISMATCH, () -> d.partial(MultiIndex.of(1, 1, 1), good));
    }

    @Test
    void rejectsAnOrderAboveTheCapability() {
        int max = dual.capabilities().maxOrder();
        fails(Kind.ORDER_NOT_SUPPORTED, () -> d.partial(MultiIndex.of(max + 1, 0), good));
        fails(Kind.ORDER_NOT_SUPPORTED, () -> d.partial(MultiIndex.of(max - 3, 4), good));
        assertThat(d.partial(MultiIndex.of(max - 3, 3), good)).isEqualTo(0.0);
    }

    @Test
    void rejectsBadDirections() {
        fails(Kind.DIMENSION_MISMATCH, () -> d.jvp(good, new double[] {1}));
        fails(Kind.NON_FINITE_POINT, () -> d.jvp(good, new double[] {1, Double.NaN}));
        fails(Kind.NON_FINITE_POINT, () -> d.directional(good, new double[] {Double.NEGATIVE_INFINITY, 1}));
    }

    @Test
    void rejectsBadBatches() {
        fails(Kind.DIMENSION_MISMATCH, () -> d.gradientBatch(new double[][] {{1, 2}}));
        fails(Kind.DIMENSION_MISMATCH, () -> d.gradientBatch(new double[][] {{1, 2}, {1}}));
        fails(Kind.NON_FINITE_POINT, () -> d.gradientBatch(new double[][] {{1, Double.NaN}, {1, 2}}));
        fails(Kind.DIMENSION_MISMATCH, () -> d.valuesBatch(new double[][] {{1, 2}, {3, 4}}, new double[][] {{0}}));
        fails(Kind.DIMENSION_MISMATCH, () -> d.jacobianBatch(new double[][] {{1, 2}, {3, 4}}, null, new double[1][2]));
        fails(Kind.DIMENSION_MISMATCH,
                () -> d.jvpBatch(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 1}}, new double[1][2]));
        fails(Kind.NON_FINITE_POINT, () -> d.jvpBatch(new double[][] {{1, 2}, {3, 4}},
                new double[][] {{1, 1}, {Double.NaN, 0}}, new double[1][2]));
        fails(Kind.DIMENSION_MISMATCH,
                () -> d.gradientBatch(new double[][] {{1, 2}, {3, 4}}, new double[1], new double[2][2]));
    }

    @Test
    void offersNoErrorEstimatesAndNoSymbolicOutput() {
        fails(Kind.NOT_SUPPORTED, () -> d.partialEstimate(0, MultiIndex.of(1, 0), good));
        fails(Kind.NOT_SUPPORTED, () -> d.gradientEstimate(good));
        assertThat(d.derivativeExpression(0, MultiIndex.of(1, 0))).isEmpty();
    }
}
