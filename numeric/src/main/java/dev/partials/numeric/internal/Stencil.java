package dev.partials.numeric.internal;

import dev.partials.Rational;
import dev.partials.numeric.FiniteDifference.Method;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A one-dimensional finite-difference stencil: integer offsets {@code s_i} and weights {@code w_i}
 * with {@code f^(k)(x) ≈ Σ w_i f(x + s_i h) / h^k}.
 *
 * <p>Weights are computed exactly, in rational arithmetic, by Fornberg's recursion (B. Fornberg,
 * "Generation of finite difference formulas on arbitrarily spaced grids", Math. Comp. 51 (1988),
 * 699–706), then rounded once to {@code double}. Offsets with a zero weight (the centre of a central
 * first-derivative stencil) are dropped.
 *
 * <p>The stencil also knows its error model: its truncation order {@code p} (the first moment
 * {@code Σ w_i s_i^m}, {@code m > k}, that does not vanish is {@code m = k + p}), the coefficient
 * {@code C = Σ w_i s_i^(k+p) / (k+p)!} of the leading truncation term {@code C h^p f^(k+p)}, the step
 * {@code q} between successive powers of h in the error expansion (2 for symmetric stencils, whose odd
 * moments vanish; 1 otherwise), and the rounding amplification {@code Σ |w_i|}.
 *
 * @param method     central, forward or backward
 * @param order      the derivative order k
 * @param accuracy   the truncation order p
 * @param offsets    offsets with a non-zero weight, ascending
 * @param weights    their weights, correctly rounded
 * @param exact      the exact weights, for tests and documentation
 * @param truncation the leading truncation coefficient C
 * @param errorStep  q: 2 for symmetric stencils, 1 otherwise
 * @param absSum     Σ |w_i|
 */
record Stencil(Method method, int order, int accuracy, int[] offsets, double[] weights, Rational[] exact,
               double truncation, int errorStep, double absSum) {

    /** The highest accuracy order offered; 8 is where the weights of higher orders stop paying off in double. */
    static final int MAX_ACCURACY = 8;

    /**
     * The stencil of derivative order {@code order} and truncation order {@code accuracy}.
     *
     * <ul>
     * <li>Central: the {@code 2⌊(k+1)/2⌋ - 1 + p} points {@code -r … r} (p even).</li>
     * <li>Forward: the {@code k + p} points {@code 0 … k+p-1}; backward: their mirror image.</li>
     * </ul>
     */
    static Stencil of(Method method, int order, int accuracy) {
        if (order < 1) {
            throw new IllegalArgumentException("derivative order must be at least 1, got " + order);
        }
        if (accuracy < 1 || accuracy > MAX_ACCURACY || (method == Method.CENTRAL && accuracy % 2 != 0)) {
            throw new IllegalArgumentException("accuracy order " + accuracy + " is not offered for " + method);
        }
        int[] nodes;
        switch (method) {
            case CENTRAL -> {
                int r = (order + 1) / 2 - 1 + accuracy / 2;
                nodes = new int[2 * r + 1];
                for (int i = 0; i < nodes.length; i++) {
                    nodes[i] = i - r;
                }
            }
            case FORWARD -> {
                nodes = new int[order + accuracy];
                for (int i = 0; i < nodes.length; i++) {
                    nodes[i] = i;
                }
            }
            case BACKWARD -> {
                nodes = new int[order + accuracy];
                for (int i = 0; i < nodes.length; i++) {
                    nodes[i] = i - (nodes.length - 1);
                }
            }
            default -> throw new AssertionError(method);
        }
        Rational[] all = fornberg(order, nodes);
        int kept = 0;
        for (Rational w : all) {
            kept += w.signum() != 0 ? 1 : 0;
        }
        int[] offsets = new int[kept];
        Rational[] exact = new Rational[kept];
        double[] weights = new double[kept];
        double absSum = 0;
        for (int i = 0, k = 0; i < nodes.length; i++) {
            if (all[i].signum() != 0) {
                offsets[k] = nodes[i];
                exact[k] = all[i];
                weights[k] = all[i].doubleValue();
                absSum += Math.abs(weights[k]);
                k++;
            }
        }
        // Truncation order from the moments: Σ w s^m = k! δ_mk for m < k + p, and ≠ 0 at m = k + p.
        int m = order + 1;
        while (moment(exact, offsets, m).signum() == 0) {
            m++;
        }
        if (m - order != accuracy) {
            throw new AssertionError(method + " stencil of order " + order + " has accuracy " + (m - order)
                    + ", not " + accuracy);
        }
        Rational c = moment(exact, offsets, m).divide(Rational.of(factorial(m)));
        int errorStep = method == Method.CENTRAL ? 2 : 1;
        return new Stencil(method, order, accuracy, offsets, weights, exact, c.doubleValue(), errorStep, absSum);
    }

    /** The smallest offset (≤ 0). */
    int minOffset() {
        return Math.min(0, offsets[0]);
    }

    /** The largest offset (≥ 0). */
    int maxOffset() {
        return Math.max(0, offsets[offsets.length - 1]);
    }

    /**
     * The exact weights at {@code nodes} of the derivative of order {@code order} at 0 (Fornberg's
     * algorithm with z = 0, all orders up to {@code order} built together).
     */
    static Rational[] fornberg(int order, int[] nodes) {
        int n = nodes.length - 1;
        if (n < order) {
            throw new IllegalArgumentException(nodes.length + " nodes cannot give a derivative of order " + order);
        }
        Rational[][] c = new Rational[nodes.length][order + 1];
        for (Rational[] row : c) {
            Arrays.fill(row, Rational.ZERO);
        }
        c[0][0] = Rational.ONE;
        Rational c1 = Rational.ONE;
        Rational c4 = Rational.of(nodes[0]);
        for (int i = 1; i <= n; i++) {
            int mn = Math.min(i, order);
            Rational c2 = Rational.ONE;
            Rational c5 = c4;
            c4 = Rational.of(nodes[i]);
            for (int j = 0; j < i; j++) {
                Rational c3 = Rational.of((long) nodes[i] - nodes[j]);
                c2 = c2.multiply(c3);
                if (j == i - 1) {
                    for (int k = mn; k >= 1; k--) {
                        c[i][k] = c1.multiply(Rational.of(k).multiply(c[i - 1][k - 1]).subtract(c5.multiply(c[i - 1][k])))
                                .divide(c2);
                    }
                    c[i][0] = c1.negate().multiply(c5).multiply(c[i - 1][0]).divide(c2);
                }
                for (int k = mn; k >= 1; k--) {
                    c[j][k] = c4.multiply(c[j][k]).subtract(Rational.of(k).multiply(c[j][k - 1])).divide(c3);
                }
                c[j][0] = c4.multiply(c[j][0]).divide(c3);
            }
            c1 = c2;
        }
        Rational[] w = new Rational[nodes.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = c[i][order];
        }
        return w;
    }

    private static Rational moment(Rational[] w, int[] s, int m) {
        Rational sum = Rational.ZERO;
        for (int i = 0; i < w.length; i++) {
            sum = sum.add(w[i].multiply(Rational.of(BigInteger.valueOf(s[i]).pow(m))));
        }
        return sum;
    }

    private static BigInteger factorial(int m) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= m; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stencil s && s.method == method && s.order == order && s.accuracy == accuracy;
    }

    @Override
    public int hashCode() {
        return (method.ordinal() * 31 + order) * 31 + accuracy;
    }

    @Override
    public String toString() {
        return method.name().toLowerCase(java.util.Locale.ROOT) + " d^" + order + " O(h^" + accuracy + ") "
                + Arrays.toString(offsets) + " " + Arrays.toString(exact);
    }
}
