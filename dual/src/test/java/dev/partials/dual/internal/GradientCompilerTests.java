package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.Op;
import dev.partials.conformance.Generators;
import dev.partials.conformance.KitSettings;
import dev.partials.conformance.PolynomialFormula;
import dev.partials.conformance.PolynomialSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The generated first-order code against the interpreter it replaces: on random programs the values
 * and every Jacobian entry are bit for bit the tape's (even the sign of a zero), and every structural
 * zero is +0 — with every operation, kinks, log and sqrt at 0, vector formulas, programs split over
 * many methods, and several threads at once.
 */
class GradientCompilerTests {

    private static final KitSettings SETTINGS = KitSettings.fromSystemProperties();
    private static final Op[] UNARY = {Op.NEGATE, Op.SIN, Op.COS, Op.TAN, Op.ASIN, Op.ACOS, Op.ATAN, Op.SINH,
        Op.COSH, Op.TANH, Op.EXP, Op.LOG, Op.SQRT, Op.ABS, Op.SIGMOID, Op.RELU, Op.SOFTPLUS};
    private static final Op[] BINARY = {Op.ADD, Op.ADD, Op.SUBTRACT, Op.MULTIPLY, Op.MULTIPLY, Op.DIVIDE, Op.POWER,
        Op.ATAN2, Op.MIN, Op.MAX};
    private static final double[] CONSTANTS = {0, 1, 2, -1, 0.5, 3, -2.5};
    private static final double[] COORDINATES = {0, 0, 1, -1, 0.5, 2, -0.75, 1e-300, 3};

    // ------------------------------------------------------------------------------------------------
    // Random programs

    private static Expression expression(RandomGenerator r, List<Expression> vars, int size) {
        if (size <= 1) {
            return r.nextInt(4) == 0 ? Expression.constant(CONSTANTS[r.nextInt(CONSTANTS.length)])
                    : vars.get(r.nextInt(vars.size()));
        }
        if (r.nextInt(4) == 0) {
            return Expression.unary(UNARY[r.nextInt(UNARY.length)], expression(r, vars, size - 1));
        }
        Op op = BINARY[r.nextInt(BINARY.length)];
        int left = 1 + r.nextInt(size - 1);
        Expression a = expression(r, vars, left);
        Expression b = op == Op.POWER && r.nextBoolean()
                ? Expression.constant(CONSTANTS[r.nextInt(CONSTANTS.length)])
                : expression(r, vars, size - left);
        return Expression.binary(op, a, b);
    }

    static Formula randomFormula(RandomGenerator r) {
        int n = 1 + r.nextInt(12);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            names.add("x" + j);
        }
        int m = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 1;
        return Formula.traceVector(names, v -> {
            List<Expression> vars = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                vars.add(v.get(j));
            }
            List<Expression> outs = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                // a long sum of small terms (sparse, n-ary) or one tree (dense)
                if (r.nextBoolean()) {
                    Expression sum = expression(r, vars, 1 + r.nextInt(6));
                    for (int t = r.nextInt(12); t > 0; t--) {
                        sum = sum.plus(expression(r, vars, 1 + r.nextInt(6)));
                    }
                    outs.add(sum);
                } else {
                    outs.add(expression(r, vars, 1 + r.nextInt(30)));
                }
            }
            return outs;
        });
    }

    static double[] randomPoint(RandomGenerator r, int n) {
        double[] p = new double[n];
        for (int j = 0; j < n; j++) {
            p[j] = r.nextInt(3) == 0 ? COORDINATES[r.nextInt(COORDINATES.length)] : r.nextDouble(-3, 3);
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------------
    // The oracle: the interpreter

    /** Values (first m entries) and Jacobian (the rest) by the tape's interpreter passes. */
    private static double[] interpreted(Tape tape, double[] point) {
        int n = tape.n;
        int m = tape.m;
        Workspace w = new Workspace(tape);
        double[] out = new double[m + m * n];
        tape.linearize(point, w.v, w.dl, w.dr);
        for (int q = 0; q < tape.chunkCount; q++) {
            tape.chunk(q, w.dl, w.dr, w.t);
            for (int k = 0; k < m; k++) {
                tape.readChunk(q, k, w.t, out, m + k * n + q * Tape.CHUNK);
            }
        }
        for (int k = 0; k < m; k++) {
            out[k] = w.v[tape.outputs[k]];
        }
        return out;
    }

    private static double[] compiled(CodeGenerator.Compiled c, Tape tape, double[] point) {
        int m = tape.m;
        double[] values = new double[m];
        double[] jac = new double[m * tape.n];
        java.util.Arrays.fill(jac, 42.0); // every entry must be written
        c.code().run(point, jac, values, new double[c.stateSize()], null);
        double[] out = new double[m + m * tape.n];
        System.arraycopy(values, 0, out, 0, m);
        System.arraycopy(jac, 0, out, m, m * tape.n);
        return out;
    }

    /** Compares compiled with interpreted: bit for bit, and +0 structural zeros. */
    private static void check(Formula f, double[] point) {
        Tape tape = new Tape(f.program());
        CodeGenerator.Compiled c = GradientCompiler.compile(tape);
        assertThat(c).as("compiled %s", f).isNotNull();
        check(f, tape, c, point);
    }

    private static void check(Formula f, Tape tape, CodeGenerator.Compiled c, double[] point) {
        double[] expected = interpreted(tape, point);
        double[] actual = compiled(c, tape, point);
        int m = tape.m;
        int n = tape.n;
        for (int k = 0; k < m; k++) {
            if (Double.doubleToLongBits(expected[k]) != Double.doubleToLongBits(actual[k])) {
                fail("value %d of %s at %s: interpreter %s, compiled %s", k, f, java.util.Arrays.toString(point),
                        expected[k], actual[k]);
            }
            for (int j = 0; j < n; j++) {
                double e = expected[m + k * n + j];
                double a = actual[m + k * n + j];
                if (Double.doubleToLongBits(e) != Double.doubleToLongBits(a)) { // even the sign of a zero
                    fail("∂f%d/∂x%d of %s at %s: interpreter %s, compiled %s%n%s", k, j, f,
                            java.util.Arrays.toString(point), e, a, f.program());
                }
                if (!tape.program.dependsOn(tape.outputs[k], j)) {
                    assertThat(Double.doubleToRawLongBits(a)).as("structural zero ∂f%d/∂x%d", k, j).isZero();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Tests

    @Test
    void randomProgramsWithEveryOperationMatchTheInterpreter() {
        int tries = SETTINGS.scaledTries(1) * 3;
        for (int i = 0; i < tries; i++) {
            RandomGenerator r = SETTINGS.randomForTry(i);
            Formula f = randomFormula(r);
            Tape tape = new Tape(f.program());
            CodeGenerator.Compiled c = GradientCompiler.compile(tape);
            assertThat(c).isNotNull();
            for (int p = 0; p < 4; p++) {
                check(f, tape, c, randomPoint(r, f.dimension()));
            }
        }
    }

    @Test
    void randomPolynomialsOfTheConformanceKitMatchTheInterpreter() {
        PolynomialSpec spec = PolynomialSpec.vector();
        for (int i = 0; i < SETTINGS.scaledTries(1); i++) {
            RandomGenerator r = SETTINGS.randomForTry(i);
            PolynomialFormula pf = Generators.polynomialFormulas(spec).next(r);
            Formula f = pf.formula();
            double[] point = Generators.points(f.dimension()).next(r).doubles();
            check(f, point);
        }
    }

    @Test
    void kinksAndDomainBoundariesMatchTheInterpreter() {
        String[] sources = {"abs(x) + relu(y)", "min(x, y) * max(x, y)", "min(x, x) + max(y, y)", "log(x) * y",
            "sqrt(x) + y", "sqrt(x*y)", "x^y", "(x - y)^0.5", "atan2(x, y)", "y^0 + x^1 + x^0.5", "x / y",
            "log(x - y) + sqrt(y)", "0*log(x) + y", "relu(x - y) * abs(y - x)", "exp(x)^y"};
        double[][] points = {{0, 0}, {0, 1}, {1, 0}, {-1, 2}, {2, 2}, {-0.0, 0}, {1e-320, 3}};
        for (String src : sources) {
            Formula f = Formula.parse(src, "x", "y");
            for (double[] p : points) {
                check(f, p);
            }
        }
    }

    @Test
    void outputsThatAreInputsOrConstantsAndUnusedVariables() {
        Formula f = Formula.traceVector(List.of("a", "b", "c"),
                v -> List.of(v.get(0), Expression.constant(3), v.get(1).times(v.get(1)).sin(), v.get(0).plus(v.get(0))));
        check(f, new double[] {0.5, -2, 7});
    }

    @Test
    void largeProgramsAreSplitIntoMethodsAndStillMatch() {
        Formula f = TestData.rosenbrock(400);
        Tape tape = new Tape(f.program());
        CodeGenerator.Compiled c = GradientCompiler.compile(tape);
        assertThat(c.methods()).isGreaterThan(3);
        assertThat(c.stateSize()).isPositive();
        double[] point = new double[400];
        for (int i = 0; i < point.length; i++) {
            point[i] = 0.5 + 0.01 * i;
        }
        check(f, tape, c, point);
        // a dense program split mid-instruction: one slot with hundreds of tangents
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 300; j++) {
            names.add("y" + j);
        }
        Formula dense = Formula.trace(names, v -> {
            Expression s = v.get(0);
            for (int j = 1; j < 300; j++) {
                s = s.plus(v.get(j).times(j));
            }
            return s.sin().times(s.exp()).div(s.times(s).plus(1)).log();
        });
        Tape denseTape = new Tape(dense.program());
        CodeGenerator.Compiled dc = GradientCompiler.compile(denseTape);
        assertThat(dc.methods()).isGreaterThan(3);
        check(dense, denseTape, dc, randomPoint(new SplittableRandom(1), 300));
        // with the generated methods within what C2 compiles
        assertThat(CodeGenerator.HUGE_METHOD).isEqualTo(8000);
    }

    @Test
    void autoModeCompilesSmallProgramsAfterSomeCallsAndKeepsTheInterpreterBeyondTheBudget() {
        DualProvider provider = new DualProvider();
        Formula small = TestData.rosenbrock(10);
        DualDerivatives d = (DualDerivatives) provider.prepare(small);
        double[] point = new double[10];
        double[] g = new double[10];
        assertThat(d.isCompiled()).isFalse();
        for (int i = 0; i < DualDerivatives.COMPILE_AFTER + 1; i++) {
            d.gradient(point, g);
        }
        assertThat(d.isCompiled()).isTrue();
        // over the budget: a dense program whose every slot depends on all 250 variables
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 250; j++) {
            names.add("y" + j);
        }
        Formula dense = Formula.trace(names, v -> {
            Expression s = Expression.constant(0);
            for (int j = 0; j < 250; j++) {
                s = s.plus(v.get(j).times(v.get(j)));
            }
            Expression t = s;
            for (int k = 0; k < 200; k++) {
                t = t.times(s).sin();
            }
            return t;
        });
        assertThat(GradientCompiler.tangentOperations(new Tape(dense.program())))
                .isGreaterThan(DualDerivatives.COMPILE_BUDGET);
        DualDerivatives big = (DualDerivatives) provider.prepare(dense);
        double[] bigPoint = new double[250];
        double[] bigGrad = new double[250];
        for (int i = 0; i < DualDerivatives.COMPILE_AFTER + 1; i++) {
            big.gradient(bigPoint, bigGrad);
        }
        assertThat(big.isCompiled()).isFalse();
    }

    @Test
    void autoModeCountsEveryPointOfABatch() {
        // one batch of COMPILE_AFTER points compiles at once: a batch of a million points must not
        // wait for a hundred such batches before it leaves the interpreter
        DualProvider provider = new DualProvider();
        Formula f = TestData.rosenbrock(10);
        int count = DualDerivatives.COMPILE_AFTER;
        double[][] points = new double[10][count];
        SplittableRandom random = new SplittableRandom(7);
        for (double[] column : points) {
            for (int p = 0; p < count; p++) {
                column[p] = random.nextDouble(-2, 2);
            }
        }
        DualDerivatives d = (DualDerivatives) provider.prepare(f);
        double[] values = new double[count];
        double[][] gradients = new double[10][count];
        d.gradientBatch(points, values, gradients);
        assertThat(d.isCompiled()).isTrue();
        // and the batch computed through the compiled code equals point-by-point calls, of which all
        // but the last (the COMPILE_AFTER-th) are interpreted
        DualDerivatives interpreted = (DualDerivatives) provider.prepare(f);
        double[] point = new double[10];
        double[] g = new double[10];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < 10; j++) {
                point[j] = points[j][p];
            }
            interpreted.gradient(point, g); // a fresh object: interpreted but for the last call
            for (int j = 0; j < 10; j++) {
                assertThat(gradients[j][p]).isEqualTo(g[j]);
            }
        }
        DualDerivatives jacobians = (DualDerivatives) provider.prepare(f);
        jacobians.jacobianBatch(points, new double[1][count], new double[10][count]);
        assertThat(jacobians.isCompiled()).isTrue();
        DualDerivatives small = (DualDerivatives) provider.prepare(f);
        small.gradientBatch(new double[10][count - 1], null, new double[10][count - 1]);
        assertThat(small.isCompiled()).isFalse();
    }

    @Test
    void theModePropertyForcesEitherEngine() {
        assertThat(CompileModes.prepare("always", TestData.rosenbrock(5)).isCompiled()).isTrue();
        DualDerivatives d = CompileModes.prepare("never", TestData.rosenbrock(5));
        for (int i = 0; i < DualDerivatives.COMPILE_AFTER + 1; i++) {
            d.gradient(new double[5], new double[5]);
        }
        assertThat(d.isCompiled()).isFalse();
    }

    @Test
    void programsBeyondTheHardLimitKeepTheInterpreterEvenInModeAlways() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 100; j++) {
            names.add("y" + j);
        }
        Formula dense = Formula.trace(names, v -> {
            Expression s = v.get(0);
            for (int j = 1; j < 100; j++) {
                s = s.plus(v.get(j));
            }
            for (int k = 0; k < 5000; k++) {
                s = s.sin();
            }
            return s;
        });
        Tape tape = new Tape(dense.program());
        assertThat(GradientCompiler.tangentOperations(tape)).isGreaterThan(CodeGenerator.HARD_LIMIT);
        assertThat(GradientCompiler.compile(tape)).isNull();
        DualDerivatives d = CompileModes.prepare("always", dense);
        assertThat(d.isCompiled()).isFalse();
        double[] point = randomPoint(new SplittableRandom(3), 100);
        double[] g = new double[100];
        d.gradient(point, g);
        double[] expected = interpreted(tape, point);
        for (int j = 0; j < 100; j++) {
            assertThat(g[j]).isEqualTo(expected[1 + j]);
        }
    }

    @Test
    void threadsShareTheGeneratedCodeEachWithItsOwnState() throws Exception {
        int n = 300;
        Formula f = TestData.rosenbrock(n);
        Derivatives d = CompileModes.prepare("always", f);
        assertThat(((DualDerivatives) d).isCompiled()).isTrue();
        Tape tape = new Tape(f.program());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] g = new double[n];
                    for (int i = 0; i < 200; i++) {
                        double[] p = randomPoint(r, n);
                        d.gradient(p, g);
                        double[] expected = interpreted(tape, p);
                        for (int j = 0; j < n; j++) {
                            assertThat(g[j]).isEqualTo(expected[1 + j]);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
