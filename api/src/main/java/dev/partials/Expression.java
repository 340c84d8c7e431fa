package dev.partials;

import dev.partials.internal.Printer;
import dev.partials.spi.Traversal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable mathematical expression: a DAG of {@link Constant exact constants},
 * {@link MathConstant symbolic constants}, {@link Variable variables}, and {@link Unary unary} and
 * {@link Binary binary} operations over the closed set {@link Op}.
 *
 * <p>Expressions come from {@link Formula#parse(String)}, from tracing Java code with
 * {@link Formula#trace}, or from the fluent methods below, which build the same DAG:
 *
 * {@snippet class=dev.partials.ApiSnippets region=expression}
 *
 * <p><b>Guarantees.</b> Building, hashing, equality and printing never recurse without bound and
 * cost time linear in the number of distinct nodes, so a sum of 100,000 terms built in a loop and the
 * squaring chain {@code x1 = x*x, x2 = x1*x1, …, x60} (a tree of 2^60 leaves, 61 distinct nodes) are
 * ordinary inputs. Equality is structural; a shared subexpression is compared once. Implementations
 * are immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface Expression permits Constant, Variable, MathConstant, Unary, Binary {

    /** The variable named {@code name}. */
    static Expression variable(String name) {
        return new Variable(name);
    }

    /** The exact integer {@code value}. */
    static Expression constant(long value) {
        return new Constant(Rational.of(value));
    }

    /** The exact rational {@code value}. */
    static Expression constant(Rational value) {
        return new Constant(value);
    }

    /**
     * The exact value of the {@code double} {@code value} (0.1 is the binary value Java uses); an
     * integral value is kept as an integer.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#INVALID_ARGUMENT} for NaN or ∞
     */
    static Expression constant(double value) {
        if (!Double.isFinite(value)) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "a constant must be finite, got " + value).build();
        }
        return new Constant(Rational.ofDouble(value));
    }

    /** {@code op(operand)}. */
    static Expression unary(Op op, Expression operand) {
        return new Unary(op, operand);
    }

    /** {@code op(left, right)}. */
    static Expression binary(Op op, Expression left, Expression right) {
        return new Binary(op, left, right);
    }

    /** {@code this + other}. */
    default Expression plus(Expression other) {
        return new Binary(Op.ADD, this, other);
    }

    /** {@code this + c}. */
    default Expression plus(double c) {
        return plus(constant(c));
    }

    /** {@code this - other}. */
    default Expression minus(Expression other) {
        return new Binary(Op.SUBTRACT, this, other);
    }

    /** {@code this - c}. */
    default Expression minus(double c) {
        return minus(constant(c));
    }

    /** {@code this * other}. */
    default Expression times(Expression other) {
        return new Binary(Op.MULTIPLY, this, other);
    }

    /** {@code this * c}. */
    default Expression times(double c) {
        return times(constant(c));
    }

    /** {@code this / other}. */
    default Expression div(Expression other) {
        return new Binary(Op.DIVIDE, this, other);
    }

    /** {@code this / c}. */
    default Expression div(double c) {
        return div(constant(c));
    }

    /** {@code this ^ exponent}. */
    default Expression pow(Expression exponent) {
        return new Binary(Op.POWER, this, exponent);
    }

    /** {@code this ^ n}. */
    default Expression pow(long n) {
        return pow(constant(n));
    }

    /** {@code this ^ c}. */
    default Expression pow(double c) {
        return pow(constant(c));
    }

    /** {@code -this}. */
    default Expression negate() {
        return new Unary(Op.NEGATE, this);
    }

    /** {@code atan2(this, x)}: the angle of the point {@code (x, this)}. */
    default Expression atan2(Expression x) {
        return new Binary(Op.ATAN2, this, x);
    }

    /** {@code min(this, other)}. */
    default Expression min(Expression other) {
        return new Binary(Op.MIN, this, other);
    }

    /** {@code max(this, other)}. */
    default Expression max(Expression other) {
        return new Binary(Op.MAX, this, other);
    }

    /** {@code sin(this)}. */
    default Expression sin() {
        return new Unary(Op.SIN, this);
    }

    /** {@code cos(this)}. */
    default Expression cos() {
        return new Unary(Op.COS, this);
    }

    /** {@code tan(this)}. */
    default Expression tan() {
        return new Unary(Op.TAN, this);
    }

    /** {@code asin(this)}. */
    default Expression asin() {
        return new Unary(Op.ASIN, this);
    }

    /** {@code acos(this)}. */
    default Expression acos() {
        return new Unary(Op.ACOS, this);
    }

    /** {@code atan(this)}. */
    default Expression atan() {
        return new Unary(Op.ATAN, this);
    }

    /** {@code sinh(this)}. */
    default Expression sinh() {
        return new Unary(Op.SINH, this);
    }

    /** {@code cosh(this)}. */
    default Expression cosh() {
        return new Unary(Op.COSH, this);
    }

    /** {@code tanh(this)}. */
    default Expression tanh() {
        return new Unary(Op.TANH, this);
    }

    /** {@code exp(this)}. */
    default Expression exp() {
        return new Unary(Op.EXP, this);
    }

    /** {@code log(this)}, the natural logarithm. */
    default Expression log() {
        return new Unary(Op.LOG, this);
    }

    /** {@code sqrt(this)}. */
    default Expression sqrt() {
        return new Unary(Op.SQRT, this);
    }

    /** {@code abs(this)}. */
    default Expression abs() {
        return new Unary(Op.ABS, this);
    }

    /** {@code sigmoid(this)}. */
    default Expression sigmoid() {
        return new Unary(Op.SIGMOID, this);
    }

    /** {@code relu(this)}. */
    default Expression relu() {
        return new Unary(Op.RELU, this);
    }

    /** {@code softplus(this)}. */
    default Expression softplus() {
        return new Unary(Op.SOFTPLUS, this);
    }

    /**
     * The expression in the formula language, with minimal parentheses; it parses back to an equal
     * expression: {@code x^2 + 3*x*y}, {@code x - y}, {@code 1/3*x}, {@code sin(x)^2}.
     */
    default String text() {
        return Printer.text(this);
    }

    /** The expression as LaTeX: {@code x^{2} + 3 x y}, {@code \frac{1}{3}}, {@code \sin\left(x\right)}. */
    default String latex() {
        return Printer.latex(this);
    }

    /** The names of the variables that occur, in order of first occurrence (left to right). */
    default Set<String> variableNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Expression e : Traversal.postOrder(List.of(this))) {
            if (e instanceof Variable v) {
                names.add(v.name());
            }
        }
        return names;
    }

    /** The number of distinct nodes of this DAG (a shared subexpression counts once). */
    default int nodeCount() {
        return Traversal.postOrder(List.of(this)).size();
    }
}
