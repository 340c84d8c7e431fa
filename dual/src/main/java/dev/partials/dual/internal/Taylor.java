package dev.partials.dual.internal;

import dev.partials.Op;

/**
 * The table of Taylor coefficients of the elementary functions: for an operation f at a point a,
 * {@code c[k] = f^(k)(a) / k!}, k = 0 … K. This is the only place higher-order derivative rules live;
 * {@link Jets} composes them into multivariate series and the Hessian pass reads {@code c[2]}.
 *
 * <p>{@code c[0]} is the value and {@code c[1]} is always {@link Op#derivative} (through
 * {@link Rules#derivative}, or
 * {@link Op#partialLeft}/{@link Op#partialRight} for powers), so the first-order rules and their
 * conventions exist once, in {@link Op}. Higher coefficients use closed forms where they are exact
 * patterns (exp, sin, cos, sinh, cosh, log, powers, sqrt) and otherwise the classical recurrences for
 * a function that satisfies a first-order ODE, propagated along the identity series u = a + t
 * (Griewank and Walther, <i>Evaluating Derivatives</i>, 2nd ed., SIAM 2008, §13.2, Table 13.2):
 * tan' = 1 + tan², tanh' = 1 − tanh², σ' = σ·σ(−·), softplus' = σ, atan' = 1/(1 + u²),
 * asin' = −acos' = (1 − u²)^(−1/2).
 *
 * <p>Conventions beyond first order: the kinks ({@code abs}, {@code relu}) are piecewise linear, so
 * every coefficient from {@code c[2]} on is 0, also at the kink (where {@code c[1]} is 0 by
 * {@link Op}'s convention: the series of the branch average for abs, of the constant branch for
 * relu). Outside a function's domain (NaN value) every coefficient from {@code c[2]} on is NaN.
 */
final class Taylor {

    /** k! for k = 0 … 170 (beyond, ∞). Exact up to 22!, then correctly rounded products. */
    private static final double[] FACTORIAL = new double[171];

    static {
        FACTORIAL[0] = 1;
        for (int k = 1; k < FACTORIAL.length; k++) {
            FACTORIAL[k] = FACTORIAL[k - 1] * k;
        }
    }

    private Taylor() {
    }

    /** k!, or +∞ beyond 170. */
    static double factorial(int k) {
        return k < FACTORIAL.length ? FACTORIAL[k] : Double.POSITIVE_INFINITY;
    }

    /**
     * Whether every coefficient from {@code c[2]} on is structurally 0 for this unary operation
     * (a piecewise-linear function).
     */
    static boolean isLinear(Op op) {
        return op == Op.NEGATE || op == Op.ABS || op == Op.RELU;
    }

    /**
     * Writes {@code c[k] = f^(k)(a)/k!} for k = 0 … K of the unary operation {@code op} at {@code a},
     * whose value there is {@code value}.
     *
     * @param scratch at least {@code 2K + 2} entries, overwritten
     */
    static void coefficients(Op op, double a, double value, int order, double[] c, double[] scratch) {
        c[0] = value;
        if (order == 0) {
            return;
        }
        c[1] = Rules.derivative(op, a, value);
        if (order == 1) {
            return;
        }
        if (Double.isNaN(value) && !Double.isNaN(a)) {
            // outside the domain: NaN value and NaN partials
            for (int k = 2; k <= order; k++) {
                c[k] = Double.NaN;
            }
            return;
        }
        switch (op) {
            case NEGATE, ABS, RELU -> {
                for (int k = 2; k <= order; k++) {
                    c[k] = 0.0;
                }
            }
            case EXP -> {
                for (int k = 2; k <= order; k++) {
                    c[k] = value / factorial(k);
                }
            }
            case SIN, COS -> {
                // sin^(k)(a) = sin(a + kπ/2), cos^(k)(a) = cos(a + kπ/2): a cycle of ±sin, ±cos
                double s = op == Op.SIN ? value : Math.sin(a);
                double co = op == Op.SIN ? Math.cos(a) : value;
                int shift = op == Op.SIN ? 0 : 1;
                for (int k = 2; k <= order; k++) {
                    double d = switch ((k + shift) & 3) {
                        case 0 -> s;
                        case 1 -> co;
                        case 2 -> -s;
                        default -> -co;
                    };
                    c[k] = d / factorial(k);
                }
            }
            case SINH, COSH -> {
                double sh = op == Op.SINH ? value : Math.sinh(a);
                double ch = op == Op.COSH ? value : Math.cosh(a);
                for (int k = 2; k <= order; k++) {
                    boolean even = (k & 1) == 0;
                    double d = op == Op.SINH ? (even ? sh : ch) : (even ? ch : sh);
                    c[k] = d / factorial(k);
                }
            }
            case LOG -> {
                // log^(k)(a) / k! = (-1)^(k-1) / (k a^k)
                for (int k = 2; k <= order; k++) {
                    double d = 1.0 / (k * Math.pow(a, k));
                    c[k] = (k & 1) == 0 ? -d : d;
                }
            }
            case SQRT -> powerTail(a, 0.5, order, c);
            case TAN, TANH -> {
                // v' = 1 ± v²: with w = 1 ± v², v_k = w_{k-1} / k and w_k = ± Σ v_i v_{k-i}
                double sign = op == Op.TAN ? 1.0 : -1.0;
                double[] w = scratch;
                w[0] = c[1];
                for (int k = 2; k <= order; k++) {
                    int j = k - 1;
                    double sum = 0;
                    for (int i = 0; i <= j; i++) {
                        sum += c[i] * c[j - i];
                    }
                    w[j] = sign * sum;
                    c[k] = w[j] / k;
                }
            }
            case SIGMOID -> sigmoid(a, value, order, c);
            case SOFTPLUS -> {
                // softplus' = σ: c_k = σ_{k-1} / k
                double[] sig = scratch;
                sigmoid(a, c[1], order - 1, sig);
                for (int k = 2; k <= order; k++) {
                    c[k] = sig[k - 1] / k;
                }
            }
            case ATAN -> {
                // atan' = 1/w, w = (1 + a²) + 2a t + t²: r = 1/w by division, c_k = r_{k-1} / k
                double w0 = 1.0 + a * a;
                double[] r = scratch;
                r[0] = c[1];
                for (int k = 1; k < order; k++) {
                    double s = 2.0 * a * r[k - 1] + (k >= 2 ? r[k - 2] : 0.0);
                    r[k] = -s / w0;
                }
                for (int k = 2; k <= order; k++) {
                    c[k] = r[k - 1] / k;
                }
            }
            case ASIN, ACOS -> {
                // asin' = w^(-1/2), w = (1 - a²) - 2a t - t²: power recurrence, c_k = q_{k-1} / k
                double w0 = (1.0 - a) * (1.0 + a);
                double w1 = -2.0 * a;
                double[] q = scratch;
                q[0] = Math.pow(w0, -0.5);
                double rr = -0.5;
                for (int k = 1; k < order; k++) {
                    double s = (rr * 1 - (k - 1)) * w1 * q[k - 1];
                    if (k >= 2) {
                        s += (rr * 2 - (k - 2)) * -1.0 * q[k - 2];
                    }
                    q[k] = s / (k * w0);
                }
                double sign = op == Op.ASIN ? 1.0 : -1.0;
                for (int k = 2; k <= order; k++) {
                    c[k] = sign * q[k - 1] / k;
                }
            }
            default -> throw new IllegalStateException("no Taylor rule for unary " + op);
        }
    }

    /**
     * σ(a + t) by σ' = σ·(1 − σ), with 1 − σ(u) = σ(−u) so that the factor keeps its precision for
     * large a: with w = σ·σ(−·), v_k = w_{k-1}/k and w_k = Σ v_i m_{k-i}, m_0 = σ(−a), m_i = −v_i.
     * {@code c[0..1]} must hold the value and the first derivative.
     */
    private static void sigmoid(double a, double value, int order, double[] c) {
        c[0] = value;
        if (order == 0) {
            return;
        }
        c[1] = Op.SIGMOID.derivative(a, value);
        double m0 = Op.sigmoid(-a);
        for (int k = 2; k <= order; k++) {
            int j = k - 1;
            double sum = c[0] * (j == 0 ? m0 : -c[j]);
            for (int i = 1; i <= j; i++) {
                sum += c[i] * (j - i == 0 ? m0 : -c[j - i]);
            }
            c[k] = sum / k;
        }
    }

    /**
     * The coefficients of {@code x^r} at {@code a} for a constant exponent r:
     * {@code c[k] = binom(r, k) · a^(r-k)}, with {@code c[1]} from {@link Op#partialLeft}. An integer
     * exponent r ≥ 0 has exactly {@code c[k] = 0} for k &gt; r (so {@code x^2} at 0 has second
     * derivative 2 and third 0), and works for a negative base.
     */
    static void power(double a, double r, double value, int order, double[] c) {
        c[0] = value;
        if (order == 0) {
            return;
        }
        c[1] = Op.POWER.partialLeft(a, r, value);
        powerTail(a, r, order, c);
    }

    /** {@code c[k] = binom(r, k) · a^(r-k)} for k = 2 … K; exactly 0 where the binomial is 0. */
    private static void powerTail(double a, double r, int order, double[] c) {
        double binomial = r;
        for (int k = 2; k <= order; k++) {
            binomial = binomial * (r - (k - 1)) / k;
            c[k] = powerCoefficient(a, r, binomial, k);
        }
    }

    /** {@code binomial · a^(r-k)}, exactly 0 where the binomial is 0: one coefficient of {@link #powerTail}. */
    private static double powerCoefficient(double a, double r, double binomial, int k) {
        double e = r - k;
        // x^2 (the commonest power) needs a^0 and x^3 needs a^1: exact, and no call to Math.pow
        double power = e == 0.0 ? 1.0 : e == 1.0 ? a : Math.pow(a, e);
        return binomial == 0.0 ? 0.0 : binomial * power;
    }

    /** {@code c[2]} of {@link #power} (the same arithmetic), without the array: for Hessians. */
    static double powerSecond(double a, double r) {
        return powerCoefficient(a, r, r * (r - (2 - 1)) / 2, 2);
    }

    /**
     * The coefficients of {@code b^y} at {@code y} for a constant base b:
     * {@code c[k] = b^y (log b)^k / k!}, with {@code c[1]} from {@link Op#partialRight}. At b = 0 and
     * y &gt; 0 the function is 0 near y, so every coefficient is 0 (the convention of {@link Op}).
     */
    static void exponential(double b, double y, double value, int order, double[] c) {
        c[0] = value;
        if (order == 0) {
            return;
        }
        c[1] = Op.POWER.partialRight(b, y, value);
        double log = Math.log(b);
        double lp = log;
        for (int k = 2; k <= order; k++) {
            lp *= log;
            c[k] = b == 0.0 && y > 0.0 ? 0.0 : value * lp / factorial(k);
        }
    }
}
