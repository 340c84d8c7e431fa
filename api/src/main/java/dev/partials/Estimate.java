package dev.partials;

/**
 * A computed value with an estimate of its absolute error, as approximate providers return it.
 *
 * @param value the computed value
 * @param error an estimate of {@code |value - exact|}; non-negative, or NaN when no estimate exists
 * @since 0.1
 */
public record Estimate(double value, double error) {
}
