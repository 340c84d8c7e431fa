package dev.partials.dual.internal;

import dev.partials.Op;
import java.util.Arrays;

/**
 * Truncated multivariate Taylor arithmetic ("jets") over a <em>box</em>: for a multi-index α over p
 * variables, a jet holds the Taylor coefficients {@code f_β = ∂^β f / β!} for every β ≤ α
 * (componentwise), {@code Π(α_i + 1)} numbers. The box is the smallest set closed under taking
 * smaller indices that contains α, and products truncated to it are exact: the coefficient at γ of a
 * product needs only coefficients at β ≤ γ. ∂^α f is then {@code α! · f_α}.
 *
 * <p><b>Storage</b>: mixed radix, position {@code pos(β) = Σ β_i · stride_i} with {@code stride_0 = 1},
 * {@code stride_{i+1} = stride_i · (α_i + 1)}; β ≤ γ implies {@code pos(γ - β) = pos(γ) - pos(β)}.
 * For α = (2, 1) over (x, y) the positions are 0: 1, 1: x, 2: x², 3: y, 4: xy, 5: x²y.
 *
 * <p><b>Structure</b>: every jet comes with a <em>mask</em>, the bit set of the box variables it
 * structurally depends on. Coefficients at positions whose support is not inside the mask are
 * exactly 0 and are never multiplied, so an infinite or NaN coefficient never meets a structural
 * zero (∞·0): products enumerate only pairs (β, γ−β) inside the two masks.
 *
 * <p><b>Method</b> (chosen over univariate propagation along directions combined by interpolation,
 * Griewank, Utke and Walther, "Evaluating higher derivative tensors by forward propagation of
 * univariate Taylor series", Math. Comp. 69 (2000) 1117–1130): one propagation per request, no
 * interpolation weights whose alternating sums cancel at high order, and a cost that follows the
 * structure (a sum of functions of one variable each stays cheap). Elementary functions are composed
 * in the style of Neidinger ("Directions for computing truncated multivariate Taylor series", Math.
 * Comp. 74 (2005) 321–340): with δ = u − u(0), which has no constant term, {@code f(u) = Σ c_k δ^k} by
 * Horner's rule, where {@code c_k = f^(k)(u(0))/k!} come from the univariate table {@link Taylor};
 * division uses the convolution recurrence; {@code a^b} with both varying is
 * {@code a^{b(0)} · exp((b - b(0)) · log a)}, so pure base derivatives stay finite for a negative base
 * with an integer exponent; {@code atan2} is {@code atan} of a quotient up to a constant.
 *
 * <p>Not thread-safe: one instance per thread (it owns its scratch jets).
 */
final class Jets {

    final int p;
    final int[] counts;
    final int[] stride;
    final int size;
    final int order;
    final int[] digits;     // digits[pos * p + i] = β_i
    final long[] support;   // bit i set when β_i > 0
    final int[] degree;     // |β|

    private final double[][] scratch = new double[6][];
    private final double[] coef;
    private final double[] taylorScratch;
    private final int[] freeVar;
    private final int[] freeLim;
    private final int[] freeK;

    Jets(int[] counts) {
        this.p = counts.length;
        this.counts = counts.clone();
        this.stride = new int[p];
        int b = 1;
        int k = 0;
        for (int i = 0; i < p; i++) {
            stride[i] = b;
            b = Math.multiplyExact(b, counts[i] + 1);
            k += counts[i];
        }
        this.size = b;
        this.order = k;
        this.digits = new int[size * p];
        this.support = new long[size];
        this.degree = new int[size];
        for (int pos = 0; pos < size; pos++) {
            int rest = pos;
            long sup = 0;
            int deg = 0;
            for (int i = 0; i < p; i++) {
                int d = rest % (counts[i] + 1);
                rest /= counts[i] + 1;
                digits[pos * p + i] = d;
                deg += d;
                if (d > 0) {
                    sup |= 1L << i;
                }
            }
            support[pos] = sup;
            degree[pos] = deg;
        }
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] = new double[size];
        }
        this.coef = new double[order + 1];
        this.taylorScratch = new double[2 * order + 2];
        this.freeVar = new int[p];
        this.freeLim = new int[p];
        this.freeK = new int[p];
    }

    /** Whether this engine serves a box of these counts. */
    boolean hasCounts(int[] c) {
        return Arrays.equals(counts, c);
    }

    /** The position of the multi-index {@code beta} (one count per box variable). */
    int position(int... beta) {
        int pos = 0;
        for (int i = 0; i < p; i++) {
            pos += beta[i] * stride[i];
        }
        return pos;
    }

    /** The highest degree a jet with this mask can carry: the sum of its variables' counts. */
    int maxDegree(long mask) {
        int d = 0;
        for (long f = mask; f != 0; f &= f - 1) {
            d += counts[Long.numberOfTrailingZeros(f)];
        }
        return d;
    }

    /** The constant jet {@code value}. */
    void constant(double value, double[] out) {
        Arrays.fill(out, 0, size, 0.0);
        out[0] = value;
    }

    /** The jet of box variable {@code i} at {@code value}: {@code value + t_i}. */
    void variable(int i, double value, double[] out) {
        Arrays.fill(out, 0, size, 0.0);
        out[0] = value;
        if (counts[i] > 0) {
            out[stride[i]] = 1.0;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Elementary operations. Outputs never alias inputs. out[0] is set to the value computed by the
    // value pass, so every constant term equals the plain double evaluation.

    /** {@code out = op(u)} for a unary operation with value {@code value}. */
    void unary(Op op, double[] u, long mu, double value, double[] out) {
        if (Taylor.isLinear(op)) {
            scale(Rules.derivative(op, u[0], value), u, mu, out);
        } else {
            int k = maxDegree(mu);
            Taylor.coefficients(op, u[0], value, k, coef, taylorScratch);
            compose(coef, k, u, mu, out);
        }
        out[0] = value;
    }

    /** {@code out = op(a, b)} for a binary operation (ADD as a two-term sum) with value {@code value}. */
    void binary(Op op, double[] a, long ma, double[] b, long mb, double value, double[] out) {
        long mo = ma | mb;
        switch (op) {
            case ADD -> {
                for (int g = 0; g < size; g++) {
                    out[g] = a[g] + b[g];
                }
            }
            case SUBTRACT -> {
                for (int g = 0; g < size; g++) {
                    out[g] = a[g] - b[g];
                }
            }
            case MULTIPLY -> multiply(a, ma, false, b, mb, false, order, out);
            case DIVIDE -> divide(a, ma, b, mb, out);
            case POWER -> power(a, ma, b, mb, value, out);
            case ATAN2 -> atan2(a, ma, b, mb, out);
            case MIN, MAX -> {
                double x = a[0];
                double y = b[0];
                boolean takeA = op == Op.MIN ? x < y : x > y;
                boolean takeB = op == Op.MIN ? y < x : y > x;
                if (takeA) {
                    System.arraycopy(a, 0, out, 0, size);
                } else if (takeB) {
                    System.arraycopy(b, 0, out, 0, size);
                } else if (x == y) {
                    // a tie: the average of both branches (½ to each argument, at every order)
                    double half = op.partialLeft(x, y, value);
                    double otherHalf = op.partialRight(x, y, value);
                    for (int g = 0; g < size; g++) {
                        out[g] = half * a[g] + otherHalf * b[g];
                    }
                } else {
                    fillMask(Double.NaN, mo, out);
                }
            }
            default -> throw new IllegalStateException("not a binary operation: " + op);
        }
        out[0] = value;
    }

    /** {@code out = c · u} on u's mask. */
    void scale(double c, double[] u, long mu, double[] out) {
        for (int g = 0; g < size; g++) {
            out[g] = (support[g] & ~mu) == 0 ? c * u[g] : 0.0;
        }
    }

    private void fillMask(double value, long mask, double[] out) {
        for (int g = 0; g < size; g++) {
            out[g] = (support[g] & ~mask) == 0 ? value : 0.0;
        }
    }

    /**
     * {@code out = a · b}, truncated to the box and to total degree {@code maxDegree} (higher
     * coefficients are set to 0). {@code aNoConstant}/{@code bNoConstant}: the factor's constant term
     * is a structural zero (a δ = u − u(0)) and is skipped.
     */
    void multiply(double[] a, long ma, boolean aNoConstant, double[] b, long mb, boolean bNoConstant,
                  int maxDegree, double[] out) {
        long mo = ma | mb;
        for (int g = 0; g < size; g++) {
            long sg = support[g];
            if ((sg & ~mo) != 0 || degree[g] > maxDegree) {
                out[g] = 0.0;
                continue;
            }
            // β: a's index, γ-β: b's index. Coordinates only in ma take β_i = γ_i, only in mb take
            // β_i = 0, in both range over 0..γ_i.
            int base = 0;
            int nf = 0;
            int gd = g * p;
            for (long f = sg; f != 0; f &= f - 1) {
                int i = Long.numberOfTrailingZeros(f);
                long bit = 1L << i;
                boolean inA = (ma & bit) != 0;
                boolean inB = (mb & bit) != 0;
                if (inA && inB) {
                    freeVar[nf] = i;
                    freeLim[nf] = digits[gd + i];
                    freeK[nf] = 0;
                    nf++;
                } else if (inA) {
                    base += digits[gd + i] * stride[i];
                }
            }
            double sum = 0.0;
            int pos = base;
            while (true) {
                if (!(aNoConstant && pos == 0) && !(bNoConstant && pos == g)) {
                    sum += a[pos] * b[g - pos];
                }
                int j = 0;
                while (j < nf) {
                    int i = freeVar[j];
                    if (freeK[j] < freeLim[j]) {
                        freeK[j]++;
                        pos += stride[i];
                        break;
                    }
                    pos -= freeK[j] * stride[i];
                    freeK[j] = 0;
                    j++;
                }
                if (j == nf) {
                    break;
                }
            }
            out[g] = sum;
        }
    }

    /** {@code out = a / b} by the recurrence {@code b_0 v_γ = a_γ − Σ_{0 < β ≤ γ} b_β v_{γ−β}}. */
    void divide(double[] a, long ma, double[] b, long mb, double[] out) {
        long mo = ma | mb;
        double b0 = b[0];
        out[0] = a[0] / b0;
        for (int g = 1; g < size; g++) {
            long sg = support[g];
            if ((sg & ~mo) != 0) {
                out[g] = 0.0;
                continue;
            }
            double sum = (sg & ~ma) == 0 ? a[g] : 0.0;
            int nf = 0;
            int gd = g * p;
            for (long f = sg & mb; f != 0; f &= f - 1) {
                int i = Long.numberOfTrailingZeros(f);
                freeVar[nf] = i;
                freeLim[nf] = digits[gd + i];
                freeK[nf] = 0;
                nf++;
            }
            int pos = 0;
            while (true) {
                if (pos != 0) {
                    sum -= b[pos] * out[g - pos];
                }
                int j = 0;
                while (j < nf) {
                    int i = freeVar[j];
                    if (freeK[j] < freeLim[j]) {
                        freeK[j]++;
                        pos += stride[i];
                        break;
                    }
                    pos -= freeK[j] * stride[i];
                    freeK[j] = 0;
                    j++;
                }
                if (j == nf) {
                    break;
                }
            }
            out[g] = sum / b0;
        }
    }

    /**
     * {@code out = Σ_{k ≤ K} c_k δ^k} with δ = u − u(0), by Horner's rule (K products). The partial
     * sum that δ^j will still multiply needs degrees ≤ K − j only, which saves about half the work
     * for boxes of many variables. Uses scratch jets 4 and 5.
     */
    void compose(double[] c, int k, double[] u, long mu, double[] out) {
        if (mu == 0 || k == 0) {
            constant(c[0], out);
            return;
        }
        double[] w = scratch[4];
        double[] x = scratch[5];
        constant(c[k], w);
        long mw = 0;
        for (int j = k - 1; j >= 0; j--) {
            multiply(w, mw, false, u, mu, true, k - j, x);
            x[0] = c[j];
            double[] t = w;
            w = x;
            x = t;
            mw = mu;
        }
        System.arraycopy(w, 0, out, 0, size);
    }

    /** {@code a^b}: constant exponent, constant base, or both varying. Uses scratch jets 0 … 3. */
    private void power(double[] a, long ma, double[] b, long mb, double value, double[] out) {
        if (mb == 0) {
            int k = maxDegree(ma);
            Taylor.power(a[0], b[0], value, k, coef);
            compose(coef, k, a, ma, out);
            return;
        }
        if (ma == 0) {
            int k = maxDegree(mb);
            Taylor.exponential(a[0], b[0], value, k, coef);
            compose(coef, k, b, mb, out);
            return;
        }
        // a^b = a^{b0} · exp((b - b0) · log a)
        long mo = ma | mb;
        double a0 = a[0];
        double b0 = b[0];
        double[] head = scratch[0];
        double[] log = scratch[1];
        double[] prod = scratch[2];
        double[] tail = scratch[3];
        int ka = maxDegree(ma);
        Taylor.power(a0, b0, Op.POWER.apply(a0, b0), ka, coef);
        compose(coef, ka, a, ma, head);
        Taylor.coefficients(Op.LOG, a0, Math.log(a0), ka, coef, taylorScratch);
        compose(coef, ka, a, ma, log);
        multiply(b, mb, true, log, ma, false, order, prod);
        int ko = maxDegree(mo);
        Taylor.coefficients(Op.EXP, 0.0, 1.0, ko, coef, taylorScratch);
        compose(coef, ko, prod, mo, tail);
        multiply(head, ma, false, tail, mo, false, order, out);
    }

    /**
     * {@code atan2(y, x)} = {@code atan(y/x)} (|x| ≥ |y|) or {@code −atan(x/y)} (otherwise) up to a
     * constant, which {@link #binary} replaces by the value. Uses scratch jet 0.
     */
    private void atan2(double[] y, long my, double[] x, long mx, double[] out) {
        double y0 = y[0];
        double x0 = x[0];
        long mo = my | mx;
        double[] q = scratch[0];
        int k = maxDegree(mo);
        if (Math.abs(x0) >= Math.abs(y0) && x0 != 0) {
            divide(y, my, x, mx, q);
            Taylor.coefficients(Op.ATAN, q[0], Math.atan(q[0]), k, coef, taylorScratch);
            compose(coef, k, q, mo, out);
        } else {
            divide(x, mx, y, my, q);
            Taylor.coefficients(Op.ATAN, q[0], Math.atan(q[0]), k, coef, taylorScratch);
            compose(coef, k, q, mo, out);
            for (int g = 0; g < size; g++) {
                out[g] = -out[g];
            }
        }
    }
}
