package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The first derivative of every operation against its closed form, by every first-order method. */
class FirstDerivativeTests {

    private static final PartialDerivative DUAL = PartialDerivative.of("dual");

    static Stream<Arguments> unary() {
        double[] any = {-1.7, -0.3, 0.45, 2.2};
        double[] unit = {-0.8, -0.1, 0.35, 0.9};
        double[] positive = {0.05, 0.7, 3.5};
        return Stream.of(
                cases("-x", x -> -1, any),
                cases("sin(x)", Math::cos, any),
                cases("cos(x)", x -> -Math.sin(x), any),
                cases("tan(x)", x -> 1 / (Math.cos(x) * Math.cos(x)), any),
                cases("asin(x)", x -> 1 / Math.sqrt(1 - x * x), unit),
                cases("acos(x)", x -> -1 / Math.sqrt(1 - x * x), unit),
                cases("atan(x)", x -> 1 / (1 + x * x), any),
                cases("sinh(x)", Math::cosh, any),
                cases("cosh(x)", Math::sinh, any),
                cases("tanh(x)", x -> 1 / (Math.cosh(x) * Math.cosh(x)), any),
                cases("exp(x)", Math::exp, any),
                cases("log(x)", x -> 1 / x, positive),
                cases("sqrt(x)", x -> 0.5 / Math.sqrt(x), positive),
                cases("abs(x)", Math::signum, any),
                cases("sigmoid(x)", x -> Math.exp(-x) / ((1 + Math.exp(-x)) * (1 + Math.exp(-x))), any),
                cases("relu(x)", x -> x > 0 ? 1 : 0, any),
                cases("softplus(x)", x -> 1 / (1 + Math.exp(-x)), any),
                cases("x^3", x -> 3 * x * x, any),
                cases("x^-2", x -> -2 / (x * x * x), any),
                cases("x^2.5", x -> 2.5 * Math.pow(x, 1.5), positive),
                cases("2^x", x -> Math.pow(2, x) * Math.log(2), any))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> cases(String formula, DoubleUnaryOperator derivative, double[] points) {
        return java.util.Arrays.stream(points).mapToObj(x -> Arguments.of(formula, x, derivative.applyAsDouble(x)));
    }

    @ParameterizedTest(name = "d/dx {0} at {1}")
    @MethodSource("unary")
    void unaryDerivativeMatchesClosedForm(String formula, double x, double expected) {
        Derivatives d = DUAL.prepare(Formula.parse(formula, "x"));
        double[] point = {x};
        Close.ulps(d.gradient(point)[0], expected, 16);
        Close.ulps(d.partial(MultiIndex.of(1), point), expected, 16);
        Close.ulps(d.jvp(point, new double[] {1})[0], expected, 16);
        Close.ulps(d.jacobian(point)[0][0], expected, 16);
    }

    static Stream<Arguments> binary() {
        return Stream.of(
                Arguments.of("x + y", 0.7, -1.3, 1.0, 1.0),
                Arguments.of("x - y", 0.7, -1.3, 1.0, -1.0),
                Arguments.of("x * y", 0.7, -1.3, -1.3, 0.7),
                Arguments.of("x / y", 0.7, -1.3, 1 / -1.3, -0.7 / (1.3 * 1.3)),
                Arguments.of("x ^ y", 0.7, -1.3, -1.3 * Math.pow(0.7, -2.3), Math.pow(0.7, -1.3) * Math.log(0.7)),
                Arguments.of("x ^ y", 2.5, 1.5, 1.5 * Math.pow(2.5, 0.5), Math.pow(2.5, 1.5) * Math.log(2.5)),
                Arguments.of("atan2(x, y)", 0.7, -1.3, -1.3 / (0.49 + 1.69), -0.7 / (0.49 + 1.69)),
                Arguments.of("atan2(x, y)", -2.0, 0.5, 0.5 / 4.25, 2.0 / 4.25),
                Arguments.of("min(x, y)", 0.7, -1.3, 0.0, 1.0),
                Arguments.of("min(x, y)", -2.0, 0.5, 1.0, 0.0),
                Arguments.of("max(x, y)", 0.7, -1.3, 1.0, 0.0),
                Arguments.of("max(x, y)", -2.0, 0.5, 0.0, 1.0));
    }

    @ParameterizedTest(name = "grad {0} at ({1}, {2})")
    @MethodSource("binary")
    void binaryPartialsMatchClosedForm(String formula, double x, double y, double dx, double dy) {
        Derivatives d = DUAL.prepare(Formula.parse(formula, "x", "y"));
        double[] point = {x, y};
        double[] g = d.gradient(point);
        Close.ulps(g[0], dx, 16);
        Close.ulps(g[1], dy, 16);
        Close.ulps(d.partial(MultiIndex.of(1, 0), point), dx, 16);
        Close.ulps(d.partial(MultiIndex.of(0, 1), point), dy, 16);
        Close.scaled(d.jvp(point, new double[] {1, 1})[0], dx + dy, Math.abs(dx) + Math.abs(dy), 16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unary")
    void gradientPartialAndJvpAgreeBitForBit(String formula, double x, double ignored) {
        Derivatives d = DUAL.prepare(Formula.parse("sin(" + formula + ") * y + " + formula, "x", "y"));
        double[] point = {x, 0.25};
        double[] g = d.gradient(point);
        assertThat(d.partial(MultiIndex.of(1, 0), point)).isEqualTo(g[0]);
        assertThat(d.partial(MultiIndex.of(0, 1), point)).isEqualTo(g[1]);
        assertThat(d.jvp(point, new double[] {1, 0})[0]).isEqualTo(g[0]);
        assertThat(d.jvp(point, new double[] {0, 1})[0]).isEqualTo(g[1]);
    }
}
