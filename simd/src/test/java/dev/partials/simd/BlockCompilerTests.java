package dev.partials.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.conformance.ElementaryCase;
import dev.partials.conformance.ElementarySpec;
import dev.partials.conformance.Generator;
import dev.partials.conformance.Generators;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated code of {@link BlockCompiler} computes, bit for bit, what the interpreter computes:
 * values, gradients and Jacobians of batches of every size (whole lane groups, a partial last one,
 * several stretches), for the suite's formulas, every operation, and random nested expressions; code
 * split into several methods passes its values through the state; a plan over the size limit keeps
 * the interpreter.
 */
class BlockCompilerTests {

    static final long SEED = Long.getLong("partials.seed", 20261126L);
    static final int TRIES = Integer.getInteger("partials.tries", 100);
    static final SimdProvider PROVIDER = (SimdProvider) PartialDerivative.of("simd");

    /** Batch sizes around lane groups and stretches: 1, a lane group ± 1, several stretches with a tail. */
    static final int[] SIZES = {1, Lanes.LANES - 1, Lanes.LANES, Lanes.LANES + 1, BlockCompiler.MIN_STRETCH + 3, 1_003};

    static SimdDerivatives prepare(Formula formula, String mode) {
        String previous = System.setProperty(SimdDerivatives.COMPILE_PROPERTY, mode);
        try {
            return new SimdDerivatives(PROVIDER, formula, false);
        } finally {
            InterpretedSimdTests.restore(previous);
        }
    }

    static Stream<Formulas> formulas() {
        return Formulas.all().stream();
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void generatedCodeAgreesWithTheInterpreter(Formulas f) {
        for (int size : SIZES) {
            assertSameBatches(f.formula(), f.points(size, SEED + size), f.name() + ", " + size + " points");
        }
        SimdDerivatives compiled = prepare(f.formula(), "always");
        compiled.valuesBatch(f.points(3, SEED), new double[f.formula().outputCount()][3]);
        assertThat(compiled.compiled(0)).as("values code of %s", f.name()).isNotNull();
        if (f.formula().outputCount() == 1) {
            compiled.gradientBatch(f.points(3, SEED), null, new double[f.formula().dimension()][3]);
            assertThat(compiled.compiled(1)).as("gradient code of %s", f.name()).isNotNull();
        }
    }

    @Test
    void randomNestedExpressionsAgreeWithTheInterpreter() {
        Generator<ElementaryCase> cases = Generators.elementaryCases(ElementarySpec.standard());
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < TRIES; i++) {
            ElementaryCase c = cases.next(random);
            int size = SIZES[i % SIZES.length];
            double[][] points = new double[c.dimension()][size];
            for (int p = 0; p < size; p++) {
                for (int j = 0; j < c.dimension(); j++) {
                    // around the case's point, where every operation of the case is defined and its
                    // partials are bounded (ElementarySpec); with Java's Math (exact comparison) also a
                    // few points far away, where some are not: NaN and infinite lanes must agree too.
                    // (Far away an ulp of SVML can grow without bound: cos(cosh(25)) moves by 1e-6.)
                    double spread = EXACT && p % 17 == 16 ? 50 : 0.01;
                    points[j][p] = c.point()[j] + spread * (2 * random.nextDouble() - 1);
                }
            }
            assertSameBatches(c.formula(), points, "case " + i + ": " + c.text());
        }
    }

    @Test
    void longCodeIsSplitIntoMethodsThatPassValuesThroughTheState() {
        Formulas f = Formulas.rosenbrock(40);
        SimdDerivatives compiled = prepare(f.formula(), "always");
        compiled.gradientBatch(f.points(3, SEED), null, new double[40][3]);
        BlockCompiler.Compiled code = compiled.compiled(1);
        assertThat(code).isNotNull();
        assertThat(code.methods()).isGreaterThan(1);
        assertThat(code.stateSize()).isPositive();
        assertThat(code.operations()).isGreaterThan(BlockCompiler.METHOD_OPERATIONS);
        // two stretches and a tail: the state is reused stretch after stretch
        assertThat(code.stretch()).isBetween(BlockCompiler.MIN_STRETCH, BlockCompiler.MAX_STRETCH);
        assertSameBatches(f.formula(), f.points(2 * code.stretch() + 5, SEED), "rosenbrock-40");
    }

    @Test
    void aPlanOverTheSizeLimitKeepsTheInterpreter() {
        // sin(x_i·x_(i+1)) summed over 5,000 variables: about 5 operations per variable
        int n = 5_000;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        Formula f = Formula.trace(names, v -> {
            Expression sum = v.get(0).times(v.get(1)).sin();
            for (int i = 1; i < n - 1; i++) {
                sum = sum.plus(v.get(i).times(v.get(i + 1)).sin());
            }
            return sum;
        });
        SimdDerivatives d = prepare(f, "always");
        double[][] points = new double[n][5];
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < 5; p++) {
                points[j][p] = 0.001 * j - 0.1 * p;
            }
        }
        double[] values = new double[5];
        double[][] gradients = new double[n][5];
        d.gradientBatch(points, values, gradients);
        assertThat(d.compiled(1)).isNull();
        // still right: ∂/∂x5 = cos(x4·x5)·x4 + cos(x5·x6)·x6 at point 2
        double x4 = points[4][2];
        double x5 = points[5][2];
        double x6 = points[6][2];
        assertThat(gradients[5][2]).isCloseTo(Math.cos(x4 * x5) * x4 + Math.cos(x5 * x6) * x6,
                org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void inModeAutoABatchModeIsCompiledOnceItHasInterpretedEnoughPoints() {
        Formulas f = Formulas.neuron();
        SimdDerivatives d = prepare(f.formula(), "auto");
        int small = SimdDerivatives.COMPILE_AFTER / 4;
        double[][] gradients = new double[3][small];
        for (int call = 0; call < 3; call++) {
            d.gradientBatch(f.points(small, SEED + call), null, gradients);
            assertThat(d.compiled(1)).as("after %d points", (call + 1) * small).isNull();
        }
        d.gradientBatch(f.points(small, SEED + 3), null, gradients);
        assertThat(d.compiled(1)).as("after %d points", 4 * small).isNotNull();
        assertThat(d.compiled(0)).as("values: another mode, counted apart").isNull();
        SimdDerivatives never = prepare(f.formula(), "never");
        never.gradientBatch(f.points(SimdDerivatives.COMPILE_AFTER * 2, SEED), null,
                new double[3][SimdDerivatives.COMPILE_AFTER * 2]);
        assertThat(never.compiled(1)).isNull();
    }

    /**
     * Generated code checks the coordinates as it loads them: a NaN or infinite coordinate anywhere — the
     * first lane group, a later stretch, the last whole lane group, the tail — in any column gives
     * NON_FINITE_POINT naming that point and variable, in every batch mode; also in the column of a
     * variable the plan does not read (scanned apart), and with two bad points the lower one is named.
     * After an error the same instance computes the next batch as the interpreter does.
     */
    @Test
    void generatedCodeFindsEveryNonFiniteCoordinate() {
        Expression x = Expression.variable("x");
        Expression y = Expression.variable("y");
        Formulas unused = new Formulas("x*y of (x, y, z)", Formula.of(List.of("x", "y", "z"), x.times(y)),
                new double[] {1, 2, 3}, 0.5);
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int tries = 0;
        for (Formulas f : List.of(Formulas.seed(), unused, Formulas.rosenbrock(40))) {
            SimdDerivatives d = prepare(f.formula(), "always");
            int n = f.formula().dimension();
            int m = f.formula().outputCount();
            d.gradientBatch(f.points(Lanes.LANES, SEED), null, new double[n][Lanes.LANES]);
            int stretch = d.compiled(1).stretch();
            int count = 2 * stretch + Lanes.LANES + 3;
            double[][] points = f.points(count, SEED);
            int lastWhole = count / Lanes.LANES * Lanes.LANES - 1;
            int[] where = {0, Lanes.LANES - 1, stretch, stretch + stretch / 2 + 1, lastWhole, count - 1};
            int[] columns = n <= 3 ? new int[] {0, 1, n - 1} : new int[] {0, n / 2, n - 1};
            for (int j : columns) {
                for (int p : where) {
                    double keep = points[j][p];
                    points[j][p] = bad[tries++ % bad.length];
                    int mode = n > 3 ? 1 : tries % 3; // Rosenbrock-40: gradients only (its code warms up slowly)
                    String at = f.name() + ": " + points[j][p] + " at point " + p + ", column " + j;
                    PartialsException e = catchThrowableOfType(PartialsException.class, () -> {
                        switch (mode) {
                            case 0 -> d.valuesBatch(points, new double[m][count]);
                            case 1 -> d.gradientBatch(points, new double[count], new double[n][count]);
                            default -> d.jacobianBatch(points, new double[m][count], new double[m * n][count]);
                        }
                    });
                    assertThat(e).as(at).isNotNull();
                    assertThat(e.kind()).as(at).isEqualTo(PartialsException.Kind.NON_FINITE_POINT);
                    assertThat(e.order()).as(at).hasValue(p);
                    assertThat(e.name()).as(at).hasValue(f.formula().variables().get(j));
                    assertThat(d.compiled(mode)).as(at + ": generated code ran").isNotNull();
                    points[j][p] = keep;
                }
            }
            points[0][stretch + 1] = Double.NaN;
            points[n - 1][stretch] = Double.NaN;
            PartialsException e = catchThrowableOfType(PartialsException.class,
                    () -> d.gradientBatch(points, null, new double[n][count]));
            assertThat(e.order()).as(f.name() + ": the lower of two bad points").hasValue(stretch);
            assertThat(e.name()).hasValue(f.formula().variables().get(n - 1));
            points[0][stretch + 1] = 0.5;
            points[n - 1][stretch] = 0.5;
            double[][] generated = new double[n][count];
            double[][] interpreted = new double[n][count];
            d.gradientBatch(points, null, generated);
            prepare(f.formula(), "never").gradientBatch(points, null, interpreted);
            assertBits(generated, interpreted, f.name() + " after an error");
        }
    }

    /**
     * Once the JIT has compiled it, generated code allocates nothing per point: C2 inlined every vector
     * operation of every method, so no vector was boxed (each boxed one would cost 64 B or more). A
     * method cut too long for C2's node budget fails this (measured: 72 B per point on Rosenbrock-10
     * with 40 operations per method). Formulas: additions and products only, and every operation.
     */
    @Test
    void compiledCodeAllocatesNothingPerPoint() {
        assumeTrue(!"java".equals(System.getProperty("jdk.incubator.vector.VectorMathLibrary"))
                && allocatedBytes() >= 0, "needs the JVM's per-thread allocation counter");
        for (Formulas f : List.of(Formulas.rosenbrock(10), Formulas.everyOperation())) {
            SimdDerivatives d = prepare(f.formula(), "always");
            int count = 1 << 15;
            double[][] points = f.points(count, SEED);
            double[][] values = new double[f.formula().outputCount()][count];
            double[][] jacobians = new double[f.formula().outputCount() * f.formula().dimension()][count];
            double perPoint = Double.NaN;
            // C1 code does not intrinsify vectors and allocates: call until C2 has compiled every method
            for (int call = 0; call < 200 && !(perPoint < 1); call++) {
                long before = allocatedBytes();
                d.jacobianBatch(points, values, jacobians);
                perPoint = (allocatedBytes() - before) / (double) count;
            }
            assertThat(d.compiled(2).methods()).as("%s is cut into methods", f.name()).isGreaterThan(1);
            assertThat(perPoint).as("%s: bytes per point", f.name()).isLessThan(1);
        }
    }

    /** Bytes allocated by this thread so far, or -1 when the JVM does not count them. */
    static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** Runs every batch mode with generated code and with the interpreter, and compares the bits. */
    static void assertSameBatches(Formula formula, double[][] points, String what) {
        SimdDerivatives compiled = prepare(formula, "always");
        SimdDerivatives interpreted = prepare(formula, "never");
        int n = formula.dimension();
        int m = formula.outputCount();
        int count = points[0].length;
        double[][] v1 = new double[m][count];
        double[][] v2 = new double[m][count];
        compiled.valuesBatch(points, v1);
        interpreted.valuesBatch(points, v2);
        assertBits(v1, v2, what + ", values");
        // a failed generation falls back to the interpreter quietly: compare generated code, not two interpreters
        assertThat(compiled.compiled(0)).as("values code of %s", what).isNotNull();
        double[][] j1 = new double[m * n][count];
        double[][] j2 = new double[m * n][count];
        compiled.jacobianBatch(points, v1, j1);
        interpreted.jacobianBatch(points, v2, j2);
        assertBits(v1, v2, what + ", Jacobian values");
        assertBits(j1, j2, what + ", Jacobians");
        assertThat(compiled.compiled(2)).as("Jacobian code of %s", what).isNotNull();
        if (m == 1) {
            double[] g1 = new double[count];
            double[] g2 = new double[count];
            double[][] d1 = new double[n][count];
            double[][] d2 = new double[n][count];
            compiled.gradientBatch(points, g1, d1);
            interpreted.gradientBatch(points, g2, d2);
            assertBits(new double[][] {g1}, new double[][] {g2}, what + ", gradient values");
            assertBits(d1, d2, what + ", gradients");
            assertThat(compiled.compiled(1)).as("gradient code of %s", what).isNotNull();
            compiled.gradientBatch(points, null, d1);
            assertBits(d1, d2, what + ", gradients without values");
        }
    }

    /**
     * With {@code -Djdk.incubator.vector.VectorMathLibrary=java} (the second test execution) both engines
     * compute transcendental functions with {@link Math} and must agree bit for bit. By default each
     * computes them with SVML once the JIT has compiled it, with {@link Math} before, and the two
     * engines warm up at different times: then NaN and infinities must still agree exactly, and finite
     * results within 1e-8 relative: an ulp of a transcendental function, carried through partials that the
     * generated cases bound by 1e5.
     */
    static final boolean EXACT = "java".equals(System.getProperty("jdk.incubator.vector.VectorMathLibrary"));

    static void assertBits(double[][] actual, double[][] expected, String what) {
        for (int r = 0; r < expected.length; r++) {
            for (int p = 0; p < expected[r].length; p++) {
                double x = actual[r][p];
                double y = expected[r][p];
                boolean same = Double.doubleToLongBits(x) == Double.doubleToLongBits(y)
                        || !EXACT && Double.isFinite(x) && Double.isFinite(y)
                        && Math.abs(x - y) <= 1e-8 * Math.max(1, Math.abs(y));
                if (!same) {
                    throw new AssertionError(what + ": column " + r + ", point " + p + ": generated " + x
                            + ", interpreted " + y + (EXACT ? " (java math: must be equal bit for bit)" : ""));
                }
            }
        }
    }
}
