package dev.partials.bench.functions;

import dev.partials.Formula;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.CalculusFieldElement;

/**
 * {@code polynomial}: a dense random polynomial in 6 variables of total degree 6: every one of the
 * C(12, 6) = 924 monomials x0^e0 ⋯ x5^e5 with Σ e ≤ 6, in lexicographic order of exponents, with an
 * integer coefficient drawn from {@code SplittableRandom(20261126)} uniformly in ±[1, 9]; at the point
 * x_i = (-1)^i (0.3 + 0.1 i) = (0.3, -0.4, 0.5, -0.6, 0.7, -0.8).
 *
 * <p>The hand-written code is what a careful engineer writes for a dense polynomial: a table of powers
 * x_j^k (and of their derivatives k x_j^(k-1)), then one pass over the terms; a term's partial in x_j
 * is its coefficient times the derivative factor of x_j times the product of the other factors
 * (prefix × suffix products, no division). The Hessian's entries are polynomials themselves, derived
 * term by term once, and evaluated with the same table of powers.
 */
public final class DensePolynomial implements ScalarFunction {

    /** Variables. */
    public static final int N = 6;
    /** Total degree. */
    public static final int DEGREE = 6;

    private final int[] exponents; // terms × N
    private final double[] coefficients;
    private final int terms;
    private final Formula formula;
    // scratch tables, owned by the instance (one instance per benchmark thread)
    private final double[] pw = new double[N * (DEGREE + 1)];
    private final double[] dpw = new double[N * (DEGREE + 1)];
    // the Hessian's 21 entries (j ≤ l) as polynomials: terms hessianStart[i] … hessianStart[i+1] - 1
    private final int[] hessianRows = new int[N * (N + 1) / 2];
    private final int[] hessianColumns = new int[N * (N + 1) / 2];
    private final int[] hessianStart = new int[N * (N + 1) / 2 + 1];
    private double[] hessianCoefficients;
    private int[] hessianExponents;

    /** The suite's polynomial. */
    public DensePolynomial() {
        List<int[]> monomials = new ArrayList<>();
        enumerate(new int[N], 0, DEGREE, monomials);
        terms = monomials.size();
        exponents = new int[terms * N];
        coefficients = new double[terms];
        SplittableRandom rng = new SplittableRandom(Suite.SEED);
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < terms; t++) {
            int[] e = monomials.get(t);
            System.arraycopy(e, 0, exponents, t * N, N);
            int c = rng.nextInt(1, 10) * (rng.nextBoolean() ? 1 : -1);
            coefficients[t] = c;
            sb.append(t == 0 ? (c < 0 ? "-" : "") : (c < 0 ? " - " : " + ")).append(Math.abs(c));
            for (int j = 0; j < N; j++) {
                if (e[j] == 1) {
                    sb.append("*x").append(j);
                } else if (e[j] > 1) {
                    sb.append("*x").append(j).append('^').append(e[j]);
                }
            }
        }
        formula = Formula.parse(sb.toString());
        deriveHessian();
    }

    /** Exponent vectors with total degree ≤ {@code budget} in lexicographic order (e0 slowest). */
    private static void enumerate(int[] e, int j, int budget, List<int[]> out) {
        if (j == e.length) {
            out.add(e.clone());
            return;
        }
        for (int k = 0; k <= budget; k++) {
            e[j] = k;
            enumerate(e, j + 1, budget - k, out);
        }
        e[j] = 0;
    }

    /** The number of monomials (924). */
    public int terms() {
        return terms;
    }

    @Override
    public String name() {
        return "polynomial";
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public int dimension() {
        return N;
    }

    @Override
    public double[] point() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = (i % 2 == 0 ? 1 : -1) * (0.3 + 0.1 * i);
        }
        return x;
    }

    /** pw[j*(D+1) + k] = x_j^k. */
    private static void powers(double[] x, double[] pw) {
        for (int j = 0; j < N; j++) {
            double p = 1;
            int base = j * (DEGREE + 1);
            for (int k = 0; k <= DEGREE; k++) {
                pw[base + k] = p;
                p *= x[j];
            }
        }
    }

    @Override
    public double value(double[] x) {
        powers(x, pw);
        double f = 0;
        for (int t = 0; t < terms; t++) {
            int e = t * N;
            double m = coefficients[t];
            for (int j = 0; j < N; j++) {
                m *= pw[j * (DEGREE + 1) + exponents[e + j]];
            }
            f += m;
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        final int w = DEGREE + 1;
        powers(x, pw); // dpw: k x_j^(k-1)
        for (int j = 0; j < N; j++) {
            dpw[j * w] = 0;
            for (int k = 1; k <= DEGREE; k++) {
                dpw[j * w + k] = k * pw[j * w + k - 1];
            }
        }
        double g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0;
        double f = 0;
        for (int t = 0; t < terms; t++) {
            int e = t * N;
            double c = coefficients[t];
            double a0 = pw[exponents[e]];
            double a1 = pw[w + exponents[e + 1]];
            double a2 = pw[2 * w + exponents[e + 2]];
            double a3 = pw[3 * w + exponents[e + 3]];
            double a4 = pw[4 * w + exponents[e + 4]];
            double a5 = pw[5 * w + exponents[e + 5]];
            // prefix and suffix products: the product of all factors but one, without division
            double p01 = c * a0 * a1;
            double p012 = p01 * a2;
            double p0123 = p012 * a3;
            double s45 = a4 * a5;
            double s345 = a3 * s45;
            double s2345 = a2 * s345;
            f += p0123 * s45;
            g0 += c * dpw[exponents[e]] * a1 * s2345;
            g1 += c * a0 * dpw[w + exponents[e + 1]] * s2345;
            g2 += p01 * dpw[2 * w + exponents[e + 2]] * s345;
            g3 += p012 * dpw[3 * w + exponents[e + 3]] * s45;
            g4 += p0123 * dpw[4 * w + exponents[e + 4]] * a5;
            g5 += p0123 * a4 * dpw[5 * w + exponents[e + 5]];
        }
        g[0] = g0;
        g[1] = g1;
        g[2] = g2;
        g[3] = g3;
        g[4] = g4;
        g[5] = g5;
        return f;
    }

    @Override
    public void hessian(double[] x, double[] h) {
        // Each entry is itself a polynomial, derived once in the constructor: evaluate the 21 of them
        // with the table of powers, exactly as value() evaluates f.
        final int w = DEGREE + 1;
        powers(x, pw);
        for (int entry = 0; entry < hessianRows.length; entry++) {
            double sum = 0;
            for (int t = hessianStart[entry]; t < hessianStart[entry + 1]; t++) {
                int e = t * N;
                double m = hessianCoefficients[t];
                for (int j = 0; j < N; j++) {
                    m *= pw[j * w + hessianExponents[e + j]];
                }
                sum += m;
            }
            int j = hessianRows[entry];
            int l = hessianColumns[entry];
            h[j * N + l] = sum;
            h[l * N + j] = sum;
        }
    }

    /** Term-wise second partials: for each entry j ≤ l, the monomials of ∂²f/∂x_j∂x_l. */
    private void deriveHessian() {
        List<Double> derivedCoefficients = new ArrayList<>();
        List<int[]> derivedExponents = new ArrayList<>();
        int entry = 0;
        hessianStart[0] = 0;
        for (int j = 0; j < N; j++) {
            for (int l = j; l < N; l++) {
                hessianRows[entry] = j;
                hessianColumns[entry] = l;
                for (int t = 0; t < terms; t++) {
                    int[] e = Arrays.copyOfRange(exponents, t * N, t * N + N);
                    double c = coefficients[t];
                    c *= e[j];
                    e[j] = Math.max(e[j] - 1, 0);
                    c *= e[l];
                    e[l] = Math.max(e[l] - 1, 0);
                    if (c != 0) {
                        derivedCoefficients.add(c);
                        derivedExponents.add(e);
                    }
                }
                hessianStart[++entry] = derivedExponents.size();
            }
        }
        int count = derivedExponents.size();
        hessianCoefficients = new double[count];
        hessianExponents = new int[count * N];
        for (int t = 0; t < count; t++) {
            hessianCoefficients[t] = derivedCoefficients.get(t);
            System.arraycopy(derivedExponents.get(t), 0, hessianExponents, t * N, N);
        }
    }

    @Override
    public <T extends CalculusFieldElement<T>> T apply(T[] x) {
        // The same power table, in the field: every power is computed once.
        List<List<T>> pw = new ArrayList<>();
        T one = x[0].getField().getOne();
        for (int j = 0; j < N; j++) {
            List<T> row = new ArrayList<>(DEGREE + 1);
            T p = one;
            for (int k = 0; k <= DEGREE; k++) {
                row.add(p);
                p = p.multiply(x[j]);
            }
            pw.add(row);
        }
        T f = x[0].getField().getZero();
        for (int t = 0; t < terms; t++) {
            int e = t * N;
            T m = null;
            for (int j = 0; j < N; j++) {
                int k = exponents[e + j];
                if (k > 0) {
                    m = m == null ? pw.get(j).get(k) : m.multiply(pw.get(j).get(k));
                }
            }
            f = m == null ? f.add(coefficients[t]) : f.add(m.multiply(coefficients[t]));
        }
        return f;
    }
}
