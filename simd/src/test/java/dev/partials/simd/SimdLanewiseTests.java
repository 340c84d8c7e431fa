package dev.partials.simd;

import static dev.partials.Expression.variable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.Op;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each lane-wise kernel against the scalar function of {@link Op} it stands for, at special and random
 * arguments: values within 2 ulps (the Vector API's functions and {@link Math}'s are each within 1 ulp
 * of the exact result), local partials ({@link Kernels#derivative}: NaN outside a domain) within 8 ulps of {@code max(|partial|, 1)} (a rule such as
 * {@code v(1 − v)} turns the value's last-bit difference into an absolute one), special cases (NaN,
 * ±∞, ±0) identical. With {@code -Djdk.incubator.vector.VectorMathLibrary=java}: bitwise.
 *
 * <p>First, {@link #compileTheKernels} runs every kernel thousands of times so that the optimizing
 * compiler compiles them: only compiled code uses the platform's vector math library (before, the
 * Vector API runs Java's {@code Math} functions lane by lane); {@link #theVectorMathLibraryIsInUseAfterWarmUp}
 * checks that premise. The tests run the interpreter's kernels ({@code partials.simd.compile=never});
 * the generated code calls the same functions of {@link Lanes} ({@link BlockCompilerTests}).
 */
class SimdLanewiseTests {

    static final PartialDerivative SIMD = PartialDerivative.of("simd");
    static final Expression X = variable("x");
    static final Expression Y = variable("y");

    static final double[] SPECIAL = {0.0, -0.0, 1e-310, -1e-310, Double.MIN_VALUE, 1e-20, -1e-8, 0.5, -0.5, 1.0, -1.0,
        1.0000000000000002, -1.0000000000000002, 0.9999999999999999, 2.0, -2.0, 2.5, -2.5, 3.0, -3.0, Math.PI / 2,
        -Math.PI / 2, Math.PI, 10, -10, 20, -20, 30, -30, 40, 100, -100, 700, -700, 709.8, 710, -745, -746, 1e10, -1e10,
        1e22, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE};

    static final Op[] UNARY = {Op.NEGATE, Op.SIN, Op.COS, Op.TAN, Op.ASIN, Op.ACOS, Op.ATAN, Op.SINH, Op.COSH, Op.TANH,
        Op.EXP, Op.LOG, Op.SQRT, Op.ABS, Op.SIGMOID, Op.RELU, Op.SOFTPLUS};

    static final Op[] BINARY = {Op.ADD, Op.SUBTRACT, Op.MULTIPLY, Op.DIVIDE, Op.POWER, Op.ATAN2, Op.MIN, Op.MAX};

    static double[] arguments(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[SPECIAL.length + 400];
        System.arraycopy(SPECIAL, 0, a, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < a.length; i++) {
            double scale = Math.pow(10, random.nextInt(-3, 4));
            a[i] = (2 * random.nextDouble() - 1) * scale;
        }
        return a;
    }

    /** 450 arguments uniform in [-r, r]. */
    static double[] arguments(long seed, double r) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[450];
        for (int i = 0; i < a.length; i++) {
            a[i] = r * (2 * random.nextDouble() - 1);
        }
        return a;
    }

    /** Most warm-up rounds (one block per kernel each); the compiler needs about 1,500 here. */
    static final int WARM_UP = 5_000;

    /** Whether, after the warm-up, the EXP kernel gave results that differ from Math.exp. */
    static boolean vectorLibrarySeen;

    /**
     * Compiles every kernel, with and without partials, by running one formula that holds every
     * operation (all formulas share the kernels) on whole blocks, until the EXP kernel shows results of
     * the vector math library, then as many rounds again for kernels that came later.
     */
    private static String previousMode;

    /** The tests run the interpreter's kernels: the generated code would take every batch after warm-up. */
    static void interpretOnly() {
        previousMode = System.setProperty(SimdDerivatives.COMPILE_PROPERTY, "never");
    }

    @AfterAll
    static void restoreMode() {
        InterpretedSimdTests.restore(previousMode);
    }

    @BeforeAll
    static void compileTheKernels() {
        interpretOnly();
        if (Reference.javaMath()) {
            return; // every tier computes with Math: nothing to wait for
        }
        List<Expression> outputs = new ArrayList<>(Formulas.everyOperation().formula().outputs());
        for (Op op : BINARY) {
            outputs.add(Expression.binary(op, X, Y));
        }
        for (double c : new double[] {0, 1, 2.5}) {
            outputs.add(X.pow(c));
        }
        Formula f = Formula.of(List.of("x", "y", "z"), outputs);
        Derivatives d = SIMD.prepare(f);
        int width = ((SimdDerivatives) d).blockSize();
        double[][] points = new double[3][width];
        double[][] directions = new double[3][width];
        for (int j = 0; j < 3; j++) {
            Arrays.fill(points[j], 0.25 + 0.125 * j);
            Arrays.fill(directions[j], 1.0);
        }
        int m = outputs.size();
        double[][] values = new double[m][width];
        double[][] jac = new double[3 * m][width];
        Derivatives exp = SIMD.prepare(Formula.of(List.of("x"), X.exp()));
        double[] a = arguments(4, 3);
        double[][] probe = new double[1][a.length];
        int seenAt = -1;
        for (int i = 0; i < WARM_UP && (seenAt < 0 || i < 2 * seenAt); i++) {
            d.jacobianBatch(points, values, jac);
            if (i % 4 == 0) {
                d.valuesBatch(points, values);
                d.jvpBatch(points, directions, values);
            }
            if (seenAt < 0 && i % 50 == 0) {
                exp.valuesBatch(new double[][] {a}, probe);
                for (int p = 0; p < a.length && seenAt < 0; p++) {
                    seenAt = probe[0][p] == Math.exp(a[p]) ? -1 : i;
                }
            }
        }
        vectorLibrarySeen = seenAt >= 0;
    }

    /** Values and partials of {@code f} on the columns, with warmed-up kernels. */
    static double[][] run(Formula f, double[][] columns) {
        Derivatives d = SIMD.prepare(f);
        int n = f.dimension();
        int count = columns[0].length;
        double[][] out = new double[n + 1][count];
        d.gradientBatch(columns, out[n], Arrays.copyOf(out, n));
        return out;
    }

    @Test
    void theVectorMathLibraryIsInUseAfterWarmUp() {
        // On x86 the compiled Vector API computes EXP with Intel SVML, which differs from Math.exp in the
        // last bit for about one argument in twenty in [-3, 3]; without a difference, the comparisons of
        // this class would compare Math with itself.
        Assumptions.assumeFalse(Reference.javaMath(), "Java's Math is the vector math library here");
        Assumptions.assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64") && Kernels.LANES >= 4,
                "SVML is the library on x86 with AVX");
        assertThat(vectorLibrarySeen).as("the EXP kernel gave SVML's results after the warm-up").isTrue();
    }

    @Test
    void formulasMatchTheReferenceWithTheVectorMathLibrary() {
        List<String> problems = new ArrayList<>();
        for (Formulas f : List.of(Formulas.neuron(), Formulas.vector(), Formulas.everyOperation())) {
            Derivatives d = SIMD.prepare(f.formula());
            int n = f.formula().dimension();
            int m = f.formula().outputCount();
            double[][] points = f.points(702, 9);
            double[][] values = new double[m][702];
            double[][] jac = new double[m * n][702];
            d.jacobianBatch(points, values, jac);
            for (int p = 0; p < 702; p++) {
                Reference r = Reference.at(f.formula(), Formulas.point(points, p));
                for (int k = 0; k < m; k++) {
                    String v = Reference.compare(r.values[k], values[k][p], r.tolerance(r.valueConditioning[k]),
                            Reference.javaMath());
                    if (v != null) {
                        problems.add(f + " point " + p + " value " + k + ": " + v);
                    }
                    for (int j = 0; j < n; j++) {
                        String g = Reference.compare(r.jacobian[k][j], jac[k * n + j][p],
                                r.tolerance(r.jacobianConditioning[k][j]), Reference.javaMath());
                        if (g != null) {
                            problems.add(f + " point " + p + " ∂f" + k + "/∂x" + j + ": " + g);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    static String compare(double expected, double actual, double ulps, double floor) {
        if (Reference.javaMath()) {
            return Reference.compare(expected, actual, 0, true);
        }
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0 && floor == 0) {
            return Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual) ? null
                    : "expected " + expected + " but got " + actual;
        }
        return Reference.compare(expected, actual, ulps * Math.ulp(Math.max(Math.abs(expected), floor)), false);
    }

    @Test
    void unaryKernelsMatchTheScalarOperations() {
        List<String> problems = new ArrayList<>();
        double[] a = arguments(1);
        for (Op op : UNARY) {
            double[][] r = run(Formula.of(List.of("x"), Expression.unary(op, X)), new double[][] {a});
            for (int p = 0; p < a.length; p++) {
                double v = op.apply(a[p]);
                String value = compare(v, r[1][p], 2, 0);
                String partial = compare(Kernels.derivative(op, a[p], v), r[0][p], 8, 1);
                if (value != null) {
                    problems.add(op + "(" + a[p] + "): " + value);
                }
                if (partial != null) {
                    problems.add(op + "'(" + a[p] + "): " + partial);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void binaryKernelsMatchTheScalarOperations() {
        List<String> problems = new ArrayList<>();
        double[] grid = {0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 2.5, -2.5, 3.0, -3.0, 1e-310, 7.25, -7.0, 1e10,
            -1e10, 1e300};
        SplittableRandom random = new SplittableRandom(2);
        int count = grid.length * grid.length + 300;
        double[][] columns = new double[2][count];
        for (int i = 0; i < grid.length * grid.length; i++) {
            columns[0][i] = grid[i / grid.length];
            columns[1][i] = grid[i % grid.length];
        }
        for (int i = grid.length * grid.length; i < count; i++) {
            columns[0][i] = 20 * random.nextDouble() - 5;
            columns[1][i] = 20 * random.nextDouble() - 10;
        }
        for (Op op : BINARY) {
            double[][] r = run(Formula.of(List.of("x", "y"), Expression.binary(op, X, Y)), columns);
            for (int p = 0; p < count; p++) {
                double a = columns[0][p];
                double b = columns[1][p];
                double v = op.apply(a, b);
                String at = op + "(" + a + ", " + b + ")";
                String value = compare(v, r[2][p], 2, 0);
                String left = compare(op.partialLeft(a, b, v), r[0][p], 8, 1);
                String right = compare(op.partialRight(a, b, v), r[1][p], 8, 1);
                if (value != null) {
                    problems.add(at + ": " + value);
                }
                if (left != null) {
                    problems.add("∂" + at + "/∂a: " + left);
                }
                if (right != null) {
                    problems.add("∂" + at + "/∂b: " + right);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void powersWithConstantExponentsMatchTheScalarOperation() {
        List<String> problems = new ArrayList<>();
        double[] a = arguments(3);
        for (double c : new double[] {0, 1, 2, 3, -1, -2, 0.5, 2.5, -0.5, 1.0 / 3}) {
            double[][] r = run(Formula.of(List.of("x"), X.pow(c)), new double[][] {a});
            for (int p = 0; p < a.length; p++) {
                double v = Op.pow(a[p], c);
                String value = compare(v, r[1][p], 2, 0);
                String partial = compare(Op.powPartialBase(a[p], c), r[0][p], 8, 1);
                if (value != null) {
                    problems.add(a[p] + "^" + c + ": " + value);
                }
                if (partial != null) {
                    problems.add("d(" + a[p] + "^" + c + "): " + partial);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void powerFollowsMathPowWhereTheVectorLibraryDoesNot() {
        // Exponents that are NaN or infinite arise inside a formula: log(y) at y = -1, exp(y) at y = 1000.
        Formula viaLog = Formula.of(List.of("x", "y"), X.pow(Y.log()));
        Formula viaExp = Formula.of(List.of("x", "y"), X.pow(Y.exp()));
        double[][] points = {{1, -1, 1, -1, 1, -1, 1, -1, 2, 1}, {-1, 1000, -1000, -1000, 1000, 1000, -1, -1, -1, 0.5}};
        for (Formula f : List.of(viaLog, viaExp)) {
            double[][] r = run(f, points);
            for (int p = 0; p < points[0].length; p++) {
                double expected = f.program().evaluate(points[0][p], points[1][p])[0];
                assertThat(r[2][p]).as("%s at (%s, %s)", f, points[0][p], points[1][p]).isEqualTo((Double) expected);
            }
        }
    }
}
