package dev.partials.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Derivatives;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Splitting a batch across cores ({@code -Dpartials.simd.parallel}) never changes a result: each point
 * is computed on its own, so parallel, sequential and single-point results are the same bits.
 *
 * <p>One caveat is the JIT's, not the threads': until the optimizing compiler has compiled a kernel,
 * the Vector API computes its transcendental functions with {@link Math} lane by lane, afterwards
 * with the platform's vector math library, and the two differ in the last bit for some arguments. So
 * a comparison counts only when two sequential runs around the parallel one agree (the compiled state
 * was steady); with {@code -Djdk.incubator.vector.VectorMathLibrary=java} (the second Surefire
 * execution) every state computes the same, and the first comparison counts.
 */
class SimdParallelTests {

    static final PartialDerivative SIMD = PartialDerivative.of("simd");
    static final int SIZE = 40_007;
    static final int ATTEMPTS = 40;

    @AfterEach
    void restoreDefault() {
        System.clearProperty(Parallelism.PROPERTY);
    }

    private static double[][] run(Consumer<double[][]> batch, int rows, String parallel) {
        double[][] out = new double[rows][SIZE];
        System.setProperty(Parallelism.PROPERTY, parallel);
        batch.accept(out);
        return out;
    }

    /** Sequential, parallel, sequential, until the sequential runs agree; then the parallel run must too. */
    private static void assertSameBits(Consumer<double[][]> batch, int rows) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double[][] before = run(batch, rows, "false");
            double[][] parallel = run(batch, rows, "true");
            double[][] after = run(batch, rows, "false");
            if (!Arrays.deepEquals(before, after)) {
                continue; // the JIT changed a kernel in between: not a comparison
            }
            for (int r = 0; r < rows; r++) {
                int first = Arrays.mismatch(before[r], parallel[r]);
                assertThat(first).as("row %d, first differing point %d: sequential %s, parallel %s", r, first,
                        first < 0 ? "" : before[r][first], first < 0 ? "" : parallel[r][first]).isEqualTo(-1);
            }
            return;
        }
        throw new AssertionError("the sequential results never settled in " + ATTEMPTS + " attempts");
    }

    @Test
    void parallelAndSequentialGradientsAreBitwiseIdentical() {
        for (Formulas f : new Formulas[] {Formulas.neuron(), Formulas.everyOperation(), Formulas.rosenbrock(40)}) {
            Derivatives d = SIMD.prepare(f.formula());
            double[][] points = f.points(SIZE, 1);
            int n = f.formula().dimension();
            assertSameBits(out -> d.gradientBatch(points, out[n], Arrays.copyOf(out, n)), n + 1);
        }
    }

    @Test
    void parallelAndSequentialJacobiansValuesAndJvpsAreBitwiseIdentical() {
        Formulas f = Formulas.vector();
        Derivatives d = SIMD.prepare(f.formula());
        double[][] points = f.points(SIZE, 2);
        double[][] directions = f.directions(SIZE, 3);
        int n = f.formula().dimension();
        int m = f.formula().outputCount();
        assertSameBits(out -> d.jacobianBatch(points, Arrays.copyOfRange(out, m * n, m * n + m),
                Arrays.copyOf(out, m * n)), m * n + m);
        assertSameBits(out -> d.jvpBatch(points, directions, out), m);
        assertSameBits(out -> d.valuesBatch(points, out), m);
    }

    /**
     * Alone and in a batch, a point gets the same results: bit for bit with
     * {@code VectorMathLibrary=java}; by default within the last bits of the transcendental functions,
     * because single points run the interpreter's kernels and batches (after the first points) the
     * generated code, and each uses the vector math library only once C2 has compiled it ({@code Math}
     * before, within an ulp): the JIT compiles the two at different times.
     */
    @Test
    void aPointGetsTheSameResultsAloneAsInABatch() {
        Formulas f = Formulas.everyOperation();
        Derivatives d = SIMD.prepare(f.formula());
        int n = f.formula().dimension();
        int count = 1_001;
        double[][] points = f.points(count, 4);
        double[][] batch = new double[n + 1][count];
        for (int warm = 0; warm < 3; warm++) {
            d.gradientBatch(points, batch[n], Arrays.copyOf(batch, n));
        }
        assertThat(disagreement(d, points, batch, Reference.javaMath() ? 0 : 1e-13)).isEmpty();
    }

    /** The first point whose results alone differ from the batch's by more than {@code tolerance} relative, or "". */
    private static String disagreement(Derivatives d, double[][] points, double[][] batch, double tolerance) {
        int n = points.length;
        for (int p = 0; p < points[0].length; p++) {
            double[] point = Formulas.point(points, p);
            double[] single = d.gradient(point);
            double value = d.value(point);
            if (!close(value, batch[n][p], tolerance)) {
                return "value at point " + p + ": " + value + " alone, " + batch[n][p] + " in the batch";
            }
            for (int j = 0; j < n; j++) {
                if (!close(single[j], batch[j][p], tolerance)) {
                    return "point " + p + " ∂" + j + ": " + single[j] + " alone, " + batch[j][p] + " in the batch";
                }
            }
        }
        return "";
    }

    /** Equal bits, or both finite and within {@code tolerance} relative to max(1, |b|). */
    private static boolean close(double a, double b, double tolerance) {
        return Double.compare(a, b) == 0
                || Double.isFinite(a) && Double.isFinite(b) && Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
    }

    /**
     * A batch split over cores is checked whole before it is split: the error names the lowest bad point
     * (not whichever thread's block failed first) and no result is written.
     */
    @Test
    void aSplitBatchNamesTheFirstNonFinitePointAndWritesNothing() {
        Formulas f = Formulas.rosenbrock(10);
        Derivatives d = SIMD.prepare(f.formula());
        double[][] points = f.points(SIZE, 7);
        points[9][SIZE - 2] = Double.NaN;
        points[3][SIZE / 2] = Double.POSITIVE_INFINITY;
        points[0][SIZE / 2 + 1] = Double.NEGATIVE_INFINITY;
        System.setProperty(Parallelism.PROPERTY, "true");
        for (int call = 0; call < 3; call++) {
            double[][] gradients = new double[10][SIZE];
            assertThatThrownBy(() -> d.gradientBatch(points, null, gradients))
                    .isInstanceOfSatisfying(PartialsException.class, e -> {
                        assertThat(e.kind()).isEqualTo(PartialsException.Kind.NON_FINITE_POINT);
                        assertThat(e.order()).hasValue(SIZE / 2);
                        assertThat(e.name()).hasValue(f.formula().variables().get(3));
                    });
            for (double[] column : gradients) {
                assertThat(Arrays.stream(column).allMatch(g -> g == 0.0)).isTrue();
            }
        }
    }

    @Test
    void anUnknownParallelismSettingIsRejected() {
        System.setProperty(Parallelism.PROPERTY, "sometimes");
        Formulas f = Formulas.seed();
        Derivatives d = SIMD.prepare(f.formula());
        double[][] points = f.points(1_000, 5);
        assertThatThrownBy(() -> d.valuesBatch(points, new double[1][1_000]))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.INVALID_ARGUMENT));
    }
}
