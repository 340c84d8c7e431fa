package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Each request shape of the symbolic provider — expressions, matrices, values, partials, Hessians,
 * JVPs — checks its arguments with a typed exception, and answers the degenerate shapes (no
 * variables, structural zeros, order 0) by the conventions of the SPI.
 */
class RequestShapeTests {

    @Test
    void expressionRequestsRejectAnOutputThatDoesNotExist() {
        SymbolicDerivatives d = Symbolic.prepare(Formula.parse("x*y"));
        assertKind(() -> d.derivative(1, MultiIndex.of(1, 0)), Kind.NO_SUCH_OUTPUT);
        assertKind(() -> d.derivative(0, MultiIndex.of(1)), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.gradientExpressions(1), Kind.NO_SUCH_OUTPUT);
        assertKind(() -> d.gradientExpressions(-1), Kind.NO_SUCH_OUTPUT);
        assertKind(() -> d.hessianExpressions(1), Kind.NO_SUCH_OUTPUT);
        assertKind(() -> d.hessianExpressions(-1), Kind.NO_SUCH_OUTPUT);
    }

    @Test
    void jacobianExpressionsHaveOneRowPerOutput() {
        // ∂(x·y, x + y³)/∂(x, y) = [[y, x], [1, 3y²]]
        ExpressionMatrix j = Symbolic.prepare(Formula.parse("[x*y, x + y^3]")).jacobianExpressions();
        assertThat(j.rowCount()).isEqualTo(2);
        assertThat(j.columnCount()).isEqualTo(2);
        assertThat(j.text()).isEqualTo("[[y, x], [1, 3*y^2]]");
        assertThat(j).hasToString(j.text());
        ExpressionMatrix wide = Symbolic.prepare(Formula.parse("x + 2*y + 3*z")).jacobianExpressions();
        assertThat(wide.rowCount()).isEqualTo(1);
        assertThat(wide.columnCount()).isEqualTo(3);
        assertThat(new ExpressionMatrix(List.of()).columnCount()).isZero();
    }

    @Test
    void matrixRowsMustHaveOneLength() {
        var x = Formula.parse("x").output(0);
        assertKind(() -> new ExpressionMatrix(List.of(List.of(x), List.of(x, x))), Kind.DIMENSION_MISMATCH);
        assertKind(() -> new ExpressionMatrix(List.of(List.of(x, x), List.of(x))), Kind.DIMENSION_MISMATCH);
    }

    @Test
    void arraysTooShortForTheResultAreRejected() {
        Derivatives d = PartialDerivative.of("symbolic").prepare(Formula.parse("[x*y, x - y]"));
        double[] point = {1, 2};
        assertKind(() -> d.hessian(0, point, new double[3]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jvp(point, new double[] {1, 0}, new double[1]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.jacobian(point, new double[3]), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.gradient(0, point, new double[1]), Kind.DIMENSION_MISMATCH);
    }

    @Test
    void aFormulaWithoutVariablesHasAnEmptyGradientAndZeroJvp() {
        Derivatives d = PartialDerivative.of("symbolic").prepare(Formula.parse("[3, 4]", List.of()));
        double[] jvp = {Double.NaN, Double.NaN};
        d.jvp(new double[0], new double[0], jvp);
        assertThat(jvp).containsExactly(0, 0);
        double[] values = new double[2];
        d.values(new double[0], values);
        assertThat(values).containsExactly(3, 4);
        // empty gradient, Jacobian and Hessian: nothing to compute, nothing to fail
        d.gradient(1, new double[0], new double[0]);
        d.jacobian(new double[0], new double[0]);
        d.hessian(0, new double[0], new double[0]);
        assertThat(d.gradient()).isEmpty();
    }

    @Test
    void orderZeroPartialIsTheFormulasOwnValueNotTheSimplifiedOnes() {
        // 0.1·x + 0.2·x simplifies to 3/10·x, which rounds differently: the value is the formula's
        Derivatives d = PartialDerivative.of("symbolic").prepare(Formula.parse("0.1*x + 0.2*x"));
        for (double x : new double[] {3, 7, 0.1, 1e10}) {
            double asWritten = 0.1 * x + 0.2 * x;
            assertThat(d.partial(MultiIndex.of(0), x)).as("x = %s", x).isEqualTo(asWritten);
            assertThat(d.values(x)[0]).isEqualTo(asWritten);
        }
        assertThat(d.partial(MultiIndex.of(0), 3)).isNotEqualTo(0.3 * 3);
    }

    @Test
    void structuralZeroStaysZeroWhereALogarithmIsUndefined() {
        // f = y·log(x): ∂f/∂x = y/x is NaN for x < 0 (log is NaN there), but ∂³f/∂x∂y² is 0 everywhere
        Derivatives d = PartialDerivative.of("symbolic").prepare(Formula.parse("y*log(x)"));
        assertThat(d.partial(MultiIndex.of(1, 0), -1, 2)).isNaN();
        assertThat(d.partial(MultiIndex.of(1, 1), -1, 2)).isNaN();
        assertThat(d.partial(MultiIndex.of(1, 2), -1, 2)).isEqualTo(0);
        assertThat(d.partial(MultiIndex.of(0, 2), -1, 2)).isEqualTo(0);
        assertThat(d.partial(MultiIndex.of(1, 1), 4, 2)).isEqualTo(0.25);
        double[] hessian = new double[4];
        d.hessian(0, new double[] {-1, 2}, hessian);
        assertThat(hessian[3]).isEqualTo(0);
        assertThat(Arrays.copyOf(hessian, 3)).containsOnly(Double.NaN);
    }

    @Test
    void providerDescribesItself() {
        PartialDerivative p = PartialDerivative.of("symbolic");
        assertThat(p.description()).containsIgnoringCase("symbolic");
        assertThat(p.toString()).contains("symbolic");
        assertThat(Symbolic.prepare(Formula.parse("x")).toString()).contains("x");
    }

    private static void assertKind(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
