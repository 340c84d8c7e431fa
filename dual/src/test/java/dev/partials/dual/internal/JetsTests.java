package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Op;
import org.junit.jupiter.api.Test;

/** Box-truncated multivariate Taylor arithmetic: storage order, products, quotients, masks. */
class JetsTests {

    @Test
    void positionsFollowTheDocumentedMixedRadixOrder() {
        Jets j = new Jets(new int[] {2, 1});
        assertThat(j.size).isEqualTo(6);
        assertThat(j.position(0, 0)).isEqualTo(0);
        assertThat(j.position(1, 0)).isEqualTo(1);
        assertThat(j.position(2, 0)).isEqualTo(2);
        assertThat(j.position(0, 1)).isEqualTo(3);
        assertThat(j.position(1, 1)).isEqualTo(4);
        assertThat(j.position(2, 1)).isEqualTo(5);
        assertThat(j.maxDegree(3L)).isEqualTo(3);
    }

    @Test
    void productOfPolynomialsIsTruncatedToTheBox() {
        // (1 + 2x + y)(3 - x + xy) = 3 + 5x + 3y - 2x² + (xy - xy) + 2x²y + (xy² outside the box)
        Jets j = new Jets(new int[] {2, 1});
        double[] a = {1, 2, 0, 1, 0, 0};
        double[] b = {3, -1, 0, 0, 1, 0};
        double[] out = new double[6];
        j.multiply(a, 3L, false, b, 3L, false, j.order, out);
        assertThat(out).containsExactly(3, 5, -2, 3, 0, 2);
    }

    @Test
    void quotientInvertsTheProduct() {
        Jets j = new Jets(new int[] {3, 2});
        double[] a = new double[j.size];
        double[] b = new double[j.size];
        for (int g = 0; g < j.size; g++) {
            a[g] = g % 5 - 2;
            b[g] = g == 0 ? 2 : (g % 3) * 0.5;
        }
        double[] q = new double[j.size];
        double[] back = new double[j.size];
        j.divide(a, 3L, b, 3L, q);
        j.multiply(q, 3L, false, b, 3L, false, j.order, back);
        for (int g = 0; g < j.size; g++) {
            assertThat(back[g]).isCloseTo(a[g], org.assertj.core.api.Assertions.within(8 * Math.ulp(4.0)));
        }
    }

    @Test
    void structuralZerosNeverMeetAnInfiniteCoefficient() {
        // log(y) at y = 0 has infinite coefficients in y; multiplied by a function of x only, the pure-x
        // coefficients of the product stay finite
        Jets j = new Jets(new int[] {1, 1});
        double[] x = new double[4];
        double[] y = new double[4];
        double[] logY = new double[4];
        double[] out = new double[4];
        j.variable(0, 3, x);
        j.variable(1, 0, y);
        j.unary(Op.LOG, y, 2L, Double.NEGATIVE_INFINITY, logY);
        assertThat(logY[2]).isEqualTo(Double.POSITIVE_INFINITY);
        j.binary(Op.ADD, x, 1L, logY, 2L, Double.NEGATIVE_INFINITY, out);
        assertThat(out[1]).isEqualTo(1.0); // ∂/∂x
        assertThat(out[3]).isEqualTo(0.0); // ∂²/∂x∂y
    }

    @Test
    void compositionOfExpMatchesTheExponentialSeries() {
        Jets j = new Jets(new int[] {6});
        double[] u = new double[7];
        double[] out = new double[7];
        j.variable(0, 0, u);
        j.unary(Op.EXP, u, 1L, 1.0, out);
        assertThat(out).containsExactly(1, 1, 1 / 2.0, 1 / 6.0, 1 / 24.0, 1 / 120.0, 1 / 720.0);
    }
}
