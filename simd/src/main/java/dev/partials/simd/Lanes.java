package dev.partials.simd;

import static jdk.incubator.vector.VectorOperators.ACOS;
import static jdk.incubator.vector.VectorOperators.ASIN;
import static jdk.incubator.vector.VectorOperators.ATAN;
import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.COSH;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.POW;
import static jdk.incubator.vector.VectorOperators.SIN;
import static jdk.incubator.vector.VectorOperators.SINH;
import static jdk.incubator.vector.VectorOperators.TAN;
import static jdk.incubator.vector.VectorOperators.TANH;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lane-wise rules of {@code simd} on one lane group: for every operation its value and its local
 * partials as functions of vectors. Both engines use exactly these functions — the row kernels of
 * {@link Kernels} in their loops, and the code {@link BlockCompiler} generates per formula — so the
 * two compute the same floating-point operations in the same order, and agree bit for bit. The rules
 * are {@link dev.partials.Op}'s (see the table in {@link Kernels}).
 *
 * <p>Every method is small and static, with vectors in and one vector out, so that the JIT inlines it
 * and keeps the vectors in registers; operators are constants.
 */
final class Lanes {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    private Lanes() {
    }

    // ---- memory ----------------------------------------------------------------------------------------

    static DoubleVector load(double[] x, int offset) {
        return DoubleVector.fromArray(SPECIES, x, offset);
    }

    static void store(DoubleVector v, double[] x, int offset) {
        v.intoArray(x, offset);
    }

    /**
     * {@code sum + (x − x)}: adds 0 while x is finite, NaN once a lane of x is NaN or infinite (the batch
     * check of generated code, {@link BlockCompiler}).
     */
    static DoubleVector addNonFinite(DoubleVector sum, DoubleVector x) {
        return sum.add(x.sub(x));
    }

    /** The sum of the lanes of {@code v}. */
    static double sum(DoubleVector v) {
        return v.reduceLanes(VectorOperators.ADD);
    }

    static DoubleVector splat(double v) {
        return DoubleVector.broadcast(SPECIES, v);
    }

    // ---- linear operations and products ------------------------------------------------------------------

    static DoubleVector add(DoubleVector a, DoubleVector b) {
        return a.add(b);
    }

    static DoubleVector sub(DoubleVector a, DoubleVector b) {
        return a.sub(b);
    }

    static DoubleVector neg(DoubleVector a) {
        return a.neg();
    }

    static DoubleVector mul(DoubleVector a, DoubleVector b) {
        return a.mul(b);
    }

    // ---- binary operations -------------------------------------------------------------------------------

    static DoubleVector div(DoubleVector a, DoubleVector b) {
        return a.div(b);
    }

    /** ∂(a/b)/∂a = 1/b. */
    static DoubleVector divLeft(DoubleVector b) {
        return splat(1.0).div(b);
    }

    /** ∂(a/b)/∂b = −(a/b)/b, from the value v = a/b. */
    static DoubleVector divRight(DoubleVector v, DoubleVector b) {
        return v.neg().div(b);
    }

    /** {@link Math#pow} lane-wise: the Vector API's POW, with Math's NaN for pow(±1, ±∞) and pow(1, NaN). */
    static DoubleVector mathPow(DoubleVector a, DoubleVector b) {
        DoubleVector r = a.lanewise(POW, b);
        VectorMask<Double> special = a.abs().compare(EQ, 1.0).and(b.sub(b).compare(NE, 0.0));
        return r.blend(Double.NaN, special);
    }

    /** {@link dev.partials.Op#pow}: a·a where b = 2. */
    static DoubleVector pow(DoubleVector a, DoubleVector b) {
        return mathPow(a, b).blend(a.mul(a), b.compare(EQ, 2.0));
    }

    /** {@link dev.partials.Op#powPartialBase}: b·a^(b−1); 2a where b = 2, 1 where b = 1, 0 where b = 0. */
    static DoubleVector powLeft(DoubleVector a, DoubleVector b) {
        return b.mul(mathPow(a, b.sub(1.0)))
                .blend(a.mul(2.0), b.compare(EQ, 2.0))
                .blend(1.0, b.compare(EQ, 1.0))
                .blend(0.0, b.compare(EQ, 0.0));
    }

    /** {@link dev.partials.Op#powPartialExponent}: v·log a, 0 where a = 0 and b &gt; 0. */
    static DoubleVector powRight(DoubleVector a, DoubleVector b, DoubleVector v) {
        return v.mul(a.lanewise(LOG)).blend(0.0, a.compare(EQ, 0.0).and(b.compare(GT, 0.0)));
    }

    /** ∂(a²)/∂a = 2a. */
    static DoubleVector twice(DoubleVector a) {
        return a.mul(2.0);
    }

    /** {@code a^c} for a finite constant c other than 0, 1 and 2. */
    static DoubleVector powConstant(DoubleVector a, double c) {
        return a.lanewise(POW, splat(c));
    }

    /** ∂(a^c)/∂a = c·a^(c−1) for a finite constant c other than 0, 1 and 2. */
    static DoubleVector powConstantPartial(DoubleVector a, double c) {
        return splat(c).mul(a.lanewise(POW, splat(c - 1.0)));
    }

    static DoubleVector atan2(DoubleVector a, DoubleVector b) {
        return a.lanewise(VectorOperators.ATAN2, b);
    }

    /** ∂atan2(a, b)/∂a = b/(a² + b²). */
    static DoubleVector atan2Left(DoubleVector a, DoubleVector b) {
        return b.div(a.mul(a).add(b.mul(b)));
    }

    /** ∂atan2(a, b)/∂b = −a/(a² + b²). */
    static DoubleVector atan2Right(DoubleVector a, DoubleVector b) {
        return a.neg().div(a.mul(a).add(b.mul(b)));
    }

    /** {@link dev.partials.Op#MIN}: a where a &lt; b, b where b &lt; a, a at a tie, NaN when unordered. */
    static DoubleVector min(DoubleVector a, DoubleVector b) {
        return choose(a, b, a.compare(LT, b), b.compare(LT, a));
    }

    static DoubleVector minLeft(DoubleVector a, DoubleVector b) {
        return share(a.compare(LT, b), b.compare(LT, a), a.compare(EQ, b));
    }

    static DoubleVector minRight(DoubleVector a, DoubleVector b) {
        return share(b.compare(LT, a), a.compare(LT, b), a.compare(EQ, b));
    }

    /** {@link dev.partials.Op#MAX}: a where a &gt; b, b where b &gt; a, a at a tie, NaN when unordered. */
    static DoubleVector max(DoubleVector a, DoubleVector b) {
        return choose(a, b, a.compare(GT, b), b.compare(GT, a));
    }

    static DoubleVector maxLeft(DoubleVector a, DoubleVector b) {
        return share(a.compare(GT, b), b.compare(GT, a), a.compare(EQ, b));
    }

    static DoubleVector maxRight(DoubleVector a, DoubleVector b) {
        return share(b.compare(GT, a), a.compare(GT, b), a.compare(EQ, b));
    }

    /** a where {@code first} or a tie, b where {@code second}, NaN elsewhere (unordered). */
    private static DoubleVector choose(DoubleVector a, DoubleVector b, VectorMask<Double> first,
                                       VectorMask<Double> second) {
        return splat(Double.NaN).blend(a, first.or(a.compare(EQ, b))).blend(b, second);
    }

    /** 1 where this operand is chosen, 0 where the other is, ½ at a tie, NaN when unordered. */
    private static DoubleVector share(VectorMask<Double> mine, VectorMask<Double> other, VectorMask<Double> tie) {
        return splat(Double.NaN).blend(1.0, mine).blend(0.0, other).blend(0.5, tie);
    }

    // ---- unary operations -----------------------------------------------------------------------------

    static DoubleVector sin(DoubleVector a) {
        return a.lanewise(SIN);
    }

    static DoubleVector cos(DoubleVector a) {
        return a.lanewise(COS);
    }

    /** ∂cos(a)/∂a = −sin a. */
    static DoubleVector minusSin(DoubleVector a) {
        return a.lanewise(SIN).neg();
    }

    static DoubleVector tan(DoubleVector a) {
        return a.lanewise(TAN);
    }

    /** ∂tan(a)/∂a = 1 + v², from the value v = tan a. */
    static DoubleVector tanPartial(DoubleVector v) {
        return splat(1.0).add(v.mul(v));
    }

    static DoubleVector asin(DoubleVector a) {
        return a.lanewise(ASIN);
    }

    /** ∂asin(a)/∂a = 1/√(1 − a²). */
    static DoubleVector asinPartial(DoubleVector a) {
        DoubleVector one = splat(1.0);
        return one.div(one.sub(a.mul(a)).sqrt());
    }

    static DoubleVector acos(DoubleVector a) {
        return a.lanewise(ACOS);
    }

    /** ∂acos(a)/∂a = −1/√(1 − a²). */
    static DoubleVector acosPartial(DoubleVector a) {
        return splat(-1.0).div(splat(1.0).sub(a.mul(a)).sqrt());
    }

    static DoubleVector atan(DoubleVector a) {
        return a.lanewise(ATAN);
    }

    /** ∂atan(a)/∂a = 1/(1 + a²). */
    static DoubleVector atanPartial(DoubleVector a) {
        DoubleVector one = splat(1.0);
        return one.div(one.add(a.mul(a)));
    }

    static DoubleVector sinh(DoubleVector a) {
        return a.lanewise(SINH);
    }

    static DoubleVector cosh(DoubleVector a) {
        return a.lanewise(COSH);
    }

    static DoubleVector tanh(DoubleVector a) {
        return a.lanewise(TANH);
    }

    /** sech²(a) = 4e/(1+e)², e = exp(−2|a|), as {@code Op.sech2}: relative accuracy for large |a|. */
    static DoubleVector tanhPartial(DoubleVector a) {
        DoubleVector e = a.abs().mul(-2.0).lanewise(EXP);
        DoubleVector den = splat(1.0).add(e);
        return e.mul(4.0).div(den.mul(den));
    }

    static DoubleVector exp(DoubleVector a) {
        return a.lanewise(EXP);
    }

    static DoubleVector log(DoubleVector a) {
        return a.lanewise(LOG);
    }

    /** ∂log(a)/∂a = 1/a, NaN where a &lt; 0 (outside the domain), as {@link dev.partials.Op#derivative} gives it. */
    static DoubleVector logPartial(DoubleVector a) {
        return splat(1.0).div(a).blend(Double.NaN, a.compare(LT, 0.0));
    }

    static DoubleVector sqrt(DoubleVector a) {
        return a.sqrt();
    }

    /** ∂√a/∂a = 0.5/v from the value v = √a (+∞ at 0). */
    static DoubleVector sqrtPartial(DoubleVector v) {
        return splat(0.5).div(v);
    }

    static DoubleVector abs(DoubleVector a) {
        return a.abs();
    }

    /** The sign of a, 0 at 0, NaN for NaN. */
    static DoubleVector absPartial(DoubleVector a) {
        return splat(Double.NaN).blend(1.0, a.compare(GT, 0.0))
                .blend(-1.0, a.compare(LT, 0.0))
                .blend(0.0, a.compare(EQ, 0.0));
    }

    /** max(a, 0), with NaN passing through. */
    static DoubleVector relu(DoubleVector a) {
        return a.blend(0.0, a.compare(LE, 0.0)); // the mask is false for NaN
    }

    /** 1 where a &gt; 0, 0 where a ≤ 0, NaN for NaN. */
    static DoubleVector reluPartial(DoubleVector a) {
        return splat(Double.NaN).blend(1.0, a.compare(GT, 0.0)).blend(0.0, a.compare(LE, 0.0));
    }

    /** e = exp(−|a|), shared by sigmoid, its partial and softplus. */
    static DoubleVector expMinusAbs(DoubleVector a) {
        return a.abs().neg().lanewise(EXP);
    }

    /** {@link dev.partials.Op#sigmoid} given e = exp(−|a|): 1/(1 + e) for a ≥ 0, e/(1 + e) otherwise. */
    static DoubleVector sigmoid(DoubleVector a, DoubleVector e) {
        DoubleVector one = splat(1.0);
        DoubleVector den = one.add(e);
        return e.div(den).blend(one.div(den), a.compare(GE, 0.0));
    }

    /** e/(1+e)², as {@code Op.sigmoidDerivative}: relative accuracy for large |a|. */
    static DoubleVector sigmoidPartial(DoubleVector e) {
        DoubleVector den = splat(1.0).add(e);
        return e.div(den.mul(den));
    }

    /** {@link dev.partials.Op#softplus} given e = exp(−|a|): max(a, 0) + log1p(e). */
    static DoubleVector softplus(DoubleVector a, DoubleVector e) {
        return a.max(0.0).add(e.lanewise(LOG1P));
    }
}
