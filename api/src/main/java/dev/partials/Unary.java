package dev.partials;

import java.util.Objects;

/**
 * A unary operation applied to an operand: {@code -x}, {@code sin(x)}.
 *
 * <p>A final class rather than a record: a record's generated {@code equals} and {@code hashCode}
 * recurse through the whole tree, which is exponential on a shared DAG and overflows the stack on a
 * deep one. This class caches its hash at construction (children first, so in constant time) and
 * compares structurally without recursion; see {@link Expression}.
 *
 * @since 0.1
 */
public final class Unary implements Expression {

    private final Op op;
    private final Expression operand;
    private final int hash;

    /**
     * Applies {@code op} to {@code operand}.
     *
     * @throws IllegalArgumentException if {@code op} is not unary
     */
    public Unary(Op op, Expression operand) {
        this.op = Objects.requireNonNull(op, "op");
        this.operand = Objects.requireNonNull(operand, "operand");
        if (op.arity() != 1) {
            throw new IllegalArgumentException(op + " is not a unary operation");
        }
        this.hash = 31 * (op.ordinal() + 1) + 0x9E3779B9 * operand.hashCode();
    }

    /** The operation. */
    public Op op() {
        return op;
    }

    /** The operand. */
    public Expression operand() {
        return operand;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unary u && Structural.equal(this, u);
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
