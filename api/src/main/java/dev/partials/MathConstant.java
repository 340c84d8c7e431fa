package dev.partials;

/**
 * The symbolic constants of the formula language: {@code pi} and {@code e}. They stay symbolic inside
 * expressions; providers that compute in {@code double} use {@link #doubleValue()}.
 *
 * <p>A formula that declares a variable named {@code e} or {@code pi} explicitly
 * ({@code Formula.parse("e^2", "e")}) reads that name as the variable instead.
 *
 * @since 0.1
 */
public enum MathConstant implements Expression {
    /** π = 3.14159…. */
    PI("pi", Math.PI),
    /** e = 2.71828…, the base of the natural logarithm. */
    E("e", Math.E);

    private final String symbol;
    private final double value;

    MathConstant(String symbol, double value) {
        this.symbol = symbol;
        this.value = value;
    }

    /** The name in the formula language. */
    public String symbol() {
        return symbol;
    }

    /** The nearest {@code double}. */
    public double doubleValue() {
        return value;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
