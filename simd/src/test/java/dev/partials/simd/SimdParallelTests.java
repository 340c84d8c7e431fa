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

    @Test
    void aPointGivesTheSameBitsAloneAsInABatch() {
        Formulas f = Formulas.everyOperation();
        Derivatives d = SIMD.prepare(f.formula());
        int n = f.formula().dimension();
        int count = 1_001;
        double[][] points = f.points(count, 4);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double[][] before = new double[n + 1][count];
            d.gradientBatch(points, before[n], Arrays.copyOf(before, n));
            double[][] single = new double[count][];
            double[] value = new double[count];
            for (int p = 0; p < count; p++) {
                single[p] = d.gradient(Formulas.point(points, p));
                value[p] = d.value(Formulas.point(points, p));
            }
            double[][] after = new double[n + 1][count];
            d.gradientBatch(points, after[n], Arrays.copyOf(after, n));
            if (!Arrays.deepEquals(before, after)) {
                continue;
            }
            for (int p = 0; p < count; p++) {
                assertThat(value[p]).as("value at point %d", p).isEqualTo((Double) before[n][p]);
                for (int j = 0; j < n; j++) {
                    assertThat(single[p][j]).as("point %d ∂%d", p, j).isEqualTo((Double) before[j][p]);
                }
            }
            return;
        }
        throw new AssertionError("the batch results never settled in " + ATTEMPTS + " attempts");
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
