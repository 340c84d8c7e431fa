package dev.partials.bench.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baselines are only worth measuring against if they are right: every hand-written value,
 * gradient, Jacobian and Hessian of the suite equals an independent computation at the benchmark
 * point. The reference is Hipparchus {@link DerivativeStructure} (automatic differentiation of the
 * generic field code, read back by {@link DSFactory#getPartialDerivativeIndex}), and the formula the
 * providers see is checked against plain Java through the API's reference interpreter.
 *
 * <p>Tolerance: both sides compute the same quantity through different orders of O(k) roundings, where
 * k counts the terms of the largest sum (variables or data points); each rounding is within ε of the
 * largest magnitude involved, so agreement within 64·k·ε of the largest reference entry is expected,
 * while a wrong derivation is off by O(1).
 */
class HandWrittenDerivativesTests {

    static Stream<String> scalar() {
        return Suite.SCALAR.stream();
    }

    /** Functions with n ≤ 100: Hessians, and the slow Hipparchus Gradient check (80 MB a call at n = 1000). */
    static Stream<String> atMostHundredVariables() {
        return Suite.SCALAR.stream().filter(name -> Suite.scalar(name).dimension() <= 100);
    }

    static Stream<String> batched() {
        return Stream.of("seed", "neuron", "rosenbrock-10", "rosenbrock-100");
    }

    private static int terms(ScalarFunction f) {
        return Math.max(f.dimension(), f instanceof LogisticRegression ? LogisticRegression.POINTS * f.dimension()
                : f instanceof DensePolynomial p ? p.terms() : 1);
    }

    private static void assertClose(double[] expected, double[] actual, int terms, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double tolerance = 64.0 * terms * Math.ulp(Math.max(scale, Double.MIN_NORMAL));
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("%s[%d]: expected %s, got %s (tolerance %s)", what, i, expected[i], actual[i], tolerance)
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    private static DerivativeStructure[] variables(DSFactory factory, double[] x) {
        DerivativeStructure[] v = new DerivativeStructure[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = factory.variable(i, x[i]);
        }
        return v;
    }

    private static int[] unit(int n, int i) {
        int[] orders = new int[n];
        orders[i] = 1;
        return orders;
    }

    @ParameterizedTest
    @MethodSource("scalar")
    void plainValueEqualsTheFormulaAndHipparchus(String name) {
        ScalarFunction f = Suite.scalar(name);
        double[] x = f.point();
        double plain = f.value(x);
        double formula = f.formula().program().evaluate(x)[0];
        double hipparchus = f.apply(variables(new DSFactory(f.dimension(), 0), x)).getValue();
        assertThat(f.formula().dimension()).isEqualTo(f.dimension());
        assertClose(new double[] {plain}, new double[] {formula}, terms(f), name + " formula value");
        assertClose(new double[] {plain}, new double[] {hipparchus}, terms(f), name + " Hipparchus value");
    }

    @ParameterizedTest
    @MethodSource("scalar")
    void handWrittenGradientEqualsDerivativeStructure(String name) {
        ScalarFunction f = Suite.scalar(name);
        int n = f.dimension();
        double[] x = f.point();
        DSFactory factory = new DSFactory(n, 1);
        DerivativeStructure r = f.apply(variables(factory, x));
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = r.getPartialDerivative(unit(n, i));
        }
        double[] gradient = new double[n];
        double value = f.valueAndGradient(x, gradient);
        assertClose(new double[] {r.getValue()}, new double[] {value}, terms(f), name + " value");
        assertClose(expected, gradient, terms(f), name + " gradient");
        assertClose(new double[] {f.value(x)}, new double[] {value}, terms(f), name + " plain value");
    }

    @ParameterizedTest
    @MethodSource("atMostHundredVariables")
    void hipparchusBaselinesAgreeWithDerivativeStructure(String name) {
        ScalarFunction f = Suite.scalar(name);
        int n = f.dimension();
        double[] x = f.point();
        double[] expected = new double[n];
        f.valueAndGradient(x, expected);
        double[] viaGradient = new double[n];
        double[] viaStructures = new double[n];
        Hipparchus.gradient(f, x, viaGradient);
        new Hipparchus.Structures(n, 1).gradient(f, x, viaStructures);
        assertClose(expected, viaGradient, terms(f), name + " Gradient");
        assertClose(expected, viaStructures, terms(f), name + " DerivativeStructure");
    }

    @ParameterizedTest
    @MethodSource("atMostHundredVariables")
    void handWrittenHessianEqualsDerivativeStructure(String name) {
        ScalarFunction f = Suite.scalar(name);
        int n = f.dimension();
        double[] x = f.point();
        double[] expected = new double[n * n];
        new Hipparchus.Structures(n, 2).hessian(f, x, expected);
        double[] hessian = new double[n * n];
        f.hessian(x, hessian);
        assertClose(expected, hessian, terms(f), name + " Hessian");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(hessian[i * n + j]).as("symmetry at (%d, %d)", i, j).isEqualTo(hessian[j * n + i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("batched")
    void batchLoopsEqualPointByPoint(String name) {
        BatchFunction f = Suite.batched(name);
        int n = f.dimension();
        int count = 1_027; // two blocks of 512 and an odd tail
        double[][] points = Suite.batch(f.point(), count);
        double[] values = new double[count];
        double[] plainValues = new double[count];
        double[][] gradients = new double[n][count];
        f.valueAndGradientLoop(points, count, values, gradients);
        f.valueLoop(points, count, plainValues);
        double[] x = new double[n];
        double[] g = new double[n];
        double[] column = new double[n];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < n; j++) {
                x[j] = points[j][p];
                column[j] = gradients[j][p];
            }
            double v = f.valueAndGradient(x, g);
            assertClose(new double[] {v}, new double[] {values[p]}, n, name + " batch value " + p);
            assertClose(new double[] {v}, new double[] {plainValues[p]}, n, name + " batch plain value " + p);
            assertClose(g, column, n, name + " batch gradient " + p);
        }
    }

    @Test
    void batchesStayWithinHalfOfThePoint() {
        double[] center = new Rosenbrock(10).point();
        double[][] points = Suite.batch(center, 1_001);
        for (int j = 0; j < center.length; j++) {
            for (double v : points[j]) {
                assertThat(v).isBetween(center[j] - 0.5, center[j] + 0.5);
            }
        }
        assertThat(Suite.batch(center, 5)[3]).containsExactly(Suite.batch(center, 5)[3]);
    }

    @Test
    void bundleAdjustmentValuesEqualTheFormulaAndHipparchus() {
        BundleAdjustment ba = new BundleAdjustment();
        double[] x = ba.point();
        double[] plain = new double[2];
        ba.values(x, plain);
        DerivativeStructure[] r = new DerivativeStructure[2];
        ba.apply(variables(new DSFactory(BundleAdjustment.N, 0), x), r);
        assertClose(plain, ba.formula().program().evaluate(x), BundleAdjustment.N, "ba formula values");
        assertClose(plain, new double[] {r[0].getValue(), r[1].getValue()}, BundleAdjustment.N, "ba Hipparchus values");
        assertThat(ba.formula().variables()).isEqualTo(BundleAdjustment.VARIABLES);
    }

    @Test
    void bundleAdjustmentHandWrittenJacobianEqualsDerivativeStructure() {
        BundleAdjustment ba = new BundleAdjustment();
        int n = BundleAdjustment.N;
        double[] x = ba.point();
        DerivativeStructure[] r = new DerivativeStructure[2];
        ba.apply(variables(new DSFactory(n, 1), x), r);
        double[] expected = new double[2 * n];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < n; i++) {
                expected[k * n + i] = r[k].getPartialDerivative(unit(n, i));
            }
        }
        double[] values = new double[2];
        double[] jacobian = new double[2 * n];
        ba.valuesAndJacobian(x, values, jacobian);
        assertClose(new double[] {r[0].getValue(), r[1].getValue()}, values, n, "ba values");
        for (int k = 0; k < 2; k++) {
            // each row has its own scale: the residuals' partials span six orders of magnitude
            assertClose(Arrays.copyOfRange(expected, k * n, k * n + n),
                    Arrays.copyOfRange(jacobian, k * n, k * n + n), n, "ba Jacobian row " + k);
        }

        double[] viaGradient = new double[2 * n];
        double[] viaStructures = new double[2 * n];
        Hipparchus.jacobian(ba, x, new double[2], viaGradient);
        new Hipparchus.Structures(n, 1).jacobian(ba, x, new double[2], viaStructures);
        assertClose(expected, viaGradient, n, "ba Gradient Jacobian");
        assertClose(expected, viaStructures, n, "ba DerivativeStructure Jacobian");
    }

    @Test
    void densePolynomialHasEveryMonomialOfDegreeAtMostSix() {
        assertThat(new DensePolynomial().terms()).isEqualTo(924);
    }

    @Test
    void randomExpressionHasAThousandNodesAndIsReproducible() {
        var a = RandomExpressions.withNodes(List.of("a", "b", "c", "d"), 1_000, Suite.SEED);
        var b = RandomExpressions.withNodes(List.of("a", "b", "c", "d"), 1_000, Suite.SEED);
        assertThat(a.nodeCount()).isBetween(1_000, 1_100);
        assertThat(a).isEqualTo(b);
    }
}
