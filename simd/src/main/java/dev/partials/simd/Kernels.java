package dev.partials.simd;

import static jdk.incubator.vector.VectorOperators.NE;

import dev.partials.Op;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lane-wise kernels of {@code simd}: each applies one operation to a row of a block (one lane per
 * point) and, when asked, stores its local partials in rows of their own. The rules are those of
 * {@link Op} — same formulas, same order of floating-point operations — so that, lane by lane, a
 * kernel computes what {@code Op.apply}, {@code Op.derivative}, {@code Op.partialLeft} and
 * {@code Op.partialRight} compute, up to the accuracy of the Vector API's transcendental functions
 * (which follow the accuracy specification of the {@link Math} methods of the same name: 1 ulp).
 *
 * <table class="striped">
 * <caption>Kernels: value; local partial(s)</caption>
 * <tbody>
 * <tr><td>a + b, a − b, −a</td><td>{@code add}, {@code sub}, {@code neg}; partials ±1 (signs)</td></tr>
 * <tr><td>a · b</td><td>{@code mul}; b, a (value rows, not stored)</td></tr>
 * <tr><td>a / b</td><td>{@code div}; 1/b, −v/b</td></tr>
 * <tr><td>a ^ b</td><td>{@code POW}, v = a·a where b = 2; b·a^(b−1) (0 where b = 0, 1 where b = 1, 2a
 *     where b = 2), v·log a (0 where a = 0 and b &gt; 0)</td></tr>
 * <tr><td>atan2(a, b)</td><td>{@code ATAN2}; b/(a²+b²), −a/(a²+b²)</td></tr>
 * <tr><td>min, max</td><td>compare masks and blends (not {@code MIN}/{@code MAX}, which give −0.0 for
 *     min(0.0, −0.0) where {@link Op} gives the first argument); 1, 0, ½ at a tie, NaN if unordered</td></tr>
 * <tr><td>sin, cos, tan</td><td>{@code SIN}, {@code COS}, {@code TAN}; cos a, −sin a, 1 + v²</td></tr>
 * <tr><td>asin, acos, atan</td><td>{@code ASIN}, {@code ACOS}, {@code ATAN}; 1/√(1−a²), −1/√(1−a²), 1/(1+a²)</td></tr>
 * <tr><td>sinh, cosh, tanh</td><td>{@code SINH}, {@code COSH}, {@code TANH}; cosh a, sinh a, 4e/(1+e)² with e = exp(−2|a|)</td></tr>
 * <tr><td>exp, log, sqrt</td><td>{@code EXP}, {@code LOG}, {@code SQRT}; v (value row), 1/a (NaN for a &lt; 0,
 *     outside the domain), 0.5/v (+∞ at 0)</td></tr>
 * <tr><td>abs, relu</td><td>{@code ABS}, a blend; sign of a with 0 at 0 (NaN for NaN)</td></tr>
 * <tr><td>sigmoid</td><td>e = {@code EXP}(−|a|), v = 1/(1+e) where a ≥ 0, else e/(1+e); e/(1+e)²</td></tr>
 * <tr><td>softplus</td><td>max(a, 0) + {@code LOG1P}(e); sigmoid(a) from the same e</td></tr>
 * </tbody>
 * </table>
 *
 * <p>No operation of the language needs the scalar fallback ({@link #scalar}); it exists for
 * operations added to {@link Op} later, and runs {@code Op}'s functions lane by lane.
 *
 * <p>The Vector API's {@code POW} (Intel SVML on x86) returns 1 for {@code pow(±1, ±∞)} and
 * {@code pow(1, NaN)}, where {@link Math#pow} returns NaN; {@link Lanes#mathPow}
 * restores Math's results there. Every other special case agrees (checked by {@code SimdLanewiseTests}).
 *
 * <p>Operators are constants in every kernel (the Vector API compiles a lane-wise operation to vector
 * instructions only when its operator is a constant), and each kernel is a small method with one loop,
 * so that the JIT compiles it without boxing a vector.
 */
final class Kernels {

    static final VectorSpecies<Double> SPECIES = Lanes.SPECIES;
    static final int LANES = Lanes.LANES;

    private Kernels() {
    }

    private static DoubleVector at(double[] x, int offset) {
        return DoubleVector.fromArray(SPECIES, x, offset);
    }

    private static DoubleVector splat(double v) {
        return DoubleVector.broadcast(SPECIES, v);
    }

    /** {@code count} rounded up to whole lane groups. */
    static int width(int count) {
        return (count + LANES - 1) / LANES * LANES;
    }

    // ---- moving rows in and out ----------------------------------------------------------------

    /** Copies {@code src[from … from+count)} into the row at {@code dst}; the tail of its last lane group becomes 0. */
    static void load(double[] src, int from, int count, double[] x, int dst) {
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            at(src, from + i).intoArray(x, dst + i);
        }
        if (i < count) {
            VectorMask<Double> m = SPECIES.indexInRange(i, count);
            DoubleVector.fromArray(SPECIES, src, from + i, m).intoArray(x, dst + i);
        }
    }

    /** Copies the first {@code count} lanes of the row at {@code src} into {@code out[from …)}. */
    static void store(double[] x, int src, double[] out, int from, int count) {
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            at(x, src + i).intoArray(out, from + i);
        }
        if (i < count) {
            VectorMask<Double> m = SPECIES.indexInRange(i, count);
            at(x, src + i).intoArray(out, from + i, m);
        }
    }

    static void fill(double[] x, int offset, int width, double value) {
        DoubleVector v = splat(value);
        for (int i = 0; i < width; i += LANES) {
            v.intoArray(x, offset + i);
        }
    }

    /**
     * Whether {@code column[from, to)} holds only finite numbers: a scan in vector lanes without a branch per
     * lane group ({@link Lanes#addNonFinite}; four sums keep the additions independent).
     */
    static boolean allFinite(double[] column, int from, int to) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = from;
        for (; i <= to - 4 * LANES; i += 4 * LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, column, i);
            DoubleVector b = DoubleVector.fromArray(SPECIES, column, i + LANES);
            DoubleVector c = DoubleVector.fromArray(SPECIES, column, i + 2 * LANES);
            DoubleVector d = DoubleVector.fromArray(SPECIES, column, i + 3 * LANES);
            s0 = Lanes.addNonFinite(s0, a);
            s1 = Lanes.addNonFinite(s1, b);
            s2 = Lanes.addNonFinite(s2, c);
            s3 = Lanes.addNonFinite(s3, d);
        }
        for (; i <= to - LANES; i += LANES) {
            s0 = Lanes.addNonFinite(s0, DoubleVector.fromArray(SPECIES, column, i));
        }
        double sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            sum += column[i] - column[i];
        }
        return sum == 0.0;
    }

    // ---- operations: the rules of Lanes, row by row -------------------------------------------------

    static void add(double[] x, int d, int a, int b, int w) {
        for (int i = 0; i < w; i += LANES) {
            Lanes.add(at(x, a + i), at(x, b + i)).intoArray(x, d + i);
        }
    }

    /** The n-ary sum of rows {@code args[from … to)}, left to right, as the reference interpreter adds. */
    static void sum(double[] x, int d, int[] args, int from, int to, int rowSize, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector acc = at(x, args[from] * rowSize + i);
            for (int k = from + 1; k < to; k++) {
                acc = Lanes.add(acc, at(x, args[k] * rowSize + i));
            }
            acc.intoArray(x, d + i);
        }
    }

    static void sub(double[] x, int d, int a, int b, int w) {
        for (int i = 0; i < w; i += LANES) {
            Lanes.sub(at(x, a + i), at(x, b + i)).intoArray(x, d + i);
        }
    }

    static void neg(double[] x, int d, int a, int w) {
        for (int i = 0; i < w; i += LANES) {
            Lanes.neg(at(x, a + i)).intoArray(x, d + i);
        }
    }

    static void mul(double[] x, int d, int a, int b, int w) {
        for (int i = 0; i < w; i += LANES) {
            Lanes.mul(at(x, a + i), at(x, b + i)).intoArray(x, d + i);
        }
    }

    static void div(double[] x, int d, int a, int b, int pl, int pr, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector vb = at(x, b + i);
            DoubleVector v = Lanes.div(at(x, a + i), vb);
            v.intoArray(x, d + i);
            if (pl >= 0) {
                Lanes.divLeft(vb).intoArray(x, pl + i);
            }
            if (pr >= 0) {
                Lanes.divRight(v, vb).intoArray(x, pr + i);
            }
        }
    }

    /** {@link Op#pow}, {@link Op#powPartialBase}, {@link Op#powPartialExponent}. */
    static void pow(double[] x, int d, int a, int b, int pl, int pr, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector vb = at(x, b + i);
            DoubleVector v = Lanes.pow(va, vb);
            v.intoArray(x, d + i);
            if (pl >= 0) {
                Lanes.powLeft(va, vb).intoArray(x, pl + i);
            }
            if (pr >= 0) {
                Lanes.powRight(va, vb, v).intoArray(x, pr + i);
            }
        }
    }

    /** {@code a^2 = a*a}, ∂/∂a = 2a (as {@link Op#pow} and {@link Op#powPartialBase} special-case it). */
    static void square(double[] x, int d, int a, int pl, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            Lanes.mul(va, va).intoArray(x, d + i);
            if (pl >= 0) {
                Lanes.twice(va).intoArray(x, pl + i);
            }
        }
    }

    /** {@code a^c} for a finite constant c ≠ 2: the exponent's special cases are decided once, not per lane. */
    static void powConstant(double[] x, int d, int a, double c, int pl, int w) {
        if (c == 0.0 || c == 1.0) {
            // Math.pow(a, 0) = 1 and Math.pow(a, 1) = a for every a; the partials are 0 and 1.
            for (int i = 0; i < w; i += LANES) {
                (c == 0.0 ? splat(1.0) : at(x, a + i)).intoArray(x, d + i);
            }
            if (pl >= 0) {
                fill(x, pl, w, c);
            }
            return;
        }
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            Lanes.powConstant(va, c).intoArray(x, d + i);
            if (pl >= 0) {
                Lanes.powConstantPartial(va, c).intoArray(x, pl + i);
            }
        }
    }

    static void atan2(double[] x, int d, int a, int b, int pl, int pr, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector vb = at(x, b + i);
            Lanes.atan2(va, vb).intoArray(x, d + i);
            if (pl >= 0) {
                Lanes.atan2Left(va, vb).intoArray(x, pl + i);
            }
            if (pr >= 0) {
                Lanes.atan2Right(va, vb).intoArray(x, pr + i);
            }
        }
    }

    /** {@link Op#MIN}: a where a &lt; b, b where b &lt; a, a at a tie (½ to each), NaN when unordered. */
    static void min(double[] x, int d, int a, int b, int pl, int pr, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector vb = at(x, b + i);
            Lanes.min(va, vb).intoArray(x, d + i);
            if (pl >= 0) {
                Lanes.minLeft(va, vb).intoArray(x, pl + i);
            }
            if (pr >= 0) {
                Lanes.minRight(va, vb).intoArray(x, pr + i);
            }
        }
    }

    /** {@link Op#MAX}: a where a &gt; b, b where b &gt; a, a at a tie (½ to each), NaN when unordered. */
    static void max(double[] x, int d, int a, int b, int pl, int pr, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector vb = at(x, b + i);
            Lanes.max(va, vb).intoArray(x, d + i);
            if (pl >= 0) {
                Lanes.maxLeft(va, vb).intoArray(x, pl + i);
            }
            if (pr >= 0) {
                Lanes.maxRight(va, vb).intoArray(x, pr + i);
            }
        }
    }

    static void sin(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.sin(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.cos(va).intoArray(x, p + i);
            }
        }
    }

    static void cos(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.cos(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.minusSin(va).intoArray(x, p + i);
            }
        }
    }

    static void tan(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.tan(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.tanPartial(v).intoArray(x, p + i);
            }
        }
    }

    static void asin(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.asin(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.asinPartial(va).intoArray(x, p + i);
            }
        }
    }

    static void acos(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.acos(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.acosPartial(va).intoArray(x, p + i);
            }
        }
    }

    static void atan(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.atan(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.atanPartial(va).intoArray(x, p + i);
            }
        }
    }

    static void sinh(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.sinh(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.cosh(va).intoArray(x, p + i);
            }
        }
    }

    static void cosh(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.cosh(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.sinh(va).intoArray(x, p + i);
            }
        }
    }

    static void tanh(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.tanh(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.tanhPartial(va).intoArray(x, p + i);
            }
        }
    }

    /** exp; its partial is its value row, not stored. */
    static void exp(double[] x, int d, int a, int w) {
        for (int i = 0; i < w; i += LANES) {
            Lanes.exp(at(x, a + i)).intoArray(x, d + i);
        }
    }

    static void log(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.log(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.logPartial(va).intoArray(x, p + i);
            }
        }
    }

    static void sqrt(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.sqrt(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.sqrtPartial(v).intoArray(x, p + i);
            }
        }
    }

    static void abs(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.abs(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.absPartial(va).intoArray(x, p + i);
            }
        }
    }

    static void relu(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector v = Lanes.relu(va);
            v.intoArray(x, d + i);
            if (p >= 0) {
                Lanes.reluPartial(va).intoArray(x, p + i);
            }
        }
    }

    static void sigmoid(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector e = Lanes.expMinusAbs(va);
            Lanes.sigmoid(va, e).intoArray(x, d + i);
            if (p >= 0) {
                Lanes.sigmoidPartial(e).intoArray(x, p + i);
            }
        }
    }

    /** {@link Op#softplus}: max(a, 0) + log1p(exp(−|a|)); its partial is sigmoid(a), from the same exp. */
    static void softplus(double[] x, int d, int a, int p, int w) {
        for (int i = 0; i < w; i += LANES) {
            DoubleVector va = at(x, a + i);
            DoubleVector e = Lanes.expMinusAbs(va);
            Lanes.softplus(va, e).intoArray(x, d + i);
            if (p >= 0) {
                Lanes.sigmoid(va, e).intoArray(x, p + i);
            }
        }
    }

    /**
     * {@link Op#derivative}, and NaN wherever the value is NaN and the argument is not: "outside a
     * domain, NaN value and NaN partials" (DESIGN.md) for every unary operation, whatever its rule (the
     * {@code dual} provider applies the same guard; for the operations of today, {@link Op} already
     * gives NaN there itself).
     */
    static double derivative(Op op, double a, double value) {
        double d = op.derivative(a, value);
        return value != value && a == a ? Double.NaN : d;
    }

    /** Any operation, lane by lane, through {@link Op}'s scalar functions ({@code b < 0} for a unary one). */
    static void scalar(Op op, double[] x, int d, int a, int b, int pl, int pr, int w) {
        for (int i = 0; i < w; i++) {
            double va = x[a + i];
            if (b < 0) {
                double v = op.apply(va);
                x[d + i] = v;
                if (pl >= 0) {
                    x[pl + i] = derivative(op, va, v);
                }
            } else {
                double vb = x[b + i];
                double v = op.apply(va, vb);
                x[d + i] = v;
                if (pl >= 0) {
                    x[pl + i] = op.partialLeft(va, vb, v);
                }
                if (pr >= 0) {
                    x[pr + i] = op.partialRight(va, vb, v);
                }
            }
        }
    }

    // ---- tangents --------------------------------------------------------------------------------------

    /**
     * {@code x[d] = Σ_k x[p_k] · x[s_k]} (rows at those offsets), in term order, each product rounded
     * before it is added (no fused multiply-add), as a scalar forward mode computes it.
     */
    static void chain(double[] x, int[] p, int[] s, int n, int d, int w) {
        if (n == 1) {
            int p0 = p[0];
            int s0 = s[0];
            for (int i = 0; i < w; i += LANES) {
                at(x, p0 + i).mul(at(x, s0 + i)).intoArray(x, d + i);
            }
        } else if (n == 2) {
            int p0 = p[0];
            int s0 = s[0];
            int p1 = p[1];
            int s1 = s[1];
            for (int i = 0; i < w; i += LANES) {
                at(x, p0 + i).mul(at(x, s0 + i)).add(at(x, p1 + i).mul(at(x, s1 + i))).intoArray(x, d + i);
            }
        } else {
            for (int i = 0; i < w; i += LANES) {
                DoubleVector acc = at(x, p[0] + i).mul(at(x, s[0] + i));
                for (int k = 1; k < n; k++) {
                    acc = acc.add(at(x, p[k] + i).mul(at(x, s[k] + i)));
                }
                acc.intoArray(x, d + i);
            }
        }
    }

    /** {@code x[d] = Σ_k ±x[s_k]} with the signs {@code sign[k]}, in term order. */
    static void linear(double[] x, int[] sign, int[] s, int n, int d, int w) {
        if (n == 1) {
            int s0 = s[0];
            if (sign[0] > 0) {
                System.arraycopy(x, s0, x, d, w);
            } else {
                for (int i = 0; i < w; i += LANES) {
                    at(x, s0 + i).neg().intoArray(x, d + i);
                }
            }
        } else if (n == 2 && sign[0] > 0) {
            int s0 = s[0];
            int s1 = s[1];
            if (sign[1] > 0) {
                for (int i = 0; i < w; i += LANES) {
                    at(x, s0 + i).add(at(x, s1 + i)).intoArray(x, d + i);
                }
            } else {
                for (int i = 0; i < w; i += LANES) {
                    at(x, s0 + i).sub(at(x, s1 + i)).intoArray(x, d + i);
                }
            }
        } else {
            for (int i = 0; i < w; i += LANES) {
                DoubleVector acc = at(x, s[0] + i);
                if (sign[0] < 0) {
                    acc = acc.neg();
                }
                for (int k = 1; k < n; k++) {
                    DoubleVector v = at(x, s[k] + i);
                    acc = sign[k] > 0 ? acc.add(v) : acc.sub(v);
                }
                acc.intoArray(x, d + i);
            }
        }
    }

    /**
     * {@code acc += J · dir} where {@code dir ≠ 0}, lane by lane: the Jacobian-vector product as
     * {@link dev.partials.Derivatives#jvp} defines it (a zero direction component contributes nothing,
     * even where its partial is NaN). {@code j < 0} is a structural zero partial.
     */
    static void accumulate(double[] acc, int a, double[] x, int j, int dir, int w) {
        DoubleVector zero = splat(0.0);
        for (int i = 0; i < w; i += LANES) {
            DoubleVector s = at(acc, a + i);
            DoubleVector dv = at(x, dir + i);
            DoubleVector jv = j >= 0 ? at(x, j + i) : zero;
            s.blend(s.add(jv.mul(dv)), dv.compare(NE, 0.0)).intoArray(acc, a + i);
        }
    }
}
