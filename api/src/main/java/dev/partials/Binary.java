package dev.partials;

import java.util.Objects;

/**
 * A binary operation applied to two operands: {@code x + y}, {@code x^2}, {@code atan2(y, x)}.
 *
 * <p>A final class rather than a record for the reason given in {@link Unary}: cached hash,
 * non-recursive structural equality.
 *
 * @since 0.1
 */
public final class Binary implements Expression {

    private final Op op;
    private final Expression left;
    private final Expression right;
    private final int hash;

    /**
     * Applies {@code op} to {@code left} and {@code right}.
     *
     * @throws IllegalArgumentException if {@code op} is not binary
     */
    public Binary(Op op, Expression left, Expression right) {
        this.op = Objects.requireNonNull(op, "op");
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
        if (op.arity() != 2) {
            throw new IllegalArgumentException(op + " is not a binary operation");
        }
        int h = 31 * (op.ordinal() + 1) + 0x9E3779B9 * left.hashCode();
        this.hash = h * 0x85EBCA6B + right.hashCode();
    }

    /** The operation. */
    public Op op() {
        return op;
    }

    /** The left operand ({@code y} in {@code atan2(y, x)}, the base in {@code a^b}). */
    public Expression left() {
        return left;
    }

    /** The right operand ({@code x} in {@code atan2(y, x)}, the exponent in {@code a^b}). */
    public Expression right() {
        return right;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Binary b && Structural.equal(this, b);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text();
    }
}
