package dev.partials.numeric.internal;

import dev.partials.Op;

/**
 * Evaluates a {@link Tape} in complex arithmetic {@code a + ib} for the complex step: with the inputs
 * perturbed by {@code i·h·v}, {@code f(x + ihv) = f(x) + ih ∇f·v + O(h²)}, so
 * {@code Im f / h} is the directional derivative (J. R. R. A. Martins, P. Sturdza, J. J. Alonso,
 * "The complex-step derivative approximation", ACM TOMS 29 (2003) 245–262).
 *
 * <h2>The operations</h2>
 * With {@code |b| ≤ h·|∂|} and {@code h = 2^-664 ≈ 1.2e-200}, every term of order b² underflows
 * (or lies far below an ulp of the real part), so the complex value of an analytic operation is,
 * correctly rounded, its first-order expansion. The table below is therefore exact complex arithmetic
 * for this step:
 *
 * <table class="striped">
 * <caption>Complex operations</caption>
 * <thead><tr><th>operation</th><th>complex value used</th></tr></thead>
 * <tbody>
 * <tr><td>{@code z + w}, {@code z - w}, {@code -z}</td><td>exact complex addition, subtraction, negation</td></tr>
 * <tr><td>{@code z·w}</td><td>{@code (ac - bd) + i(ad + bc)} (bd underflows)</td></tr>
 * <tr><td>{@code z / w}</td><td>Smith's algorithm when {@code |d| ≤ |c|}; when the denominator is
 *     within the step of zero ({@code |c| < |d|}, in practice c = 0), its first-order limit
 *     {@code a/c + i(b - (a/c)d)/c}, which keeps the real value ±∞ as the real evaluation does</td></tr>
 * <tr><td>unary f: sin … softplus, abs, relu</td><td>{@code f(a) + i·b·f'(a)}, with f and f' from
 *     {@link Op#apply(double)} and {@link Op#derivative} (tanh' and sigmoid' in forms without
 *     cancellation, see {@link #derivative}): the Taylor expansion, exact here, avoids the
 *     cancellation of closed complex forms ({@code 1 + cos 2a} in tan near π/2) and their overflow
 *     ({@code cosh 2b})</td></tr>
 * <tr><td>{@code pow(z, w)}, {@code atan2}, {@code min}, {@code max}</td><td>{@code g(a, c) + i(b ∂₁g + d ∂₂g)}
 *     with {@link Op#partialLeft}/{@link Op#partialRight}; for pow the exponent's class decides
 *     (integer exponents use {@code n·a^(n-1)}, valid for a ≤ 0; the exponent's partial is 0 at a = 0
 *     for a positive exponent)</td></tr>
 * </tbody>
 * </table>
 *
 * <p><b>Non-analytic operations</b> follow the real-part conventions, identical to the other
 * providers: {@code abs(a+ib) = sign(a)(a+ib)} with sign(0) = 0, {@code relu} by the branch of a
 * ({@code a ≤ 0} gives 0), {@code min}/{@code max} by comparing real parts with ½ to each side at a
 * tie. <b>Structural zeros</b>: an operand that does not depend on the seeded variables has imaginary
 * part exactly 0 and contributes no term (never {@code 0·∞}), so {@code x + 0*log(y)} at y = 0 has
 * ∂/∂x = 1 although its value is NaN. <b>Domains</b>: where an operation with non-NaN operands has a
 * NaN real part (it left its domain: {@code log(-1)}, {@code asin(2)}, {@code 0·∞}), its imaginary
 * part is NaN too.
 *
 * <p><b>Underflow.</b> An imaginary part that underflows into the subnormal range (an intermediate
 * derivative below about {@code 2^-358 ≈ 1e-108}) loses digits; the evaluator reports it and the
 * caller repeats the pass with the larger step {@link #RETRY_STEP}.
 */
final class ComplexEvaluator {

    /** The step h = 2^-664 ≈ 1.17e-200: a power of two, so that Im f / h is exact. */
    static final double STEP = 0x1p-664;

    /** The step of a repeated pass after underflow, 2^-350 ≈ 4.4e-106: h² is still far below every ulp. */
    static final double RETRY_STEP = 0x1p-350;

    private static final Op[] OPS = Op.values();

    private ComplexEvaluator() {
    }

    /**
     * Executes the listed slots (those flagged in {@code mark}, in program order) in complex
     * arithmetic. An operand flagged in {@code mark} is read from {@code re}/{@code im} (the seeded
     * inputs must be there); any other from {@code base} with imaginary part 0.
     *
     * @return whether an imaginary part underflowed (the pass should be repeated with a larger step)
     */
    static boolean run(Tape tape, int[] list, int count, boolean[] mark, double[] base, double[] re, double[] im) {
        boolean underflow = false;
        for (int i = 0; i < count; i++) {
            int s = list[i];
            Op op = tape.op(s);
            int n = tape.operandCount(s);
            int o0 = tape.operand(s, 0);
            boolean la = mark[o0];
            double a = la ? re[o0] : base[o0];
            double b = la ? im[o0] : 0.0;
            boolean nanIn = Double.isNaN(a);
            double x;
            double y;
            if (op == Op.ADD) {
                x = a;
                y = b;
                for (int k = 1; k < n; k++) {
                    int o = tape.operand(s, k);
                    if (mark[o]) {
                        x += re[o];
                        y += im[o];
                    } else {
                        x += base[o];
                    }
                }
                nanIn = true; // a sum leaves no domain: a NaN comes from a term (or ∞ - ∞)
            } else if (n == 1) {
                if (op == Op.NEGATE) {
                    x = -a;
                    y = -b;
                } else {
                    x = op.apply(a);
                    double d = derivative(op, a, x);
                    y = b * d;
                    underflow |= underflowed(y, b, d);
                }
            } else {
                int o1 = tape.operand(s, 1);
                boolean ra = mark[o1];
                double c = ra ? re[o1] : base[o1];
                double d = ra ? im[o1] : 0.0;
                nanIn |= Double.isNaN(c);
                switch (op) {
                    case SUBTRACT -> {
                        x = a - c;
                        y = (la ? b : 0.0) - (ra ? d : 0.0);
                    }
                    case MULTIPLY -> {
                        x = la && ra ? a * c - b * d : a * c;
                        double bc = la ? b * c : 0.0;
                        double ad = ra ? a * d : 0.0;
                        underflow |= la && underflowed(bc, b, c);
                        underflow |= ra && underflowed(ad, a, d);
                        y = bc + ad;
                    }
                    case DIVIDE -> {
                        if (!ra) {
                            x = a / c;
                            y = b / c;
                            underflow |= underflowed(y, b, 1 / c);
                        } else if (Math.abs(d) <= Math.abs(c)) {
                            // Smith (1962): no overflow in c² + d².
                            double q = d / c;
                            double den = c + d * q;
                            x = (la ? a + b * q : a) / den;
                            y = ((la ? b : 0.0) - a * q) / den;
                            underflow |= underflowed(y, (la ? b : 0.0) - a * q, 1 / den);
                        } else {
                            x = a / c;
                            y = ((la ? b : 0.0) - x * d) / c;
                        }
                    }
                    default -> {
                        x = op.apply(a, c);
                        y = 0.0;
                        if (la) {
                            double p = op.partialLeft(a, c, x);
                            double t = b * p;
                            underflow |= underflowed(t, b, p);
                            y += t;
                        }
                        if (ra) {
                            double p = op.partialRight(a, c, x);
                            double t = d * p;
                            underflow |= underflowed(t, d, p);
                            y += t;
                        }
                    }
                }
            }
            re[s] = x;
            im[s] = Double.isNaN(x) && !nanIn ? Double.NaN : y;
        }
        return underflow;
    }

    /**
     * f'(a) from {@link Op#derivative}, except where its form loses relative accuracy:
     * {@code tanh' = 1 - tanh²} and {@code sigmoid' = s(1 - s)} cancel for large |a| (at a = 9,
     * {@code 1 - tanh²} keeps 8 of 16 digits). This table uses {@code 1/cosh²(a)} and
     * {@code s(a)·s(-a)}, correct to a few ulps everywhere.
     */
    static double derivative(Op op, double a, double value) {
        return switch (op) {
            case TANH -> {
                double c = Math.cosh(a);
                yield 1.0 / (c * c);
            }
            case SIGMOID -> Op.sigmoid(a) * Op.sigmoid(-a);
            default -> op.derivative(a, value);
        };
    }

    /** Whether {@code product = u·v} lost digits to underflow. */
    private static boolean underflowed(double product, double u, double v) {
        if (product != 0) {
            return Math.abs(product) < Double.MIN_NORMAL;
        }
        return u != 0 && v != 0 && !Double.isNaN(u * v);
    }
}
