package dev.partials.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The complex evaluator operation by operation, against closed-form derivatives written here
 * (independently of {@link Op}), in ulps of the derivative; the conventions at kinks and domain
 * edges; the step's underflow guard; the one-pass JVP.
 */
class ComplexStepOperationTests {

    private static final PartialDerivative CS = PartialDerivative.of("complex-step");
    private static final Expression X = Expression.variable("x");
    private static final Expression Y = Expression.variable("y");
    private static final double EPS = Math.ulp(1.0);

    /** |actual − expected| ≤ ulps·ε·|expected|. */
    private static void ulps(double actual, double expected, double ulps) {
        assertThat(Math.abs(actual - expected)).as("actual %s, expected %s", actual, expected)
                .isLessThanOrEqualTo(ulps * EPS * Math.abs(expected));
    }

    private static double derivative(Expression f, double x) {
        return CS.prepare(Formula.of(List.of("x"), f)).partial(MultiIndex.of(1), x);
    }

    static Stream<Arguments> unaryOperations() {
        DoubleUnaryOperator sigmoid = v -> 1 / (1 + Math.exp(-v));
        return Stream.of(
                Arguments.of(Op.NEGATE, (DoubleUnaryOperator) v -> -1, new double[] {-2, 0.5, 3}),
                Arguments.of(Op.SIN, (DoubleUnaryOperator) Math::cos, new double[] {-2, 0.5, 3}),
                Arguments.of(Op.COS, (DoubleUnaryOperator) v -> -Math.sin(v), new double[] {-2, 0.5, 3}),
                Arguments.of(Op.TAN, (DoubleUnaryOperator) v -> 1 / (Math.cos(v) * Math.cos(v)), new double[] {-1.2, 0.5, 1.5}),
                Arguments.of(Op.ASIN, (DoubleUnaryOperator) v -> 1 / Math.sqrt(1 - v * v), new double[] {-0.9, 0.1, 0.7}),
                Arguments.of(Op.ACOS, (DoubleUnaryOperator) v -> -1 / Math.sqrt(1 - v * v), new double[] {-0.9, 0.1, 0.7}),
                Arguments.of(Op.ATAN, (DoubleUnaryOperator) v -> 1 / (1 + v * v), new double[] {-5, 0.5, 30}),
                Arguments.of(Op.SINH, (DoubleUnaryOperator) Math::cosh, new double[] {-3, 0.5, 20}),
                Arguments.of(Op.COSH, (DoubleUnaryOperator) Math::sinh, new double[] {-3, 0.5, 20}),
                Arguments.of(Op.TANH, (DoubleUnaryOperator) v -> 1 / (Math.cosh(v) * Math.cosh(v)), new double[] {-9, 0.5, 15}),
                Arguments.of(Op.EXP, (DoubleUnaryOperator) Math::exp, new double[] {-20, 0.5, 300}),
                Arguments.of(Op.LOG, (DoubleUnaryOperator) v -> 1 / v, new double[] {1e-5, 0.5, 1e10}),
                Arguments.of(Op.SQRT, (DoubleUnaryOperator) v -> 0.5 / Math.sqrt(v), new double[] {1e-8, 0.5, 1e6}),
                Arguments.of(Op.ABS, (DoubleUnaryOperator) Math::signum, new double[] {-2, 0.5, 1e-300}),
                Arguments.of(Op.SIGMOID, (DoubleUnaryOperator) v -> sigmoid.applyAsDouble(v) * sigmoid.applyAsDouble(-v),
                        new double[] {-30, 0.5, 12}),
                Arguments.of(Op.RELU, (DoubleUnaryOperator) v -> v > 0 ? 1 : 0, new double[] {-2, 0.5, 1e-300}),
                Arguments.of(Op.SOFTPLUS, sigmoid, new double[] {-30, 0.5, 40}));
    }

    @ParameterizedTest
    @MethodSource("unaryOperations")
    void everyUnaryOperationHasItsClosedFormDerivative(Op op, DoubleUnaryOperator derivative, double[] points) {
        for (double x : points) {
            ulps(derivative(Expression.unary(op, X), x), derivative.applyAsDouble(x), 4);
        }
    }

    @Test
    void everyBinaryOperationHasItsClosedFormPartials() {
        double x = 1.7;
        double y = -0.6;
        double[] p = {x, y};
        record Case(Expression f, double dx, double dy) {
        }
        List<Case> cases = List.of(
                new Case(X.plus(Y), 1, 1),
                new Case(X.minus(Y), 1, -1),
                new Case(X.times(Y), y, x),
                new Case(X.div(Y), 1 / y, -x / (y * y)),
                new Case(X.pow(Y), y * Math.pow(x, y - 1), Math.pow(x, y) * Math.log(x)),
                new Case(Y.atan2(X), -y / (x * x + y * y), x / (x * x + y * y)),
                new Case(X.min(Y), 0, 1),
                new Case(X.max(Y), 1, 0));
        for (Case c : cases) {
            Derivatives d = CS.prepare(Formula.of(List.of("x", "y"), c.f()));
            double[] g = d.gradient(p);
            ulps(g[0], c.dx(), 4);
            ulps(g[1], c.dy(), 4);
        }
    }

    @Test
    void compositionsFollowTheChainRuleToRounding() {
        // f = exp(sin(x·y)) / (1 + x²): ∂f/∂x = f·(y cos(xy) - 2x/(1 + x²)).
        Expression f = X.times(Y).sin().exp().div(X.pow(2).plus(1));
        Derivatives d = CS.prepare(Formula.of(List.of("x", "y"), f));
        double x = 0.8;
        double y = 1.9;
        double value = Math.exp(Math.sin(x * y)) / (1 + x * x);
        double dx = value * (y * Math.cos(x * y) - 2 * x / (1 + x * x));
        // Each side rounds about ten operations; the difference of the two terms cancels by about 4.
        double scale = value * (Math.abs(y * Math.cos(x * y)) + 2 * x / (1 + x * x));
        assertThat(Math.abs(d.partial(MultiIndex.of(1, 0), x, y) - dx)).isLessThanOrEqualTo(32 * EPS * scale);
    }

    @Test
    void gradientOfSeedExampleIsExactlyEightAndThree() {
        Derivatives d = CS.prepare(Formula.of(List.of("x", "y"), X.pow(2).plus(X.times(Y).times(3))));
        assertThat(d.gradient(1, 2)).containsExactly(8, 3);
    }

    @Test
    void kinksFollowTheConventions() {
        assertThat(derivative(X.abs(), 0)).isEqualTo(0.0);
        assertThat(derivative(X.relu(), 0)).isEqualTo(0.0);
        assertThat(derivative(X.sqrt(), 0)).isEqualTo(Double.POSITIVE_INFINITY);
        Derivatives min = CS.prepare(Formula.of(List.of("x", "y"), X.min(Y)));
        assertThat(min.gradient(2, 2)).containsExactly(0.5, 0.5);
        Derivatives max = CS.prepare(Formula.of(List.of("x", "y"), X.max(Y)));
        assertThat(max.gradient(-1, -1)).containsExactly(0.5, 0.5);
    }

    @Test
    void powersFollowTheExponentClass() {
        assertThat(derivative(X.pow(3), -2)).isEqualTo(12.0);
        assertThat(derivative(X.pow(0), 0)).isEqualTo(0.0);
        Derivatives xy = CS.prepare(Formula.of(List.of("x", "y"), X.pow(Y)));
        assertThat(xy.partial(MultiIndex.of(0, 1), 0, 2)).isEqualTo(0.0);    // never 0·log 0
        assertThat(xy.partial(MultiIndex.of(1, 0), -1, 0.5)).isNaN();        // negative base, non-integer exponent
        assertThat(derivative(X.pow(-2), -0.5)).isEqualTo(16.0);
    }

    @Test
    void outsideTheDomainPartialsAreNaNButStructuralZerosStayZero() {
        assertThat(derivative(X.log(), -1)).isNaN();
        assertThat(derivative(X.asin(), 2)).isNaN();
        Derivatives d = CS.prepare(Formula.of(List.of("x", "y", "z"),
                X.plus(Expression.constant(0).times(Y.log()))));
        assertThat(d.value(1, 0, 5)).isNaN();
        assertThat(d.gradient(1, 0, 5)).containsExactly(1.0, Double.NaN, 0.0);
    }

    @Test
    void derivativesFarBelowTheStepKeepTheirDigits() {
        // exp at -300: Im = 2^-664 · 5e-131 would be subnormal; the pass is repeated with a larger step.
        ulps(derivative(X.exp(), -300), Math.exp(-300), 2);
        // x^100 at 0.01: 100·0.01^99 = 1e-196.
        ulps(derivative(X.pow(100), 0.01), 100 * Math.pow(0.01, 99), 4);
    }

    @Test
    void jvpIsTheDirectionalDerivativeInOnePass() {
        Formula f = Formula.of(List.of("x", "y", "z"),
                List.of(X.times(Y).sin(), Y.exp().plus(Expression.variable("z").pow(2)), X.log()));
        Derivatives d = CS.prepare(f);
        double[] p = {0.7, -0.2, 1.5};
        double[] v = {3e-5, 0, -2e7};
        double[] jvp = d.jvp(p, v);
        double[][] j = d.jacobian(p);
        for (int k = 0; k < 3; k++) {
            double expected = 0;
            double scale = 0;
            for (int i = 0; i < 3; i++) {
                expected += j[k][i] * v[i];
                scale += Math.abs(j[k][i] * v[i]);
            }
            assertThat(Math.abs(jvp[k] - expected)).isLessThanOrEqualTo(4 * EPS * scale);
        }
        assertThat(d.jvp(p, new double[3])).containsExactly(0, 0, 0);
    }

    @Test
    void isExactFirstOrderWithoutErrorEstimates() {
        assertThat(CS.capabilities()).isEqualTo(new Capabilities(true, 1, false, false, false, false));
    }

    @Test
    void rejectsSecondOrderNamingAProviderThatCan() {
        Derivatives d = CS.prepare(Formula.of(List.of("x"), X.exp()));
        assertThatThrownBy(() -> d.partial(MultiIndex.of(2), 1.0)).isInstanceOfSatisfying(PartialsException.class, e -> {
            assertThat(e.kind()).isEqualTo(PartialsException.Kind.ORDER_NOT_SUPPORTED);
            assertThat(e.suggestions()).contains("finite-difference");
        });
        assertThatThrownBy(() -> d.hessian(1.0)).isInstanceOfSatisfying(PartialsException.class,
                e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.ORDER_NOT_SUPPORTED));
        assertThatThrownBy(() -> d.partialEstimate(0, MultiIndex.of(1), new double[] {1}))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.NOT_SUPPORTED));
    }
}
