package dev.partials;

import java.util.Objects;

/**
 * An exact rational constant: {@code 3}, {@code 1/3}, {@code 0.125} (kept as 1/8).
 *
 * {@snippet :
 * Expression half = new Constant(Rational.of(1, 2));
 * }
 *
 * @param value the exact value
 * @since 0.1
 */
public record Constant(Rational value) implements Expression {

    /** 0. */
    public static final Constant ZERO = new Constant(Rational.ZERO);
    /** 1. */
    public static final Constant ONE = new Constant(Rational.ONE);

    /** Checks the value is present. */
    public Constant {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return Expression.super.text();
    }
}
