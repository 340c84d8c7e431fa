package dev.partials.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batched results against the per-point reference ({@link Reference}) at batch sizes around the lane
 * count and the block size: bitwise equal when the lane-wise math is Java's own
 * ({@code -Djdk.incubator.vector.VectorMathLibrary=java}, the second Surefire execution), within
 * {@code 2·D·u·C} with the platform's vector math library.
 */
class SimdBatchTests {

    static final int[] SIZES = {0, 1, 7, 8, 9, 207, 702};
    static final long SEED = Long.getLong("partials.seed", 20261126L);

    static final PartialDerivative SIMD = PartialDerivative.of("simd");

    static List<Formulas> formulas() {
        return Formulas.all();
    }

    /** Collects mismatches, and reports the first few with where they are. */
    static final class Mismatches {
        final List<String> found = new ArrayList<>();
        int count;

        void check(String where, double expected, double actual, double tolerance, boolean bitwise) {
            String problem = Reference.compare(expected, actual, tolerance, bitwise);
            if (problem != null) {
                count++;
                if (found.size() < 8) {
                    found.add(where + ": " + problem);
                }
            }
        }

        void assertNone() {
            assertThat(found).as(count + " mismatch(es)").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void valuesBatchMatchesTheReferenceInterpreterAtEveryBatchSize(Formulas f) {
        Derivatives d = SIMD.prepare(f.formula());
        int m = f.formula().outputCount();
        Mismatches mismatches = new Mismatches();
        for (int size : SIZES) {
            double[][] points = f.points(size, SEED + size);
            double[][] values = new double[m][size];
            d.valuesBatch(points, values);
            for (int p = 0; p < size; p++) {
                double[] point = Formulas.point(points, p);
                Reference r = Reference.at(f.formula(), point);
                for (int k = 0; k < m; k++) {
                    mismatches.check(f + " size " + size + " point " + p + " " + Arrays.toString(point) + " value " + k,
                            r.values[k], values[k][p], r.tolerance(r.valueConditioning[k]), Reference.javaMath());
                }
            }
        }
        mismatches.assertNone();
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void gradientBatchMatchesScalarForwardModeAtEveryBatchSize(Formulas f) {
        Derivatives d = SIMD.prepare(f.formula());
        int n = f.formula().dimension();
        Mismatches mismatches = new Mismatches();
        for (int size : SIZES) {
            double[][] points = f.points(size, SEED + size);
            double[] values = new double[size];
            double[][] gradients = new double[n][size];
            d.gradientBatch(points, values, gradients);
            for (int p = 0; p < size; p++) {
                double[] point = Formulas.point(points, p);
                Reference r = Reference.at(f.formula(), point);
                String at = f + " size " + size + " point " + p + " " + Arrays.toString(point);
                mismatches.check(at + " value", r.values[0], values[p], r.tolerance(r.valueConditioning[0]),
                        Reference.javaMath());
                for (int j = 0; j < n; j++) {
                    mismatches.check(at + " ∂/∂" + f.formula().variables().get(j), r.jacobian[0][j], gradients[j][p],
                            r.tolerance(r.jacobianConditioning[0][j]), Reference.javaMath());
                }
            }
        }
        mismatches.assertNone();
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void jacobianBatchMatchesScalarForwardModeAtEveryBatchSize(Formulas f) {
        Derivatives d = SIMD.prepare(f.formula());
        int n = f.formula().dimension();
        int m = f.formula().outputCount();
        Mismatches mismatches = new Mismatches();
        for (int size : SIZES) {
            double[][] points = f.points(size, SEED + 7 * size);
            double[][] values = new double[m][size];
            double[][] jacobians = new double[m * n][size];
            d.jacobianBatch(points, values, jacobians);
            for (int p = 0; p < size; p++) {
                double[] point = Formulas.point(points, p);
                Reference r = Reference.at(f.formula(), point);
                String at = f + " size " + size + " point " + p + " " + Arrays.toString(point);
                for (int k = 0; k < m; k++) {
                    mismatches.check(at + " value " + k, r.values[k], values[k][p], r.tolerance(r.valueConditioning[k]),
                            Reference.javaMath());
                    for (int j = 0; j < n; j++) {
                        mismatches.check(at + " ∂f" + k + "/∂x" + j, r.jacobian[k][j], jacobians[k * n + j][p],
                                r.tolerance(r.jacobianConditioning[k][j]), Reference.javaMath());
                    }
                }
            }
        }
        mismatches.assertNone();
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void jvpBatchMatchesTheJacobianTimesTheDirectionAtEveryBatchSize(Formulas f) {
        Derivatives d = SIMD.prepare(f.formula());
        int m = f.formula().outputCount();
        Mismatches mismatches = new Mismatches();
        for (int size : SIZES) {
            double[][] points = f.points(size, SEED + 11 * size);
            double[][] directions = f.directions(size, SEED - size);
            double[][] out = new double[m][size];
            d.jvpBatch(points, directions, out);
            for (int p = 0; p < size; p++) {
                double[] point = Formulas.point(points, p);
                double[] direction = Formulas.point(directions, p);
                Reference r = Reference.at(f.formula(), point);
                for (int k = 0; k < m; k++) {
                    // One tangent pass sums in another order than Σ_j J·d: never bitwise.
                    mismatches.check(f + " size " + size + " point " + p + " direction " + Arrays.toString(direction)
                                    + " output " + k, r.jvp(k, direction), out[k][p],
                            r.tolerance(r.jvpConditioning(k, direction)), false);
                }
            }
        }
        mismatches.assertNone();
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void singlePointCallsMatchTheReference(Formulas f) {
        Derivatives d = SIMD.prepare(f.formula());
        int n = f.formula().dimension();
        int m = f.formula().outputCount();
        double[][] points = f.points(25, SEED ^ 0x5eed);
        double[][] directions = f.directions(25, SEED ^ 0xd1);
        Mismatches mismatches = new Mismatches();
        boolean bitwise = Reference.javaMath();
        for (int p = 0; p < 25; p++) {
            double[] point = Formulas.point(points, p);
            double[] direction = Formulas.point(directions, p);
            Reference r = Reference.at(f.formula(), point);
            String at = f + " point " + Arrays.toString(point);
            double[] values = d.values(point);
            double[][] jacobian = d.jacobian(point);
            double[] jvp = d.jvp(point, direction);
            for (int k = 0; k < m; k++) {
                double vt = r.tolerance(r.valueConditioning[k]);
                mismatches.check(at + " value " + k, r.values[k], values[k], vt, bitwise);
                mismatches.check(at + " partial (order 0) " + k, r.values[k], d.partial(k, MultiIndex.zero(n), point),
                        vt, bitwise);
                double[] gradient = new double[n];
                d.gradient(k, point, gradient);
                for (int j = 0; j < n; j++) {
                    double t = r.tolerance(r.jacobianConditioning[k][j]);
                    mismatches.check(at + " jacobian " + k + "," + j, r.jacobian[k][j], jacobian[k][j], t, bitwise);
                    mismatches.check(at + " gradient " + k + "," + j, r.jacobian[k][j], gradient[j], t, bitwise);
                    mismatches.check(at + " partial " + k + "," + j, r.jacobian[k][j],
                            d.partial(k, MultiIndex.unit(n, j), point), t, bitwise);
                }
                mismatches.check(at + " jvp " + k, r.jvp(k, direction), jvp[k],
                        r.tolerance(r.jvpConditioning(k, direction)), false);
            }
        }
        mismatches.assertNone();
    }

    @Test
    void aMillionAndThreePointsOfTheSeedMatchTheReference() {
        Formulas f = Formulas.seed();
        Derivatives d = SIMD.prepare(f.formula());
        int size = 1_000_003;
        double[][] points = f.points(size, SEED);
        double[] values = new double[size];
        double[][] gradients = new double[2][size];
        d.gradientBatch(points, values, gradients);
        Mismatches mismatches = new Mismatches();
        double[] point = new double[2];
        double[] work = new double[f.formula().program().size()];
        double[] value = new double[1];
        for (int p = 0; p < size; p++) {
            point[0] = points[0][p];
            point[1] = points[1][p];
            f.formula().program().evaluate(point, work, value);
            // Every operation of the seed is exactly rounded: the same operations give the same bits.
            mismatches.check("point " + p + " value", value[0], values[p], 0, true);
            mismatches.check("point " + p + " ∂/∂x", 2 * point[0] + 3 * point[1], gradients[0][p], 0, true);
            mismatches.check("point " + p + " ∂/∂y", 3 * point[0], gradients[1][p], 0, true);
        }
        mismatches.assertNone();
    }

    @Test
    void scalarFallbackMatchesTheReference() {
        for (Formulas f : List.of(Formulas.everyOperation(), Formulas.vector())) {
            Derivatives d = new SimdDerivatives((SimdProvider) SIMD, f.formula(), true);
            int n = f.formula().dimension();
            int m = f.formula().outputCount();
            double[][] points = f.points(207, SEED + 3);
            double[][] values = new double[m][207];
            double[][] jacobians = new double[m * n][207];
            d.jacobianBatch(points, values, jacobians);
            Mismatches mismatches = new Mismatches();
            for (int p = 0; p < 207; p++) {
                Reference r = Reference.at(f.formula(), Formulas.point(points, p));
                for (int k = 0; k < m; k++) {
                    // The fallback runs Op's own functions: bitwise, whatever the vector library.
                    mismatches.check(f + " point " + p + " value " + k, r.values[k], values[k][p], 0, true);
                    for (int j = 0; j < n; j++) {
                        mismatches.check(f + " point " + p + " ∂f" + k + "/∂x" + j, r.jacobian[k][j],
                                jacobians[k * n + j][p], 0, true);
                    }
                }
            }
            mismatches.assertNone();
        }
    }

    @Test
    void blocksHoldAWholeNumberOfLaneGroups() {
        for (Formulas f : Formulas.all()) {
            int block = ((SimdDerivatives) SIMD.prepare(f.formula())).blockSize();
            assertThat(block % Kernels.LANES).as(f.name()).isZero();
            assertThat(block).as(f.name()).isBetween(Kernels.LANES, SimdDerivatives.MAX_BLOCK);
        }
    }

    @Test
    void batchSizesStraddleTheBlockSize() {
        // The sizes above cross lane groups; these cross blocks (B − 1, B, B + 1, 3B + 5).
        Formulas f = Formulas.neuron();
        Derivatives d = SIMD.prepare(f.formula());
        int block = ((SimdDerivatives) d).blockSize();
        Mismatches mismatches = new Mismatches();
        for (int size : new int[] {block - 1, block, block + 1, 3 * block + 5}) {
            double[][] points = f.points(size, SEED + size);
            double[][] gradients = new double[3][size];
            double[] values = new double[size];
            d.gradientBatch(points, values, gradients);
            for (int p = 0; p < size; p++) {
                Reference r = Reference.at(f.formula(), Formulas.point(points, p));
                mismatches.check("size " + size + " point " + p + " value", r.values[0], values[p],
                        r.tolerance(r.valueConditioning[0]), Reference.javaMath());
                for (int j = 0; j < 3; j++) {
                    mismatches.check("size " + size + " point " + p + " ∂" + j, r.jacobian[0][j], gradients[j][p],
                            r.tolerance(r.jacobianConditioning[0][j]), Reference.javaMath());
                }
            }
        }
        mismatches.assertNone();
    }
}
