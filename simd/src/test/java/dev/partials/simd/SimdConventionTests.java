package dev.partials.simd;

import static dev.partials.Expression.constant;
import static dev.partials.Expression.variable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The numerical conventions of partials, lane by lane: every batch mixes points at a kink with points
 * away from it, in lanes of one vector and across the masked tail, and each lane must give its own
 * convention. Expected values are literals; every lane is also checked against {@link Reference}.
 */
class SimdConventionTests {

    static final PartialDerivative SIMD = PartialDerivative.of("simd");
    static final Expression X = variable("x");
    static final Expression Y = variable("y");

    /** The Jacobian of {@code f} at each point, by a batch call; also checks every lane against the reference. */
    private static double[][][] jacobians(Formula f, double[][] pointList) {
        int n = f.dimension();
        int m = f.outputCount();
        int count = pointList.length;
        double[][] columns = new double[n][count];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < n; j++) {
                columns[j][p] = pointList[p][j];
            }
        }
        double[][] values = new double[m][count];
        double[][] jac = new double[m * n][count];
        SIMD.prepare(f).jacobianBatch(columns, values, jac);
        double[][][] out = new double[count][m][n + 1];
        for (int p = 0; p < count; p++) {
            Reference r = Reference.at(f, pointList[p]);
            for (int k = 0; k < m; k++) {
                out[p][k][0] = values[k][p];
                assertThat(Reference.compare(r.values[k], values[k][p], r.tolerance(r.valueConditioning[k]), false))
                        .as("value %d at %s", k, Arrays.toString(pointList[p])).isNull();
                for (int j = 0; j < n; j++) {
                    out[p][k][j + 1] = jac[k * n + j][p];
                    assertThat(Reference.compare(r.jacobian[k][j], jac[k * n + j][p],
                            r.tolerance(r.jacobianConditioning[k][j]), false))
                            .as("∂f%d/∂x%d at %s", k, j, Arrays.toString(pointList[p])).isNull();
                }
            }
        }
        return out;
    }

    /** Points {@code (x)} cycling through {@code kinks} and ordinary values, 19 of them (two lane groups and a tail). */
    private static double[][] mixed(double[] kinks, double[] ordinary) {
        List<double[]> points = new ArrayList<>();
        for (int p = 0; p < 19; p++) {
            points.add(new double[] {p % 3 == 0 ? kinks[p % kinks.length] : ordinary[p % ordinary.length]});
        }
        return points.toArray(double[][]::new);
    }

    @Test
    void absAndReluHaveDerivativeZeroAtZeroInTheLanesThatHitIt() {
        Formula f = Formula.of(List.of("x"), List.of(X.abs(), X.relu()));
        double[][] points = mixed(new double[] {0.0, -0.0}, new double[] {-2.5, 1e-300, -1e-300, 3, 0.5});
        double[][][] r = jacobians(f, points);
        for (int p = 0; p < points.length; p++) {
            double x = points[p][0];
            assertThat(r[p][0][0]).isEqualTo(Math.abs(x));
            assertThat(r[p][0][1]).as("abs' at %s", x).isEqualTo(x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0);
            assertThat(r[p][1][0]).isEqualTo(x > 0 ? x : 0.0);
            assertThat(r[p][1][1]).as("relu' at %s", x).isEqualTo(x > 0 ? 1.0 : 0.0);
        }
    }

    @Test
    void minAndMaxGiveHalfToEachArgumentAtATie() {
        Formula f = Formula.of(List.of("x", "y"), List.of(X.min(Y), X.max(Y)));
        List<double[]> points = new ArrayList<>();
        for (int p = 0; p < 19; p++) {
            points.add(switch (p % 4) {
                case 0 -> new double[] {1.5, 1.5};
                case 1 -> new double[] {1.0, 2.0};
                case 2 -> new double[] {2.0, 1.0};
                default -> new double[] {0.0, -0.0};
            });
        }
        double[][][] r = jacobians(f, points.toArray(double[][]::new));
        for (int p = 0; p < 19; p++) {
            double x = points.get(p)[0];
            double y = points.get(p)[1];
            double dmin = x < y ? 1.0 : x > y ? 0.0 : 0.5;
            double dmax = x > y ? 1.0 : x < y ? 0.0 : 0.5;
            assertThat(r[p][0][1]).as("∂min/∂x at (%s, %s)", x, y).isEqualTo(dmin);
            assertThat(r[p][0][2]).as("∂min/∂y at (%s, %s)", x, y).isEqualTo(1 - dmin);
            assertThat(r[p][1][1]).as("∂max/∂x at (%s, %s)", x, y).isEqualTo(dmax);
            assertThat(r[p][1][2]).as("∂max/∂y at (%s, %s)", x, y).isEqualTo(1 - dmax);
        }
        // A tie returns the first argument, as Op does (Math.min(0.0, -0.0) would be -0.0).
        assertThat(r[3][0][0]).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(r[3][0][0])).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @Test
    void sqrtHasInfiniteDerivativeAtZero() {
        Formula f = Formula.of(List.of("x"), X.sqrt());
        double[][] points = mixed(new double[] {0.0}, new double[] {4.0, 0.25});
        double[][][] r = jacobians(f, points);
        for (int p = 0; p < points.length; p++) {
            double x = points[p][0];
            assertThat(r[p][0][1]).as("sqrt' at %s", x).isEqualTo(x == 0 ? Double.POSITIVE_INFINITY : 0.5 / Math.sqrt(x));
        }
    }

    @Test
    void powerZeroIsOneWithDerivativeZeroEverywhere() {
        Formula f = Formula.of(List.of("x", "y"), List.of(X.pow(0), X.pow(Y)));
        List<double[]> points = new ArrayList<>();
        double[] xs = {0.0, -3.0, 2.0, 0.5, -0.0};
        for (int p = 0; p < 19; p++) {
            points.add(new double[] {xs[p % xs.length], p % 2 == 0 ? 0.0 : 1.5});
        }
        double[][][] r = jacobians(f, points.toArray(double[][]::new));
        for (int p = 0; p < 19; p++) {
            double x = points.get(p)[0];
            double y = points.get(p)[1];
            assertThat(r[p][0][0]).isEqualTo(1.0);
            assertThat(r[p][0][1]).as("d(x^0)/dx at %s", x).isEqualTo(0.0);
            if (y == 0) {
                assertThat(r[p][1][0]).as("x^y at (%s, 0)", x).isEqualTo(1.0);
                assertThat(r[p][1][1]).as("∂(x^y)/∂x at (%s, 0)", x).isEqualTo(0.0);
            }
        }
    }

    @Test
    void zeroBaseHasExponentPartialZeroForPositiveExponents() {
        Formula f = Formula.of(List.of("x", "y"), X.pow(Y));
        double[][] points = {{0.0, 2.5}, {1.5, 2.5}, {0.0, 3.0}, {2.0, 0.5}, {0.0, 1.0}, {0.0, 2.0}, {0.0, 0.5},
            {3.0, 1.0}, {0.0, 7.25}};
        double[][][] r = jacobians(f, points);
        for (int p = 0; p < points.length; p++) {
            double x = points[p][0];
            double y = points[p][1];
            if (x == 0) {
                assertThat(r[p][0][0]).isEqualTo(0.0);
                assertThat(r[p][0][2]).as("∂(x^y)/∂y at (0, %s)", y).isEqualTo(0.0);
            } else {
                assertThat(r[p][0][2]).as("∂(x^y)/∂y at (%s, %s)", x, y).isPositive();
            }
        }
        assertThat(r[0][0][1]).isEqualTo(0.0);               // 2.5 · 0^1.5
        assertThat(r[6][0][1]).isEqualTo(Double.POSITIVE_INFINITY); // 0.5 · 0^-0.5
    }

    @Test
    void negativeBaseWithNonIntegerExponentIsNaN() {
        Formula f = Formula.of(List.of("x", "y"), List.of(X.pow(Y), X.pow(2.5)));
        double[][] points = {{-2.0, 0.5}, {2.0, 0.5}, {-2.0, 0.5}, {-0.5, 1.25}, {4.0, 1.5}, {-1.0, 0.5}, {1.0, 0.5},
            {-3.0, 0.1}, {3.0, 2.0}};
        double[][][] r = jacobians(f, points);
        for (int p = 0; p < points.length; p++) {
            if (points[p][0] < 0) {
                for (int k = 0; k < 2; k++) {
                    assertThat(r[p][k][0]).as("value %d at %s", k, Arrays.toString(points[p])).isNaN();
                    assertThat(r[p][k][1]).isNaN();
                }
                assertThat(r[p][0][2]).isNaN();
            } else {
                assertThat(r[p][0][0]).isEqualTo(Math.pow(points[p][0], points[p][1]));
                assertThat(r[p][1][1]).isFinite();
            }
        }
    }

    @Test
    void negativeBaseWithIntegerExponentIsDifferentiable() {
        Formula f = Formula.of(List.of("x", "y"), List.of(X.pow(3), X.pow(Y), X.pow(-1)));
        double[][] points = {{-2.0, 3.0}, {2.0, 3.0}, {-2.0, 3.0}, {-2.0, 3.0}, {-2.0, 3.0}, {-2.0, 3.0}, {-2.0, 3.0},
            {-2.0, 3.0}, {2.0, 3.0}};
        double[][][] r = jacobians(f, points);
        for (int p = 0; p < points.length; p++) {
            double x = points[p][0];
            assertThat(r[p][0][0]).isEqualTo(x * x * x);
            assertThat(r[p][0][1]).isEqualTo(12.0);
            assertThat(r[p][1][0]).isEqualTo(x * x * x);
            assertThat(r[p][1][1]).as("∂(x^y)/∂x at (%s, 3)", x).isEqualTo(12.0);
            if (x < 0) {
                assertThat(r[p][1][2]).as("∂(x^y)/∂y at (-2, 3)").isNaN();
            }
            assertThat(r[p][2][0]).isEqualTo(1 / x);
            assertThat(r[p][2][1]).isEqualTo(-0.25);
        }
    }

    @Test
    void structuralZerosStayZeroBesideNaNPartials() {
        Expression z = variable("z");
        Formula f = Formula.of(List.of("x", "y", "z"), List.of(X.log().times(Y), z, X.pow(Y.times(0))));
        double[][] points = {{-1.0, 2.0, 3.0}, {1.0, 2.0, 3.0}, {0.0, 2.0, 3.0}, {-1.0, 0.0, 1.0}, {2.0, 1.0, 0.0},
            {-5.0, 1.0, 1.0}, {-1.0, 2.0, 3.0}, {-1.0, 2.0, 3.0}, {-1.0, 2.0, 3.0}, {1.0, 2.0, 3.0}};
        double[][][] r = jacobians(f, points);
        for (int p = 0; p < points.length; p++) {
            assertThat(r[p][0][3]).as("∂(y·log x)/∂z at %s", Arrays.toString(points[p])).isEqualTo(0.0);
            assertThat(r[p][1][1]).isEqualTo(0.0);
            assertThat(r[p][1][2]).isEqualTo(0.0);
            assertThat(r[p][1][3]).isEqualTo(1.0);
            assertThat(r[p][2][3]).isEqualTo(0.0);
            // x^(y·0): the exponent does not depend on x, so its NaN partial (log of a negative base)
            // never reaches ∂/∂x.
            assertThat(r[p][2][1]).as("∂(x^(0y))/∂x at %s", Arrays.toString(points[p])).isEqualTo(0.0);
        }
        assertThat(r[0][0][1]).isNaN();  // ∂(y·log x)/∂x: outside log's domain, NaN partials
        assertThat(r[0][0][2]).isNaN();  // ∂(y·log x)/∂y = log(-1)
    }

    @Test
    void outsideADomainValuesAndPartialsAreNaN() {
        Formula f = Formula.of(List.of("x"), List.of(X.log(), X.sqrt(), X.asin(), X.acos()));
        double[][] points = mixed(new double[] {-1.0, 2.0, -3.5}, new double[] {0.25, 0.5});
        double[][][] r = jacobians(f, points);
        for (int p = 0; p < points.length; p++) {
            double x = points[p][0];
            boolean logDomain = x > 0;
            boolean sqrtDomain = x >= 0;
            boolean trigDomain = Math.abs(x) <= 1;
            assertThat(Double.isNaN(r[p][0][0]) || Double.isNaN(r[p][0][1])).as("log at %s", x).isEqualTo(!logDomain);
            assertThat(Double.isNaN(r[p][0][0]) && Double.isNaN(r[p][0][1])).as("log at %s", x).isEqualTo(!logDomain);
            assertThat(Double.isNaN(r[p][1][0]) && Double.isNaN(r[p][1][1])).as("sqrt at %s", x).isEqualTo(!sqrtDomain);
            for (int k = 2; k < 4; k++) {
                assertThat(Double.isNaN(r[p][k][0]) && Double.isNaN(r[p][k][1])).as("asin/acos at %s", x)
                        .isEqualTo(!trigDomain);
            }
        }
    }

    @Test
    void structuralZerosHoldAcrossChunks() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("x" + i);
        }
        Expression f = variable("x0").sqrt().plus(variable("x39").times(variable("x17").log()));
        Formula formula = Formula.of(names, f);
        double[][] points = new double[11][40];
        for (int p = 0; p < 11; p++) {
            Arrays.fill(points[p], 1.0);
            points[p][0] = p % 2 == 0 ? 0.0 : 4.0;
            points[p][17] = p % 3 == 0 ? -1.0 : 2.0;
        }
        double[][][] r = jacobians(formula, points);
        for (int p = 0; p < 11; p++) {
            for (int j = 0; j < 40; j++) {
                if (j != 0 && j != 17 && j != 39) {
                    assertThat(r[p][0][j + 1]).as("∂/∂x%d at point %d", j, p).isEqualTo(0.0);
                }
            }
            assertThat(r[p][0][1]).isEqualTo(p % 2 == 0 ? Double.POSITIVE_INFINITY : 0.25);
        }
    }

    @Test
    void jvpIgnoresZeroDirectionComponentsWhereThePartialIsNaN() {
        Formula f = Formula.of(List.of("x", "y"), List.of(X.pow(Y), X.plus(Y)));
        Derivatives d = SIMD.prepare(f);
        double[][] dirs = {{1, 0}, {0, 1}, {1, 1}, {0, 0}, {-0.0, 2}, {0.5, -0.0}};
        int count = 23;
        double[][] points = new double[2][count];
        double[][] directions = new double[2][count];
        for (int p = 0; p < count; p++) {
            points[0][p] = p % 2 == 0 ? -2.0 : 2.0;
            points[1][p] = 3.0;
            directions[0][p] = dirs[p % dirs.length][0];
            directions[1][p] = dirs[p % dirs.length][1];
        }
        double[][] out = new double[2][count];
        d.jvpBatch(points, directions, out);
        for (int p = 0; p < count; p++) {
            double x = points[0][p];
            double[] direction = {directions[0][p], directions[1][p]};
            String at = "x = " + x + ", direction " + Arrays.toString(direction);
            Reference r = Reference.at(f, x, 3.0);
            // ∂(x^y)/∂y is NaN at x < 0: it counts only where the direction has a y component.
            boolean nan = x < 0 && direction[1] != 0;
            assertThat(Double.isNaN(out[0][p])).as(at).isEqualTo(nan);
            assertThat(Reference.compare(r.jvp(0, direction), out[0][p], r.tolerance(r.jvpConditioning(0, direction)),
                    false)).as(at).isNull();
            assertThat(out[1][p]).as(at).isEqualTo(direction[0] + direction[1]);
            assertThat(d.jvp(new double[] {x, 3.0}, direction)[0]).as("single point, " + at).isEqualTo((Double) out[0][p]);
        }
    }

    @Test
    void hessianIsRefusedAsOrderNotSupported() {
        Derivatives d = SIMD.prepare(Formulas.seed().formula());
        assertThatThrownBy(() -> d.hessian(1, 2)).isInstanceOfSatisfying(PartialsException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.ORDER_NOT_SUPPORTED);
            assertThat(e.providerId()).contains("simd");
        });
        assertThatThrownBy(() -> d.partial(MultiIndex.of(1, 1), 1, 2)).isInstanceOfSatisfying(PartialsException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.ORDER_NOT_SUPPORTED));
        assertThatThrownBy(() -> d.partial(MultiIndex.of(2, 0), 1, 2)).isInstanceOfSatisfying(PartialsException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.ORDER_NOT_SUPPORTED));
    }

    @Test
    void gradientOfSeedAtOneTwoIsEightAndThree() {
        Derivatives d = SIMD.prepare(Formulas.seed().formula());
        assertThat(d.gradient(1, 2)).containsExactly(8.0, 3.0);
        assertThat(d.value(1, 2)).isEqualTo(7.0);
        double[][] g = d.gradientBatch(new double[][] {{1, 1, 1}, {2, 2, 2}});
        assertThat(g[0]).containsExactly(8.0, 8.0, 8.0);
        assertThat(g[1]).containsExactly(3.0, 3.0, 3.0);
    }

    @Test
    void lanesBeyondTheBatchAreNeverWritten() {
        Formulas f = Formulas.vector();
        Derivatives d = SIMD.prepare(f.formula());
        int n = 3;
        int m = 5;
        for (int count : new int[] {0, 1, 7, 9}) {
            double[][] points = f.points(count, count);
            double[][] directions = f.directions(count, count);
            double[][] values = filled(m, count + 13);
            double[][] jac = filled(m * n, count + 13);
            double[][] jvp = filled(m, count + 13);
            double[][] grad = filled(n, count + 13);
            double[] value = new double[count + 13];
            Arrays.fill(value, 42);
            d.jacobianBatch(points, values, jac);
            d.jvpBatch(points, directions, jvp);
            d.gradientBatch(points, value, grad);
            for (double[][] rows : List.of(values, jac, jvp, grad, new double[][] {value})) {
                for (double[] row : rows) {
                    for (int p = count; p < row.length; p++) {
                        assertThat(row[p]).as("entry %d beyond a batch of %d", p, count).isEqualTo(42.0);
                    }
                }
            }
        }
    }

    private static double[][] filled(int rows, int length) {
        double[][] a = new double[rows][length];
        for (double[] row : a) {
            Arrays.fill(row, 42);
        }
        return a;
    }

    @Test
    void rejectsBadBatches() {
        Derivatives d = SIMD.prepare(Formulas.seed().formula());
        double[][] ok = {{1, 2, 3}, {4, 5, 6}};
        assertKind(Kind.DIMENSION_MISMATCH, () -> d.valuesBatch(new double[][] {{1, 2, 3}}, new double[1][3]));
        assertKind(Kind.DIMENSION_MISMATCH, () -> d.valuesBatch(new double[][] {{1, 2, 3}, {4, 5}}, new double[1][3]));
        assertKind(Kind.NON_FINITE_POINT, () -> d.valuesBatch(new double[][] {{1, Double.NaN, 3}, {4, 5, 6}},
                new double[1][3]));
        assertKind(Kind.DIMENSION_MISMATCH, () -> d.valuesBatch(ok, new double[1][2]));
        assertKind(Kind.DIMENSION_MISMATCH, () -> d.gradientBatch(ok, null, new double[1][3]));
        assertKind(Kind.DIMENSION_MISMATCH, () -> d.gradientBatch(ok, new double[2], new double[2][3]));
        assertKind(Kind.DIMENSION_MISMATCH, () -> d.jacobianBatch(ok, null, new double[2][2]));
        assertKind(Kind.NON_FINITE_POINT, () -> d.jvpBatch(ok, new double[][] {{1, 1, 1}, {0, Double.POSITIVE_INFINITY, 0}},
                new double[1][3]));
        assertKind(Kind.NON_FINITE_POINT, () -> d.gradient(1, Double.NaN));
        assertKind(Kind.DIMENSION_MISMATCH, () -> d.gradient(1, 2, 3));
        assertKind(Kind.NO_SUCH_OUTPUT, () -> d.gradient(1, new double[] {1, 2}, new double[2]));
        assertKind(Kind.DIMENSION_MISMATCH, () -> d.values(new double[] {1, 2}, new double[0]));
    }

    /**
     * A bad coordinate of a long batch, in the first lane group, in the middle, in the tail, in any
     * column, is reported with its point and variable before anything is computed; the largest finite
     * numbers pass.
     */
    @Test
    void findsEveryNonFiniteCoordinateOfALongBatch() {
        Derivatives d = SIMD.prepare(Formulas.seed().formula());
        int count = 1_003;
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int column = 0; column < 2; column++) {
                for (int at : new int[] {0, 5, 500, 999, 1_001, 1_002}) {
                    double[][] points = {new double[count], new double[count]};
                    Arrays.fill(points[0], Double.MAX_VALUE);
                    Arrays.fill(points[1], -Double.MAX_VALUE);
                    points[column][at] = bad;
                    int c = column;
                    assertThatThrownBy(() -> d.gradientBatch(points, null, new double[2][count]))
                            .isInstanceOfSatisfying(PartialsException.class, e -> {
                                assertThat(e.kind()).isEqualTo(Kind.NON_FINITE_POINT);
                                assertThat(e.order()).hasValue(at);
                                assertThat(e.name()).contains(c == 0 ? "x" : "y");
                            });
                }
            }
        }
        double[][] huge = {new double[count], new double[count]};
        Arrays.fill(huge[0], Double.MAX_VALUE);
        Arrays.fill(huge[1], Double.MIN_VALUE);
        double[][] values = new double[1][count];
        d.valuesBatch(huge, values);
        assertThat(values[0][count - 1]).isEqualTo(Double.POSITIVE_INFINITY); // MAX_VALUE² overflows; no error
    }

    private static void assertKind(Kind kind, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void formulasWithoutVariablesOrWithConstantOutputsWork() {
        Formula constant = Formula.of(List.of(), constant(3).times(constant(2)).sin());
        Derivatives d = SIMD.prepare(constant);
        assertThat(d.value()).isEqualTo(Math.sin(6));
        assertThat(d.gradient()).isEmpty();
        Formula unused = Formula.of(List.of("x", "y"), List.of(constant(5), X));
        Derivatives u = SIMD.prepare(unused);
        assertThat(u.jacobian(1, 2)).isDeepEqualTo(new double[][] {{0, 0}, {1, 0}});
        assertThat(u.jvp(new double[] {1, 2}, new double[] {3, 4})).containsExactly(0.0, 3.0);
        double[][] values = new double[2][3];
        u.valuesBatch(new double[][] {{1, 2, 3}, {4, 5, 6}}, values);
        assertThat(values).isDeepEqualTo(new double[][] {{5, 5, 5}, {1, 2, 3}});
    }
}
