package dev.partials.dual;

import dev.partials.Op;
import dev.partials.PartialsException;
import dev.partials.dual.internal.Rules;
import java.util.Arrays;

/**
 * A dual number for hand-written Java: a value together with its partial derivatives with respect to
 * n independent variables, carried through every operation by the chain rule (forward-mode automatic
 * differentiation, in the style of Hipparchus {@code Gradient}).
 *
 * {@snippet class=dev.partials.dual.DualSnippets region=neuron}
 *
 * <p><b>Mathematics.</b> A dual number is {@code v + Σ_i p_i ε_i} with {@code ε_i ε_j = 0}; a unary
 * function maps it to {@code f(v) + f'(v) Σ_i p_i ε_i}, a binary one to
 * {@code f(v, w) + Σ_i (∂_a f · p_i + ∂_b f · q_i) ε_i}. Every operation is written once, through
 * {@code compose}: the values and the first-derivative rules are those of {@link Op}
 * ({@link Op#apply}, {@link Op#derivative}, {@link Op#partialLeft}, {@link Op#partialRight}), the
 * same table the {@code dual} provider's tape evaluator uses, with the same conventions at kinks and
 * domain edges ({@code abs'(0) = 0}, ½ to each argument of {@code min}/{@code max} at a tie,
 * {@code x^0} has derivative 0, …).
 *
 * <p><b>Structural zeros.</b> A partial that is exactly 0 stays exactly 0 through every operation,
 * even when the local derivative is infinite or NaN: {@code x + 0·log(y)} at y = 0 has ∂/∂x = 1, not
 * NaN (the "NaN-safe" rule of ForwardDiff.jl). The tape evaluator gets the same result from the
 * formula's dependency sets; a dual number, which has none, treats an exact zero as one.
 *
 * <p><b>Guarantees.</b> Immutable and thread-safe. Every operation allocates one new array of n
 * partials; for many evaluations of one function, prepare a {@link dev.partials.Formula} with
 * {@code PartialDerivative.of("dual")} instead, whose passes allocate nothing.
 *
 * @since 0.1
 */
public final class Dual {

    private final double value;
    private final double[] partials;

    private Dual(double value, double[] partials) {
        this.value = value;
        this.partials = partials;
    }

    /**
     * Independent variable {@code index} of {@code dimension}: partial 1 with respect to itself, 0 to
     * the others.
     *
     * @throws PartialsException {@link PartialsException.Kind#INVALID_ARGUMENT} for a negative
     *         dimension, {@link PartialsException.Kind#DIMENSION_MISMATCH} for an index outside
     *         {@code 0 … dimension-1}
     */
    public static Dual variable(int dimension, int index, double value) {
        checkDimension(dimension);
        if (index < 0 || index >= dimension) {
            throw PartialsException.builder(PartialsException.Kind.DIMENSION_MISMATCH,
                    "variable index " + index + " outside 0.." + (dimension - 1) + " (dimension " + dimension + ")")
                    .order(index).build();
        }
        double[] p = new double[dimension];
        p[index] = 1.0;
        return new Dual(value, p);
    }

    /**
     * A constant of {@code dimension} variables: every partial 0.
     *
     * @throws PartialsException {@link PartialsException.Kind#INVALID_ARGUMENT} for a negative dimension
     */
    public static Dual constant(int dimension, double value) {
        checkDimension(dimension);
        return new Dual(value, new double[dimension]);
    }

    private static void checkDimension(int dimension) {
        if (dimension < 0) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "a dual number needs a dimension >= 0, got " + dimension).order(dimension).build();
        }
    }

    /** The value. */
    public double value() {
        return value;
    }

    /** The number of variables, n. */
    public int dimension() {
        return partials.length;
    }

    /**
     * ∂/∂x_i.
     *
     * @throws PartialsException {@link PartialsException.Kind#DIMENSION_MISMATCH} for an index outside
     *         {@code 0 … n-1}
     */
    public double partial(int i) {
        if (i < 0 || i >= partials.length) {
            throw PartialsException.builder(PartialsException.Kind.DIMENSION_MISMATCH,
                    "partial " + i + " outside 0.." + (partials.length - 1)).order(i).build();
        }
        return partials[i];
    }

    /** All partials {@code (∂/∂x_0, …, ∂/∂x_{n-1})}, as a new array. */
    public double[] gradient() {
        return partials.clone();
    }

    // ------------------------------------------------------------------------------------------------
    // The chain rule, once

    /** {@code op(this)}. */
    private Dual compose(Op op) {
        double v = op.apply(value);
        return new Dual(v, scaled(Rules.derivative(op, value, v), partials));
    }

    /** {@code op(this, other)}. */
    private Dual compose(Op op, Dual other) {
        if (other.partials.length != partials.length) {
            throw PartialsException.builder(PartialsException.Kind.DIMENSION_MISMATCH,
                    "dual numbers of dimensions " + partials.length + " and " + other.partials.length
                            + " cannot be combined").order(other.partials.length).build();
        }
        double v = op.apply(value, other.value);
        double dl = op.partialLeft(value, other.value, v);
        double dr = op.partialRight(value, other.value, v);
        double[] p = new double[partials.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = term(dl, partials[i]) + term(dr, other.partials[i]);
        }
        return new Dual(v, p);
    }

    /** {@code op(this, c)} for a constant right operand. */
    private Dual composeLeft(Op op, double c) {
        double v = op.apply(value, c);
        return new Dual(v, scaled(op.partialLeft(value, c, v), partials));
    }

    private static double[] scaled(double d, double[] g) {
        if (d == 1.0) {
            return g; // immutable: share
        }
        double[] p = new double[g.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = term(d, g[i]);
        }
        return p;
    }

    /** {@code d · g}, and exactly 0 when g is 0 (a structural zero), even for an infinite or NaN d. */
    private static double term(double d, double g) {
        return g == 0.0 ? 0.0 : d * g;
    }

    // ------------------------------------------------------------------------------------------------
    // Arithmetic

    /** {@code this + other}. */
    public Dual add(Dual other) {
        return compose(Op.ADD, other);
    }

    /** {@code this + c}. */
    public Dual add(double c) {
        return composeLeft(Op.ADD, c);
    }

    /** {@code this - other}. */
    public Dual subtract(Dual other) {
        return compose(Op.SUBTRACT, other);
    }

    /** {@code this - c}. */
    public Dual subtract(double c) {
        return composeLeft(Op.SUBTRACT, c);
    }

    /** {@code this * other}. */
    public Dual multiply(Dual other) {
        return compose(Op.MULTIPLY, other);
    }

    /** {@code this * c}. */
    public Dual multiply(double c) {
        return composeLeft(Op.MULTIPLY, c);
    }

    /** {@code this / other}. */
    public Dual divide(Dual other) {
        return compose(Op.DIVIDE, other);
    }

    /** {@code this / c}. */
    public Dual divide(double c) {
        return composeLeft(Op.DIVIDE, c);
    }

    /** {@code -this}. */
    public Dual negate() {
        return compose(Op.NEGATE);
    }

    /**
     * {@code this ^ c} for a constant exponent: an integer c works for a negative base, and
     * {@code x^0 = 1} with derivative 0.
     */
    public Dual pow(double c) {
        return composeLeft(Op.POWER, c);
    }

    /** {@code this ^ exponent}; ∂/∂exponent is 0 at a zero base with a positive exponent. */
    public Dual pow(Dual exponent) {
        return compose(Op.POWER, exponent);
    }

    /** {@code atan2(this, x)}: the angle of the point {@code (x, this)}. */
    public Dual atan2(Dual x) {
        return compose(Op.ATAN2, x);
    }

    /** {@code min(this, other)}; at a tie each argument gets half of the derivative. */
    public Dual min(Dual other) {
        return compose(Op.MIN, other);
    }

    /** {@code max(this, other)}; at a tie each argument gets half of the derivative. */
    public Dual max(Dual other) {
        return compose(Op.MAX, other);
    }

    // ------------------------------------------------------------------------------------------------
    // Functions

    /** {@code sin(this)}. */
    public Dual sin() {
        return compose(Op.SIN);
    }

    /** {@code cos(this)}. */
    public Dual cos() {
        return compose(Op.COS);
    }

    /** {@code tan(this)}. */
    public Dual tan() {
        return compose(Op.TAN);
    }

    /** {@code asin(this)}; NaN outside [-1, 1]. */
    public Dual asin() {
        return compose(Op.ASIN);
    }

    /** {@code acos(this)}; NaN outside [-1, 1]. */
    public Dual acos() {
        return compose(Op.ACOS);
    }

    /** {@code atan(this)}. */
    public Dual atan() {
        return compose(Op.ATAN);
    }

    /** {@code sinh(this)}. */
    public Dual sinh() {
        return compose(Op.SINH);
    }

    /** {@code cosh(this)}. */
    public Dual cosh() {
        return compose(Op.COSH);
    }

    /** {@code tanh(this)}. */
    public Dual tanh() {
        return compose(Op.TANH);
    }

    /** {@code exp(this)}. */
    public Dual exp() {
        return compose(Op.EXP);
    }

    /** {@code log(this)}, the natural logarithm. */
    public Dual log() {
        return compose(Op.LOG);
    }

    /** {@code sqrt(this)}; derivative +∞ at 0. */
    public Dual sqrt() {
        return compose(Op.SQRT);
    }

    /** {@code abs(this)}; derivative 0 at 0. */
    public Dual abs() {
        return compose(Op.ABS);
    }

    /** {@code sigmoid(this) = 1 / (1 + exp(-this))}. */
    public Dual sigmoid() {
        return compose(Op.SIGMOID);
    }

    /** {@code relu(this) = max(this, 0)}; derivative 0 at 0. */
    public Dual relu() {
        return compose(Op.RELU);
    }

    /** {@code softplus(this) = log(1 + exp(this))}. */
    public Dual softplus() {
        return compose(Op.SOFTPLUS);
    }

    // ------------------------------------------------------------------------------------------------

    /** Equal when the values and all partials are equal (as by {@link Double#compare}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dual d && Double.compare(value, d.value) == 0 && Arrays.equals(partials, d.partials);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value) * 31 + Arrays.hashCode(partials);
    }

    /** {@code "Dual[7.0; 8.0, 3.0]"}: the value, then the partials. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Dual[").append(value).append(';');
        for (int i = 0; i < partials.length; i++) {
            sb.append(i == 0 ? " " : ", ").append(partials[i]);
        }
        return sb.append(']').toString();
    }
}
