package dev.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class OpTests {

    /** Closed forms written independently of Op's implementation (different algebraic routes). */
    private static final Map<Op, DoubleUnaryOperator> DERIVATIVES = new EnumMap<>(Op.class);

    static {
        DERIVATIVES.put(Op.NEGATE, a -> -1);
        DERIVATIVES.put(Op.SIN, Math::cos);
        DERIVATIVES.put(Op.COS, a -> -Math.sin(a));
        DERIVATIVES.put(Op.TAN, a -> 1 / (Math.cos(a) * Math.cos(a)));
        DERIVATIVES.put(Op.ASIN, a -> 1 / Math.sqrt((1 - a) * (1 + a)));
        DERIVATIVES.put(Op.ACOS, a -> -1 / Math.sqrt((1 - a) * (1 + a)));
        DERIVATIVES.put(Op.ATAN, a -> 1 / (1 + a * a));
        DERIVATIVES.put(Op.SINH, a -> (Math.exp(a) + Math.exp(-a)) / 2);
        DERIVATIVES.put(Op.COSH, a -> (Math.exp(a) - Math.exp(-a)) / 2);
        DERIVATIVES.put(Op.TANH, a -> 1 / (Math.cosh(a) * Math.cosh(a)));
        DERIVATIVES.put(Op.EXP, Math::exp);
        DERIVATIVES.put(Op.LOG, a -> a < 0 ? Double.NaN : 1 / a); // no derivative outside the domain
        DERIVATIVES.put(Op.SQRT, a -> 1 / (2 * Math.sqrt(a)));
        DERIVATIVES.put(Op.ABS, Math::signum);
        DERIVATIVES.put(Op.SIGMOID, a -> Math.exp(-a) / ((1 + Math.exp(-a)) * (1 + Math.exp(-a))));
        DERIVATIVES.put(Op.RELU, a -> a > 0 ? 1 : 0);
        DERIVATIVES.put(Op.SOFTPLUS, a -> 1 / (1 + Math.exp(-a)));
    }

    @Test
    void everyUnaryDerivativeMatchesItsClosedForm() {
        double[] points = {-0.9, -0.3, 0.2, 0.7, 0.95};
        for (Op op : Op.values()) {
            if (op.arity() != 1) {
                continue;
            }
            assertThat(DERIVATIVES).as("closed form for %s", op).containsKey(op);
            for (double a : points) {
                double v = op.apply(a);
                double expected = DERIVATIVES.get(op).applyAsDouble(a);
                if (Double.isNaN(expected)) { // outside the domain (log, sqrt of a negative)
                    assertThat(op.derivative(a, v)).as("%s'(%s)", op, a).isNaN();
                    continue;
                }
                assertThat(op.derivative(a, v)).as("%s'(%s)", op, a)
                        .isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void binaryPartialsMatchClosedForms() {
        double a = 1.7;
        double b = -0.4;
        assertThat(Op.MULTIPLY.partialLeft(a, b, a * b)).isEqualTo(b);
        assertThat(Op.MULTIPLY.partialRight(a, b, a * b)).isEqualTo(a);
        assertThat(Op.DIVIDE.partialLeft(a, b, a / b)).isEqualTo(1 / b);
        assertThat(Op.DIVIDE.partialRight(a, b, a / b)).isCloseTo(-a / (b * b), org.assertj.core.data.Percentage.withPercentage(1e-13));
        assertThat(Op.SUBTRACT.partialRight(a, b, a - b)).isEqualTo(-1);
        double p = Math.pow(a, b);
        assertThat(Op.POWER.partialLeft(a, b, p)).isCloseTo(b * p / a, within(4e-16 * Math.abs(b * p / a)));
        assertThat(Op.POWER.partialRight(a, b, p)).isCloseTo(p * Math.log(a), within(4e-16 * Math.abs(p * Math.log(a))));
        // atan2(y, x): ∂/∂y = x/(x²+y²), ∂/∂x = -y/(x²+y²)
        double y = 0.3;
        double x = -2.0;
        assertThat(Op.ATAN2.partialLeft(y, x, Math.atan2(y, x))).isCloseTo(x / (x * x + y * y), org.assertj.core.data.Percentage.withPercentage(1e-13));
        assertThat(Op.ATAN2.partialRight(y, x, Math.atan2(y, x))).isCloseTo(-y / (x * x + y * y), org.assertj.core.data.Percentage.withPercentage(1e-13));
    }

    @Test
    void conventionsAtKinksAndDomainEdges() {
        assertThat(Op.ABS.derivative(0, 0)).isZero();
        assertThat(Op.RELU.derivative(0, 0)).isZero();
        assertThat(Op.RELU.apply(-2)).isZero();
        assertThat(Op.MIN.partialLeft(2, 2, 2)).isEqualTo(0.5);
        assertThat(Op.MIN.partialRight(2, 2, 2)).isEqualTo(0.5);
        assertThat(Op.MAX.partialLeft(2, 2, 2)).isEqualTo(0.5);
        assertThat(Op.MAX.partialRight(2, 2, 2)).isEqualTo(0.5);
        assertThat(Op.MIN.partialLeft(1, 2, 1)).isEqualTo(1);
        assertThat(Op.MAX.partialLeft(1, 2, 2)).isZero();
        assertThat(Op.SQRT.derivative(0, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        // x^n, integer n, negative base: n*x^(n-1)
        assertThat(Op.POWER.apply(-2, 3)).isEqualTo(-8);
        assertThat(Op.POWER.partialLeft(-2, 3, -8)).isEqualTo(12);
        // x^0 = 1 with derivative 0, also at 0
        assertThat(Op.POWER.apply(0, 0)).isEqualTo(1);
        assertThat(Op.POWER.partialLeft(0, 0, 1)).isZero();
        assertThat(Op.POWER.partialLeft(5, 0, 1)).isZero();
        // x^y at x = 0: ∂/∂y = 0 for y > 0
        assertThat(Op.POWER.partialRight(0, 2, 0)).isZero();
        assertThat(Op.POWER.partialRight(0, 0.5, 0)).isZero();
        // negative base, non-integer exponent: NaN
        assertThat(Op.POWER.apply(-1, 0.5)).isNaN();
        assertThat(Op.POWER.partialLeft(-1, 0.5, Double.NaN)).isNaN();
        // outside a domain: NaN, never an exception
        assertThat(Op.LOG.apply(-1)).isNaN();
        assertThat(Op.LOG.derivative(-1, Double.NaN)).isNaN();
        assertThat(Op.ASIN.apply(2)).isNaN();
        assertThat(Op.ASIN.derivative(2, Double.NaN)).isNaN();
        assertThat(Op.LOG.apply(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Op.LOG.derivative(0, Double.NEGATIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void numericallyStableFunctionsDoNotOverflow() {
        assertThat(Op.SIGMOID.apply(-800)).isZero();
        assertThat(Op.SIGMOID.apply(800)).isEqualTo(1.0);
        assertThat(Op.SOFTPLUS.apply(800)).isEqualTo(800.0);
        assertThat(Op.SOFTPLUS.apply(-800)).isZero();
        assertThat(Op.SOFTPLUS.apply(0)).isCloseTo(Math.log(2), within(1e-16));
        assertThat(Op.MIN.apply(Double.NaN, 1)).isNaN();
        assertThat(Op.RELU.apply(Double.NaN)).isNaN();
    }

    @Test
    void functionsAreFoundByName() {
        assertThat(Op.function("sin")).contains(Op.SIN);
        assertThat(Op.function("pow")).contains(Op.POWER);
        assertThat(Op.function("atan2")).contains(Op.ATAN2);
        assertThat(Op.function("+")).isEmpty();
        assertThat(Op.functionNames()).contains("sigmoid", "softplus", "relu", "min", "max").doesNotContain("-");
    }
}
