package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Higher-order and mixed partials against closed forms, exact integer polynomial recurrences and
 * exact dyadic arithmetic, up to the declared maximum order.
 */
class HigherOrderTests {

    private static final PartialDerivative DUAL = PartialDerivative.of("dual");
    private static final int MAX = DUAL.capabilities().maxOrder();

    private static double derivative(String formula, double x, int k) {
        return DUAL.prepare(Formula.parse(formula, "x")).partial(MultiIndex.of(k), x);
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    /** sin^(k)(x) = sin(x + kπ/2), as the exact cycle sin, cos, −sin, −cos. */
    private static double sinDerivative(double x, int k) {
        return switch (k & 3) {
            case 0 -> Math.sin(x);
            case 1 -> Math.cos(x);
            case 2 -> -Math.sin(x);
            default -> -Math.cos(x);
        };
    }

    @Test
    void declaresAtLeastOrderEight() {
        assertThat(MAX).isGreaterThanOrEqualTo(8);
    }

    @Test
    void derivativesOfExpTwoXArePowersOfTwoTimesExp() {
        for (int k = 1; k <= MAX; k++) {
            Close.ulps(derivative("exp(2*x)", 0.3, k), Math.pow(2, k) * Math.exp(2 * 0.3), 4);
        }
    }

    @Test
    void derivativesOfSinCycle() {
        for (double x : new double[] {-2.1, 0.7}) {
            for (int k = 1; k <= MAX; k++) {
                Close.ulps(derivative("sin(x)", x, k), sinDerivative(x, k), 4);
                Close.ulps(derivative("cos(x)", x, k), sinDerivative(x, k + 1), 4);
            }
        }
    }

    @Test
    void derivativesOfLogAreSignedFactorialsOverPowers() {
        for (double x : new double[] {0.8, 3.0}) {
            for (int k = 1; k <= MAX; k++) {
                double expected = ((k & 1) == 1 ? 1 : -1) * factorial(k - 1) / Math.pow(x, k);
                Close.ulps(derivative("log(x)", x, k), expected, 8);
            }
        }
    }

    @Test
    void derivativesOfPowersAreFallingFactorials() {
        // x^r: r(r-1)…(r-k+1) x^(r-k); an integer exponent works for a negative base and ends in zeros
        Object[][] cases = {{"x^2.5", 1.3, 2.5}, {"sqrt(x)", 0.6, 0.5}, {"x^-3", -1.5, -3.0}, {"x^7", -1.5, 7.0}};
        for (Object[] c : cases) {
            double x = (double) c[1];
            double r = (double) c[2];
            for (int k = 1; k <= MAX; k++) {
                double falling = 1;
                for (int i = 0; i < k; i++) {
                    falling *= r - i;
                }
                double expected = falling == 0 ? 0 : falling * Math.pow(x, r - k);
                double actual = derivative((String) c[0], x, k);
                if (expected == 0) {
                    assertThat(actual).as("%s, order %d", c[0], k).isEqualTo(0.0);
                } else {
                    Close.ulps(actual, expected, 8);
                }
            }
        }
    }

    @Test
    void derivativesOfAtanFollowTheSineFormula() {
        // d^k atan(x) = (-1)^(k-1) (k-1)! sin(k·acot x) / (1 + x²)^(k/2); |sin| ≤ 1, so the tolerance is
        // relative to the envelope (k-1)!/(1 + x²)^(k/2), the magnitude the closed form is accurate to
        for (double x : new double[] {0.6, 2.5}) {
            for (int k = 1; k <= MAX; k++) {
                double envelope = factorial(k - 1) / Math.pow(1 + x * x, k / 2.0);
                double expected = ((k & 1) == 1 ? 1 : -1) * envelope * Math.sin(k * Math.atan(1 / x));
                Close.scaled(derivative("atan(x)", x, k), expected, envelope, 8 * k);
            }
        }
    }

    @Test
    void derivativesOfTanhFollowTheExactPolynomialRecurrence() {
        // tanh^(k) = P_k(tanh), P_0 = t, P_{k+1} = P_k'·(1 - t²): integer coefficients
        checkPolynomialRecurrence("tanh(x)", 0, Math::tanh, new BigInteger[] {BigInteger.ONE, BigInteger.ZERO,
                BigInteger.ONE.negate()});
    }

    @Test
    void derivativesOfSigmoidFollowTheExactPolynomialRecurrence() {
        // σ^(k) = P_k(σ), P_0 = s, P_{k+1} = P_k'·(s - s²)
        checkPolynomialRecurrence("sigmoid(x)", 0, x -> 1 / (1 + Math.exp(-x)), new BigInteger[] {BigInteger.ZERO,
                BigInteger.ONE, BigInteger.ONE.negate()});
    }

    /**
     * Checks d^(k+shift) formula = P_k(f) with P_{k+1} = P_k'·factor; P_k is evaluated exactly
     * (BigDecimal) at the double f(x), and the tolerance is relative to Σ|c_i f^i|, the magnitude of
     * the sum.
     */
    private static void checkPolynomialRecurrence(String formula, int shift, java.util.function.DoubleUnaryOperator f,
                                                  BigInteger[] factor) {
        for (double x : new double[] {0.0, 0.5, -1.2}) {
            double t = f.applyAsDouble(x);
            BigDecimal tb = new BigDecimal(t);
            BigInteger[] p = {BigInteger.ZERO, BigInteger.ONE};
            for (int k = 1; k + shift <= MAX; k++) {
                BigInteger[] dp = new BigInteger[Math.max(1, p.length - 1)];
                Arrays.fill(dp, BigInteger.ZERO);
                for (int i = 1; i < p.length; i++) {
                    dp[i - 1] = p[i].multiply(BigInteger.valueOf(i));
                }
                BigInteger[] next = new BigInteger[dp.length + factor.length - 1];
                Arrays.fill(next, BigInteger.ZERO);
                for (int i = 0; i < dp.length; i++) {
                    for (int j = 0; j < factor.length; j++) {
                        next[i + j] = next[i + j].add(dp[i].multiply(factor[j]));
                    }
                }
                p = next;
                BigDecimal value = BigDecimal.ZERO;
                BigDecimal scale = BigDecimal.ZERO;
                BigDecimal power = BigDecimal.ONE;
                for (BigInteger c : p) {
                    BigDecimal term = new BigDecimal(c).multiply(power);
                    value = value.add(term);
                    scale = scale.add(term.abs());
                    power = power.multiply(tb, MathContext.DECIMAL128);
                }
                Close.scaled(derivative(formula, x, k + shift), value.doubleValue(), scale.doubleValue(), 16 * k);
            }
        }
    }

    @Test
    void derivativesOfTanMatchSinOverCos() {
        Derivatives tan = DUAL.prepare(Formula.parse("tan(x)"));
        Derivatives quotient = DUAL.prepare(Formula.parse("sin(x)/cos(x)"));
        for (int k = 1; k <= MAX; k++) {
            double q = quotient.partial(MultiIndex.of(k), 0.4);
            Close.ulps(tan.partial(MultiIndex.of(k), 0.4), q, 64);
        }
    }

    @Test
    void derivativesOfSinhAndCoshMatchExponentials() {
        for (int k = 1; k <= MAX; k++) {
            double ep = Math.exp(0.9);
            double em = ((k & 1) == 0 ? 1 : -1) * Math.exp(-0.9);
            Close.scaled(derivative("sinh(x)", 0.9, k), (ep - em) / 2, (ep + Math.abs(em)) / 2, 8);
            Close.scaled(derivative("cosh(x)", 0.9, k), (ep + em) / 2, (ep + Math.abs(em)) / 2, 8);
        }
    }

    @Test
    void derivativesOfSoftplusAreThoseOfSigmoidShiftedByOne() {
        checkPolynomialRecurrence("softplus(x)", 1, x -> 1 / (1 + Math.exp(-x)), new BigInteger[] {BigInteger.ZERO,
                BigInteger.ONE, BigInteger.ONE.negate()});
    }

    @Test
    void derivativesOfAsinAndAcosFollowThePositiveRecurrence() {
        // asin' = g = (1 - x²)^(-1/2) satisfies (1 - x²) g^(n+1) = (2n+1) x g^(n) + n² g^(n-1): for x > 0
        // every term is positive, so the recurrence in double is accurate to a few ulps per step
        for (double x : new double[] {0.35, 0.8}) {
            double previous = 1 / Math.sqrt(1 - x * x);
            double current = x / ((1 - x * x) * Math.sqrt(1 - x * x));
            double[] g = new double[MAX + 1];
            g[0] = previous;
            g[1] = current;
            for (int k = 1; k < MAX; k++) {
                g[k + 1] = ((2 * k + 1) * x * g[k] + (double) k * k * g[k - 1]) / (1 - x * x);
            }
            for (int k = 1; k <= MAX; k++) {
                Close.ulps(derivative("asin(x)", x, k), g[k - 1], 8 * k);
                Close.ulps(derivative("acos(x)", x, k), -g[k - 1], 8 * k);
            }
        }
    }

    @Test
    void derivativesOfAtan2OnBothBranchesFollowTheAtanFormula() {
        // atan2(x, 2) = atan(x/2) and atan2(2, x) = π/2 − atan(x/2) for x > 0 (the two branches of the
        // quotient): ±(1/2)^k atan^(k)(x/2)
        double x = 0.7;
        double u = x / 2;
        for (int k = 1; k <= MAX; k++) {
            double envelope = factorial(k - 1) / Math.pow(1 + u * u, k / 2.0) / Math.pow(2, k);
            double expected = ((k & 1) == 1 ? 1 : -1) * envelope * Math.sin(k * Math.atan(1 / u));
            Close.scaled(derivative("atan2(x, 2)", x, k), expected, envelope, 8 * k);
            Close.scaled(derivative("atan2(2, x)", x, k), -expected, envelope, 8 * k);
        }
    }

    @Test
    void mixedPartialsOfAPolynomialAreExactAtDyadicPoints() {
        // f = x^3 y^2 + 2 x y^4 - x^2 y + 5 at (3/2, -1/2): every partial is an exact dyadic rational
        Derivatives d = DUAL.prepare(Formula.parse("x^3*y^2 + 2*x*y^4 - x^2*y + 5"));
        double x = 1.5;
        double y = -0.5;
        assertThat(d.partial(MultiIndex.of(1, 0), x, y)).isEqualTo(3 * x * x * y * y + 2 * Math.pow(y, 4) - 2 * x * y);
        assertThat(d.partial(MultiIndex.of(0, 1), x, y)).isEqualTo(2 * x * x * x * y + 8 * x * y * y * y - x * x);
        assertThat(d.partial(MultiIndex.of(2, 1), x, y)).isEqualTo(12 * x * y - 2);
        assertThat(d.partial(MultiIndex.of(1, 3), x, y)).isEqualTo(48 * y);
        assertThat(d.partial(MultiIndex.of(2, 2), x, y)).isEqualTo(12 * x);
        assertThat(d.partial(MultiIndex.of(3, 2), x, y)).isEqualTo(12.0);
        assertThat(d.partial(MultiIndex.of(0, 4), x, y)).isEqualTo(48 * x);
        assertThat(d.partial(MultiIndex.of(4, 0), x, y)).isEqualTo(0.0);
        assertThat(d.partial(MultiIndex.of(3, 3), x, y)).isEqualTo(0.0);
        assertThat(d.partial(MultiIndex.of(1, 4), x, y)).isEqualTo(48.0);
    }

    @Test
    void everyPartialOfALinearFormToTheFifthIsExact() {
        // f = (x + 2y - z)^5: ∂^(a,b,c) f = 5!/(5-k)! s^(5-k) 2^b (-1)^c, k = a+b+c, s = x + 2y - z
        Derivatives d = DUAL.prepare(Formula.parse("(x + 2*y - z)^5", "x", "y", "z"));
        double[] point = {0.75, -1.25, 0.5};
        double s = point[0] + 2 * point[1] - point[2];
        for (int a = 0; a <= 6; a++) {
            for (int b = 0; a + b <= 6; b++) {
                for (int c = 0; a + b + c <= 6; c++) {
                    int k = a + b + c;
                    double expected = k > 5 ? 0 : factorial(5) / factorial(5 - k) * Math.pow(s, 5 - k)
                            * Math.pow(2, b) * ((c & 1) == 0 ? 1 : -1);
                    assertThat(d.partial(MultiIndex.of(a, b, c), point)).as("(%d, %d, %d)", a, b, c)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void mixedPartialsOfExpOfASumOfEightVariablesAreExpOfTheSum() {
        List<String> vars = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            vars.add("x" + i);
        }
        Derivatives d = DUAL.prepare(Formula.parse("exp(" + String.join(" + ", vars) + ")", vars));
        double[] point = {0.1, -0.2, 0.3, 0.05, -0.15, 0.25, 0.0, 0.125};
        double sum = 0;
        for (double p : point) {
            sum += p;
        }
        double expected = Math.exp(sum);
        Close.ulps(d.partial(MultiIndex.of(1, 1, 1, 1, 1, 1, 1, 1), point), expected, 16);
        Close.ulps(d.partial(MultiIndex.of(2, 1, 0, 3, 0, 1, 0, 1), point), expected, 16);
        Close.ulps(d.partial(MultiIndex.of(0, 0, 0, 0, 0, 0, MAX, 0), point), expected, 16);
    }

    @Test
    void mixedPartialsOfSinOfALinearFormScaleByTheCoefficients() {
        // ∂^(a,b,c) sin(x + 2y + 3z) = 2^b 3^c sin^(a+b+c)(x + 2y + 3z)
        Derivatives d = DUAL.prepare(Formula.parse("sin(x + 2*y + 3*z)", "x", "y", "z"));
        double[] point = {0.25, -0.5, 0.125};
        double u = point[0] + 2 * point[1] + 3 * point[2];
        int[][] indices = {{1, 1, 1}, {2, 0, 3}, {3, 3, 2}, {0, 4, 0}, {5, 1, 2}};
        for (int[] i : indices) {
            int k = i[0] + i[1] + i[2];
            double scale = Math.pow(2, i[1]) * Math.pow(3, i[2]);
            Close.scaled(d.partial(MultiIndex.of(i), point), scale * sinDerivative(u, k), scale, 16);
        }
    }

    @Test
    void mixedPartialsOfAReciprocalAreFactorialsOverPowers() {
        // ∂^(a,b) 1/(1 - x - y) = (a+b)! / (1 - x - y)^(a+b+1): exercises the division recurrence
        Derivatives d = DUAL.prepare(Formula.parse("1/(1 - x - y)"));
        double x = 0.25;
        double y = 0.125;
        for (int a = 0; a <= MAX; a++) {
            for (int b = 0; a + b <= MAX; b++) {
                double expected = factorial(a + b) / Math.pow(1 - x - y, a + b + 1);
                Close.ulps(d.partial(MultiIndex.of(a, b), x, y), expected, 8);
            }
        }
    }

    @Test
    void mixedPartialsOfAGeneralPowerMatchTheirClosedForms() {
        Derivatives d = DUAL.prepare(Formula.parse("x^y"));
        double x = 1.7;
        double y = 2.3;
        double l = Math.log(x);
        double v = Math.pow(x, y);
        Close.ulps(d.partial(MultiIndex.of(1, 1), x, y), Math.pow(x, y - 1) * (1 + y * l), 8);
        Close.ulps(d.partial(MultiIndex.of(2, 1), x, y),
                (2 * y - 1) * Math.pow(x, y - 2) + y * (y - 1) * Math.pow(x, y - 2) * l, 16);
        for (int k = 1; k <= MAX; k++) {
            Close.ulps(d.partial(MultiIndex.of(0, k), x, y), v * Math.pow(l, k), 8 * k);
        }
    }

    @Test
    void pureBaseDerivativesOfAVariablePowerStayFiniteForANegativeBase() {
        // x^y at (-2, 3): ∂²/∂x² = y(y-1)x^(y-2) = -12 and ∂³/∂x³ = 6 exist; partials in y are NaN
        Derivatives d = DUAL.prepare(Formula.parse("x^y"));
        assertThat(d.partial(MultiIndex.of(2, 0), -2, 3)).isEqualTo(-12.0);
        assertThat(d.partial(MultiIndex.of(3, 0), -2, 3)).isEqualTo(6.0);
        assertThat(d.partial(MultiIndex.of(1, 1), -2, 3)).isNaN();
    }

    @Test
    void higherPartialsWithRespectToAnAbsentVariableAreExactlyZero() {
        Derivatives d = DUAL.prepare(Formula.parse("x^3 + 0*log(y) + sqrt(z)", "x", "y", "z", "w"));
        double[] point = {1.5, 0, 0, 2};
        assertThat(d.partial(MultiIndex.of(3, 0, 0, 0), point)).isEqualTo(6.0);
        assertThat(d.partial(MultiIndex.of(2, 0, 0, 1), point)).isEqualTo(0.0);
        assertThat(d.partial(MultiIndex.of(0, 0, 0, 2), point)).isEqualTo(0.0);
        assertThat(d.partial(MultiIndex.of(2, 0, 0, 0), point)).isEqualTo(9.0);
    }
}
