package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batches run block by block ({@link Workspace#blockSize} points at a time): whatever the batch size
 * against the block — 1, one short of a block, exactly a block, one more, several blocks and a tail —
 * every point's results are bit for bit those of the single-point methods, in both engines; errors
 * name the same point and leave the same outputs written as a point-at-a-time loop; and a warm batch
 * allocates nothing.
 */
class BatchBlockingTests {

    private static final int N = 10;
    /** Rosenbrock in 10 variables (the bench's rosenbrock-10), with its gradient by hand below. */
    private static final Formula ROSENBROCK = rosenbrock(N);
    /** Three outputs of three variables, each touching a different subset. */
    private static final Formula VECTOR = Formula.parse("[x*y + sin(z), exp(x) - y^2, z/(1 + x*x)]", "x", "y", "z");

    private static Formula rosenbrock(int n) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            terms.add("100*(x" + (i + 1) + " - x" + i + "^2)^2 + (1 - x" + i + ")^2");
        }
        return Formula.parse(String.join(" + ", terms), IntStream.range(0, n).mapToObj(i -> "x" + i).toArray(String[]::new));
    }

    /** Batch sizes around the block {@code b} of a formula. */
    private static int[] sizes(int b) {
        return IntStream.of(1, b - 1, b, b + 1, 2 * b, 3 * b + 5).filter(s -> s >= 1).distinct().toArray();
    }

    private static double[][] columns(int n, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[n][count];
        for (double[] column : points) {
            for (int p = 0; p < count; p++) {
                column[p] = random.nextDouble(-1.5, 1.5);
            }
        }
        return points;
    }

    private static double[][] filled(int rows, int count) {
        double[][] out = new double[rows][count];
        for (double[] row : out) {
            Arrays.fill(row, -7.25); // a sentinel no result here equals
        }
        return out;
    }

    private static void sameBits(String what, double expected, double actual) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            fail("%s: single point %s, batch %s", what, expected, actual);
        }
    }

    @Test
    void blocksHoldUpToThirtyTwoPointsWithinAMebibyte() {
        // 8 bytes × (2n + m·n + m) a point, at most 2^20 bytes and 32 points a block
        assertThat(Workspace.blockSize(1, 1)).isEqualTo(32);
        assertThat(Workspace.blockSize(10, 1)).isEqualTo(32);
        assertThat(Workspace.blockSize(1365, 1)).isEqualTo(32); // 4,096 doubles a point
        assertThat(Workspace.blockSize(1366, 1)).isEqualTo(31);
        assertThat(Workspace.blockSize(100, 100)).isEqualTo(12); // 10,300 doubles a point
        assertThat(Workspace.blockSize(1000, 1000)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "never"})
    void rosenbrockGradientBatchesOfEverySizeAroundTheBlockEqualSinglePoints(String mode) {
        int b = Workspace.blockSize(N, 1);
        assertThat(b).isGreaterThan(1);
        for (int count : sizes(b)) {
            DualDerivatives batch = CompileModes.prepare(mode, ROSENBROCK);
            DualDerivatives single = CompileModes.prepare(mode, ROSENBROCK);
            double[][] points = columns(N, count, count);
            double[] values = new double[count];
            Arrays.fill(values, -7.25);
            double[][] gradients = filled(N, count);
            double[][] onlyGradients = filled(N, count);
            batch.gradientBatch(points, values, gradients);
            batch.gradientBatch(points, null, onlyGradients);
            double[] g = new double[N];
            for (int p = 0; p < count; p++) {
                double[] x = TestData.point(points, p);
                single.gradient(x, g);
                sameBits(mode + " count " + count + " value " + p, single.value(x), values[p]);
                for (int j = 0; j < N; j++) {
                    sameBits(mode + " count " + count + " gradient " + j + " at " + p, g[j], gradients[j][p]);
                    sameBits(mode + " count " + count + " gradient only " + j + " at " + p, g[j], onlyGradients[j][p]);
                }
            }
        }
    }

    @Test
    void rosenbrockGradientBatchMatchesTheGradientByHand() {
        int count = 3 * Workspace.blockSize(N, 1) + 5;
        double[][] points = columns(N, count, 11);
        double[][] gradients = new double[N][count];
        CompileModes.prepare(null, ROSENBROCK).gradientBatch(points, null, gradients);
        for (int p = 0; p < count; p++) {
            double[] x = TestData.point(points, p);
            for (int j = 0; j < N; j++) {
                // ∂/∂x_j: -400 x_j (x_{j+1} - x_j²) - 2 (1 - x_j) from term j, 200 (x_j - x_{j-1}²) from term j-1
                double expected = 0;
                double scale = 0;
                if (j + 1 < N) {
                    double a = -400 * x[j] * (x[j + 1] - x[j] * x[j]);
                    double c = -2 * (1 - x[j]);
                    expected += a + c;
                    scale += Math.abs(a) + Math.abs(c) + 400 * Math.abs(x[j]) * (Math.abs(x[j + 1]) + x[j] * x[j]);
                }
                if (j > 0) {
                    double d = 200 * (x[j] - x[j - 1] * x[j - 1]);
                    expected += d;
                    scale += 200 * (Math.abs(x[j]) + x[j - 1] * x[j - 1]);
                }
                assertThat(Math.abs(gradients[j][p] - expected))
                        .as("gradient %d at point %d", j, p).isLessThanOrEqualTo(8 * Math.ulp(scale));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "never"})
    void vectorJacobianAndValuesBatchesOfEverySizeAroundTheBlockEqualSinglePoints(String mode) {
        int n = 3;
        int m = 3;
        int b = Workspace.blockSize(n, m);
        for (int count : sizes(b)) {
            DualDerivatives batch = CompileModes.prepare(mode, VECTOR);
            DualDerivatives single = CompileModes.prepare(mode, VECTOR);
            double[][] points = columns(n, count, 100 + count);
            double[][] values = filled(m, count);
            double[][] jacobians = filled(m * n, count);
            double[][] onlyJacobians = filled(m * n, count);
            double[][] onlyValues = filled(m, count);
            double[][] firstGradients = filled(n, count);
            double[] firstValues = new double[count];
            batch.jacobianBatch(points, values, jacobians);
            batch.jacobianBatch(points, null, onlyJacobians);
            batch.valuesBatch(points, onlyValues);
            batch.gradientBatch(points, firstValues, firstGradients);
            double[] jac = new double[m * n];
            double[] v = new double[m];
            double[] g = new double[n];
            for (int p = 0; p < count; p++) {
                double[] x = TestData.point(points, p);
                single.jacobian(x, jac);
                single.values(x, v);
                single.gradient(0, x, g);
                String at = mode + " count " + count + " point " + p;
                for (int k = 0; k < m; k++) {
                    sameBits(at + " value " + k, v[k], values[k][p]);
                    sameBits(at + " values-batch " + k, v[k], onlyValues[k][p]);
                }
                for (int r = 0; r < m * n; r++) {
                    sameBits(at + " Jacobian " + r, jac[r], jacobians[r][p]);
                    sameBits(at + " Jacobian only " + r, jac[r], onlyJacobians[r][p]);
                }
                sameBits(at + " first value", v[0], firstValues[p]);
                for (int j = 0; j < n; j++) {
                    sameBits(at + " first gradient " + j, g[j], firstGradients[j][p]);
                }
            }
        }
    }

    @Test
    void jvpBatchesOfEverySizeAroundTheBlockEqualSinglePoints() {
        int b = Workspace.blockSize(3, 3);
        for (int count : sizes(b)) {
            DualDerivatives d = CompileModes.prepare(null, VECTOR);
            double[][] points = columns(3, count, 200 + count);
            double[][] directions = columns(3, count, 300 + count);
            double[][] out = filled(3, count);
            d.jvpBatch(points, directions, out);
            double[] r = new double[3];
            for (int p = 0; p < count; p++) {
                d.jvp(TestData.point(points, p), TestData.point(directions, p), r);
                for (int k = 0; k < 3; k++) {
                    sameBits("count " + count + " JVP " + k + " at " + p, r[k], out[k][p]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "never"})
    void aNonFinitePointInTheMiddleOfABlockIsNamedAndNothingIsWritten(String mode) {
        int b = Workspace.blockSize(N, 1);
        int count = 2 * b + 3;
        int bad = b + b / 2; // in the middle of the second block
        for (double nan : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            DualDerivatives d = CompileModes.prepare(mode, ROSENBROCK);
            double[][] points = columns(N, count, 5);
            points[4][bad] = nan;
            double[] values = new double[count];
            Arrays.fill(values, -7.25);
            double[][] gradients = filled(N, count);
            assertThatThrownBy(() -> d.gradientBatch(points, values, gradients))
                    .isInstanceOfSatisfying(PartialsException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.NON_FINITE_POINT);
                        assertThat(e.order()).hasValue(bad);
                        assertThat(e.name()).hasValue("x4");
                        assertThat(e.getMessage()).contains("point " + bad).contains("x4");
                    });
            assertThat(values).containsOnly(-7.25);
            for (double[] column : gradients) {
                assertThat(column).containsOnly(-7.25);
            }
            double[][] jacobians = filled(N, count);
            assertThatThrownBy(() -> d.jacobianBatch(points, null, jacobians))
                    .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.order()).hasValue(bad));
            for (double[] column : jacobians) {
                assertThat(column).containsOnly(-7.25);
            }
        }
    }

    @Test
    void aNonFiniteDirectionInTheMiddleOfABlockLeavesThePointsBeforeItWritten() {
        int b = Workspace.blockSize(3, 3);
        int count = 2 * b + 3;
        int bad = b + b / 2;
        DualDerivatives d = CompileModes.prepare(null, VECTOR);
        double[][] points = columns(3, count, 6);
        double[][] directions = columns(3, count, 7);
        directions[1][bad] = Double.NaN;
        double[][] out = filled(3, count);
        assertThatThrownBy(() -> d.jvpBatch(points, directions, out))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.NON_FINITE_POINT));
        double[] r = new double[3];
        for (int p = 0; p < count; p++) {
            if (p < bad) {
                d.jvp(TestData.point(points, p), TestData.point(directions, p), r);
                for (int k = 0; k < 3; k++) {
                    sameBits("JVP " + k + " at " + p, r[k], out[k][p]);
                }
            } else {
                for (int k = 0; k < 3; k++) {
                    assertThat(out[k][p]).as("JVP %d at %d, after the bad direction", k, p).isEqualTo(-7.25);
                }
            }
        }
    }

    @Test
    void aBatchCountsEachOfItsPointsTowardsCompiling() {
        DualDerivatives d = CompileModes.prepare(null, ROSENBROCK);
        int count = DualDerivatives.COMPILE_AFTER - 1; // not a multiple of the block
        d.gradientBatch(columns(N, count, 8), null, new double[N][count]);
        assertThat(d.isCompiled()).isFalse();
        d.gradientBatch(columns(N, 1, 9), null, new double[N][1]);
        assertThat(d.isCompiled()).isTrue();
    }

    @Test
    void warmBatchesAllocateNothing() {
        assumeTrue(ThreadAllocation.allocated() >= 0, "this JVM does not count allocated bytes");
        int count = 3 * Workspace.blockSize(3, 3) + 5;
        DualDerivatives scalar = CompileModes.prepare(null, ROSENBROCK);
        DualDerivatives vector = CompileModes.prepare(null, VECTOR);
        double[][] points = columns(N, count, 10);
        double[] values = new double[count];
        double[][] gradients = new double[N][count];
        double[][] vectorPoints = columns(3, count, 12);
        double[][] vectorValues = new double[3][count];
        double[][] jacobians = new double[9][count];
        double[][] jvps = new double[3][count];
        Runnable calls = () -> {
            scalar.gradientBatch(points, values, gradients);
            vector.jacobianBatch(vectorPoints, vectorValues, jacobians);
            vector.valuesBatch(vectorPoints, vectorValues);
            vector.jvpBatch(vectorPoints, vectorPoints, jvps);
            vector.gradientBatch(vectorPoints, values, vectorValues);
        };
        for (int i = 0; i < 5_000; i++) {
            calls.run();
        }
        long before = ThreadAllocation.allocated();
        int rounds = 1_000;
        for (int i = 0; i < rounds; i++) {
            calls.run();
        }
        long after = ThreadAllocation.allocated();
        assertThat((after - before) / (double) rounds).as("bytes per round of five batches").isLessThanOrEqualTo(16);
    }
}
