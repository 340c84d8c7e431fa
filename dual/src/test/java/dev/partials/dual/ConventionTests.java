package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numerical conventions of DESIGN.md at every kink and domain edge, and the structural-zero rule. */
class ConventionTests {

    private static final PartialDerivative DUAL = PartialDerivative.of("dual");

    private static Derivatives prepare(String formula, String... variables) {
        return DUAL.prepare(variables.length == 0 ? Formula.parse(formula) : Formula.parse(formula, variables));
    }

    /** +0, not −0: what "exactly 0" means for a structural zero. */
    private static void assertPositiveZero(double x) {
        assertThat(Double.doubleToRawLongBits(x)).as("%s is +0", x).isZero();
    }

    @Test
    void absAtZeroHasDerivativeZeroAndHigherDerivativesZero() {
        Derivatives d = prepare("abs(x - 1)", "x");
        assertThat(d.value(1)).isEqualTo(0.0);
        assertThat(d.gradient(1)).containsExactly(0.0);
        assertThat(d.hessian(1)[0][0]).isEqualTo(0.0);
        assertThat(d.partial(MultiIndex.of(3), 1)).isEqualTo(0.0);
        assertThat(d.gradient(3)).containsExactly(1.0);
        assertThat(d.gradient(-3)).containsExactly(-1.0);
    }

    @Test
    void reluAtZeroHasDerivativeZero() {
        Derivatives d = prepare("relu(x)", "x");
        assertThat(d.gradient(0)).containsExactly(0.0);
        assertThat(d.gradient(0.5)).containsExactly(1.0);
        assertThat(d.gradient(-0.5)).containsExactly(0.0);
        assertThat(d.partial(MultiIndex.of(2), 0)).isEqualTo(0.0);
        assertThat(d.partial(MultiIndex.of(2), 0.5)).isEqualTo(0.0);
    }

    @Test
    void minAndMaxAtATieGiveHalfToEachArgument() {
        assertThat(prepare("min(x, y)").gradient(2, 2)).containsExactly(0.5, 0.5);
        assertThat(prepare("max(x, y)").gradient(2, 2)).containsExactly(0.5, 0.5);
        assertThat(prepare("max(x, y)").hessian(2, 2)).isDeepEqualTo(new double[][] {{0, 0}, {0, 0}});
        assertThat(prepare("max(x, y)").jvp(new double[] {2, 2}, new double[] {1, 3})).containsExactly(2.0);
    }

    @Test
    void minAndMaxAtATieAverageBothBranchesAtHigherOrders() {
        // min(x², y) at x = y = 1: ½·∂²(x²)/∂x² = 1, and the same in the Hessian and the jets
        Derivatives d = prepare("min(x^2, y)");
        assertThat(d.gradient(1, 1)).containsExactly(1.0, 0.5);
        assertThat(d.hessian(1, 1)).isDeepEqualTo(new double[][] {{1, 0}, {0, 0}});
        assertThat(d.partial(MultiIndex.of(2, 0), 1, 1)).isEqualTo(1.0);
        assertThat(d.partial(MultiIndex.of(3, 0), 1, 1)).isEqualTo(0.0);
    }

    @Test
    void branchesAwayFromATieTakeTheDerivativeOfTheBranchTaken() {
        Derivatives d = prepare("max(x^3, y)");
        assertThat(d.gradient(2, 1)).containsExactly(12.0, 0.0);
        assertThat(d.gradient(0.5, 1)).containsExactly(0.0, 1.0);
        assertThat(d.partial(MultiIndex.of(3, 0), 2, 1)).isEqualTo(6.0);
    }

    @Test
    void sqrtAtZeroHasInfiniteDerivative() {
        Derivatives d = prepare("sqrt(x)", "x");
        assertThat(d.value(0)).isEqualTo(0.0);
        assertThat(d.gradient(0)).containsExactly(Double.POSITIVE_INFINITY);
        assertThat(d.jvp(new double[] {0}, new double[] {1})).containsExactly(Double.POSITIVE_INFINITY);
    }

    @Test
    void zeroToAPositivePowerHasZeroExponentPartial() {
        Derivatives d = prepare("x^y");
        assertThat(d.value(0, 2)).isEqualTo(0.0);
        assertThat(d.gradient(0, 2)).containsExactly(0.0, 0.0);
        assertThat(d.gradient(0, 0.5)).containsExactly(Double.POSITIVE_INFINITY, 0.0);
        assertThat(d.partial(MultiIndex.of(0, 1), 0, 3)).isEqualTo(0.0);
    }

    @Test
    void logAtZeroIsMinusInfinityWithInfiniteDerivative() {
        Derivatives d = prepare("log(x)", "x");
        assertThat(d.value(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.gradient(0)).containsExactly(Double.POSITIVE_INFINITY);
    }

    @Test
    void xToTheZeroIsOneWithDerivativeZeroEverywhere() {
        Derivatives d = prepare("x^0", "x");
        for (double x : new double[] {-2, 0, 3}) {
            assertThat(d.value(x)).isEqualTo(1.0);
            assertThat(d.gradient(x)).containsExactly(0.0);
            assertThat(d.partial(MultiIndex.of(2), x)).isEqualTo(0.0);
        }
    }

    @Test
    void integerPowersWorkForANegativeBase() {
        Derivatives d = prepare("x^3", "x");
        assertThat(d.value(-2)).isEqualTo(-8.0);
        assertThat(d.gradient(-2)).containsExactly(12.0);
        assertThat(d.hessian(-2)[0][0]).isEqualTo(-12.0);
        assertThat(d.partial(MultiIndex.of(3), -2)).isEqualTo(6.0);
        assertThat(d.partial(MultiIndex.of(4), -2)).isEqualTo(0.0);
        assertThat(prepare("x^-1", "x").gradient(-2)).containsExactly(-0.25);
    }

    @Test
    void aNegativeBaseWithANonIntegerExponentIsNaN() {
        Derivatives d = prepare("x^2.5", "x");
        assertThat(d.value(-1)).isNaN();
        assertThat(d.gradient(-1)[0]).isNaN();
        assertThat(d.partial(MultiIndex.of(2), -1)).isNaN();
    }

    @Test
    void outsideADomainValuesAndPartialsAreNaNNeverAnException() {
        for (String f : new String[] {"asin(x)", "acos(x)", "sqrt(x - 3)"}) {
            Derivatives d = prepare(f, "x");
            assertThat(d.value(2)).as(f).isNaN();
            assertThat(d.gradient(2)[0]).as(f).isNaN();
            assertThat(d.hessian(2)[0][0]).as(f).isNaN();
            assertThat(d.partial(MultiIndex.of(3), 2)).as(f).isNaN();
        }
        Derivatives log = prepare("log(x)", "x");
        assertThat(log.value(-1)).isNaN();
        assertThat(log.gradient(-1)[0]).isNaN();
        assertThat(log.jvp(new double[] {-1}, new double[] {1})[0]).isNaN();
        assertThat(log.partial(MultiIndex.of(2), -1)).isNaN();
        assertThat(Dual.variable(1, 0, -1).log().partial(0)).isNaN();
    }

    @Test
    void structuralZeroIsNotPoisonedByANaNElsewhere() {
        // x + 0*log(y) at y = 0: ∂/∂x = 1 although 0·(1/y) is NaN
        Derivatives d = prepare("x + 0*log(y)");
        double[] g = d.gradient(2, 0);
        assertThat(g[0]).isEqualTo(1.0);
        assertThat(g[1]).isNaN();
        assertThat(d.partial(MultiIndex.of(1, 0), 2, 0)).isEqualTo(1.0);
        assertThat(d.jacobian(2, 0)[0][0]).isEqualTo(1.0);
        assertThat(d.jvp(new double[] {2, 0}, new double[] {1, 0})).containsExactly(1.0);
        assertThat(d.jvp(new double[] {2, 0}, new double[] {1, 1})[0]).isNaN();
        assertThat(d.hessian(2, 0)[0][0]).isEqualTo(0.0);
    }

    @Test
    void partialsWithRespectToUnusedVariablesArePositiveZero() {
        // 12 variables over two chunks; the output uses x0, x5 (a hole of lanes 1..4 between them) and x7
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("x" + i);
        }
        Derivatives d = DUAL.prepare(Formula.parse("sqrt(x0 + x5) - x0 * log(x5 - x10) + x7", names));
        double[] point = new double[12];
        point[0] = 0;
        point[5] = 0;
        point[10] = 0;
        double[] g = d.gradient(point);
        assertThat(g[0]).isEqualTo(Double.POSITIVE_INFINITY);     // 1/(2·sqrt 0) − log(0) = ∞ + ∞
        assertThat(g[7]).isEqualTo(1.0);
        for (int j : new int[] {1, 2, 3, 4, 6, 8, 9, 11}) {
            assertPositiveZero(g[j]);
            assertPositiveZero(d.partial(MultiIndex.unit(12, j), point));
            assertPositiveZero(d.jacobian(point)[0][j]);
        }
        double[] h = new double[144];
        d.hessian(point, h);
        for (int j : new int[] {1, 2, 3, 4, 6, 8, 9, 11}) {
            for (int i = 0; i < 12; i++) {
                assertPositiveZero(h[i * 12 + j]);
            }
        }
    }

    @Test
    void aSlotWithAnInfiniteLocalPartialKeepsItsUnusedLanesZero() {
        // u = x0 + x5 depends on lanes 0 and 5 of the chunk; sqrt'(0) = ∞ must not reach lanes 1..4
        List<String> names = List.of("x0", "x1", "x2", "x3", "x4", "x5");
        Derivatives d = DUAL.prepare(Formula.parse("sqrt(x0 + x5) + x2", names));
        double[] g = d.gradient(0, 0, 0, 0, 0, 0);
        assertThat(g).containsExactly(Double.POSITIVE_INFINITY, 0, 1, 0, 0, Double.POSITIVE_INFINITY);
    }
}
