package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Op;
import org.junit.jupiter.api.Test;

/** The Taylor table: first coefficients from Op, higher ones against closed forms. */
class TaylorTests {

    private static final double[] POINTS = {-0.9, -0.3, 0.2, 0.75};

    @Test
    void firstCoefficientIsTheDerivativeOfOpExactlyInsideTheDomain() {
        double[] c = new double[9];
        double[] scratch = new double[20];
        for (Op op : Op.values()) {
            if (op.arity() != 1) {
                continue;
            }
            for (double a : POINTS) {
                double v = op.apply(a);
                Taylor.coefficients(op, a, v, 8, c, scratch);
                assertThat(Double.valueOf(c[0])).as("%s value", op).isEqualTo(Double.valueOf(v));
                double expected = Double.isNaN(v) ? Double.NaN : op.derivative(a, v);
                assertThat(Double.valueOf(c[1])).as("%s derivative", op).isEqualTo(Double.valueOf(expected));
            }
        }
    }

    @Test
    void expCoefficientsAreValueOverFactorial() {
        double[] c = new double[13];
        Taylor.coefficients(Op.EXP, 0.4, Math.exp(0.4), 12, c, new double[30]);
        double factorial = 1;
        for (int k = 0; k <= 12; k++) {
            factorial *= Math.max(k, 1);
            assertThat(c[k]).isEqualTo(Math.exp(0.4) / factorial);
        }
    }

    @Test
    void logCoefficientsAlternate() {
        double[] c = new double[7];
        Taylor.coefficients(Op.LOG, 2, Math.log(2), 6, c, new double[20]);
        assertThat(c).containsExactly(Math.log(2), 0.5, -1 / 8.0, 1 / 24.0, -1 / 64.0, 1 / 160.0, -1 / 384.0);
    }

    @Test
    void piecewiseLinearFunctionsHaveNoCurvatureEvenAtTheKink() {
        double[] c = new double[5];
        for (Op op : new Op[] {Op.ABS, Op.RELU, Op.NEGATE}) {
            for (double a : new double[] {-1, 0, 1}) {
                Taylor.coefficients(op, a, op.apply(a), 4, c, new double[12]);
                assertThat(c[2]).isZero();
                assertThat(c[3]).isZero();
                assertThat(c[4]).isZero();
            }
        }
        Taylor.coefficients(Op.ABS, 0, 0, 4, c, new double[12]);
        assertThat(c).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void integerPowersEndInExactZerosAlsoAtZero() {
        double[] c = new double[7];
        Taylor.power(0, 3, 0, 6, c);
        assertThat(c).containsExactly(0, 0, 0, 1, 0, 0, 0);
        Taylor.power(-2, 3, -8, 6, c);
        assertThat(c).containsExactly(-8, 12, -6, 1, 0, 0, 0);
        Taylor.power(5, 0, 1, 6, c);
        assertThat(c).containsExactly(1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void zeroBaseWithPositiveExponentIsFlatInTheExponent() {
        double[] c = new double[5];
        Taylor.exponential(0, 2, 0, 4, c);
        assertThat(c).containsExactly(0, 0, 0, 0, 0);
        Taylor.exponential(2, 3, 8, 4, c);
        double l = Math.log(2);
        assertThat(c[2]).isEqualTo(8 * (l * l) / 2);
    }

    @Test
    void outsideTheDomainEveryHigherCoefficientIsNaN() {
        double[] c = new double[5];
        Taylor.coefficients(Op.SQRT, -1, Math.sqrt(-1), 4, c, new double[12]);
        assertThat(c[2]).isNaN();
        assertThat(c[4]).isNaN();
        Taylor.coefficients(Op.ASIN, 2, Math.asin(2), 4, c, new double[12]);
        assertThat(c[3]).isNaN();
    }
}
