package dev.partials;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed set of operations of the formula language, each with its {@code double} value function
 * and its first-derivative functions, defined once here so that every provider shares them.
 *
 * <p>The numerical conventions of partials (identical in every provider) live in these functions:
 *
 * <table class="striped">
 * <caption>Conventions at kinks and domain edges</caption>
 * <thead><tr><th>case</th><th>convention</th></tr></thead>
 * <tbody>
 * <tr><td>{@code abs}, {@code relu} at 0</td><td>derivative 0</td></tr>
 * <tr><td>{@code min}, {@code max} at a tie</td><td>½ to each argument</td></tr>
 * <tr><td>{@code sqrt} at 0</td><td>+∞</td></tr>
 * <tr><td>{@code x^y}, y = 0</td><td>value 1, ∂/∂x = 0 (also at x = 0)</td></tr>
 * <tr><td>{@code x^y}, integer y</td><td>∂/∂x = y·x^(y-1), defined for x ≤ 0 too</td></tr>
 * <tr><td>{@code x^y} at x = 0</td><td>∂/∂y = 0 for y &gt; 0 (never 0·log 0)</td></tr>
 * <tr><td>negative base, non-integer exponent</td><td>NaN</td></tr>
 * <tr><td>outside a domain ({@code log(-1)}, {@code asin(2)})</td><td>NaN value and NaN partials</td></tr>
 * <tr><td>branches ({@code min}, {@code max}, {@code abs}, {@code relu})</td><td>the derivative of the branch taken</td></tr>
 * </tbody>
 * </table>
 *
 * <p>The structural-zero convention (∂f/∂xᵢ is exactly 0 when f does not depend on xᵢ) is the
 * provider's part: a provider applies the chain rule only to operands that structurally depend on
 * the variable, so a NaN partial such as ∂(x^y)/∂y at x &lt; 0 never multiplies a zero tangent.
 *
 * {@snippet :
 * double v = Op.SIN.apply(0.5);                 // sin(0.5)
 * double d = Op.SIN.derivative(0.5, v);         // cos(0.5)
 * double dx = Op.POWER.partialLeft(2, 3, 8);    // 3 * 2^2 = 12
 * }
 *
 * @since 0.1
 */
public enum Op {
    /** {@code a + b}. */
    ADD("+", 2),
    /** {@code a - b}. */
    SUBTRACT("-", 2),
    /** {@code a * b}. */
    MULTIPLY("*", 2),
    /** {@code a / b}. */
    DIVIDE("/", 2),
    /** {@code a ^ b}, also written {@code pow(a, b)}. */
    POWER("pow", 2),
    /** {@code atan2(y, x)}: the angle of the point (x, y). */
    ATAN2("atan2", 2),
    /** {@code min(a, b)}. */
    MIN("min", 2),
    /** {@code max(a, b)}. */
    MAX("max", 2),
    /** {@code -a}. */
    NEGATE("-", 1),
    /** {@code sin(a)}. */
    SIN("sin", 1),
    /** {@code cos(a)}. */
    COS("cos", 1),
    /** {@code tan(a)}. */
    TAN("tan", 1),
    /** {@code asin(a)}, NaN outside [-1, 1]. */
    ASIN("asin", 1),
    /** {@code acos(a)}, NaN outside [-1, 1]. */
    ACOS("acos", 1),
    /** {@code atan(a)}. */
    ATAN("atan", 1),
    /** {@code sinh(a)}. */
    SINH("sinh", 1),
    /** {@code cosh(a)}. */
    COSH("cosh", 1),
    /** {@code tanh(a)}. */
    TANH("tanh", 1),
    /** {@code exp(a)}. */
    EXP("exp", 1),
    /** {@code log(a)}, the natural logarithm; NaN for negative a, -∞ at 0. */
    LOG("log", 1),
    /** {@code sqrt(a)}; NaN for negative a; derivative +∞ at 0. */
    SQRT("sqrt", 1),
    /** {@code abs(a)}; derivative 0 at 0. */
    ABS("abs", 1),
    /** {@code sigmoid(a) = 1 / (1 + exp(-a))}. */
    SIGMOID("sigmoid", 1),
    /** {@code relu(a) = max(a, 0)}; derivative 0 at 0. */
    RELU("relu", 1),
    /** {@code softplus(a) = log(1 + exp(a))}, computed without overflow. */
    SOFTPLUS("softplus", 1);

    private static final Map<String, Op> FUNCTIONS = Arrays.stream(values())
            .filter(op -> op.isFunction())
            .collect(Collectors.toUnmodifiableMap(Op::symbol, Function.identity()));

    private final String symbol;
    private final int arity;

    Op(String symbol, int arity) {
        this.symbol = symbol;
        this.arity = arity;
    }

    /**
     * The name in the formula language: {@code "+"} for {@link #ADD}, {@code "sin"} for
     * {@link #SIN}, {@code "pow"} for {@link #POWER} (printed as {@code ^}).
     */
    public String symbol() {
        return symbol;
    }

    /** 1 for unary operations, 2 for binary ones. */
    public int arity() {
        return arity;
    }

    /** Whether this operation is written as a function call ({@code sin(x)}, {@code atan2(y, x)}). */
    public boolean isFunction() {
        return Character.isLetter(symbol.charAt(0));
    }

    /** The function of that name ({@code "sin"}, {@code "pow"}, …), if the language has one. */
    public static Optional<Op> function(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    /** The names of all functions of the language, sorted. */
    public static List<String> functionNames() {
        return FUNCTIONS.keySet().stream().sorted().toList();
    }

    /**
     * The value of a unary operation at {@code a}.
     *
     * @throws IllegalStateException if this operation is binary
     */
    public double apply(double a) {
        return switch (this) {
            case NEGATE -> -a;
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case ASIN -> Math.asin(a);
            case ACOS -> Math.acos(a);
            case ATAN -> Math.atan(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case TANH -> Math.tanh(a);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case SQRT -> Math.sqrt(a);
            case ABS -> Math.abs(a);
            case SIGMOID -> sigmoid(a);
            case RELU -> a > 0 ? a : (a == a ? 0.0 : a);
            case SOFTPLUS -> softplus(a);
            default -> throw notArity(1);
        };
    }

    /**
     * The value of a binary operation at {@code (a, b)}.
     *
     * @throws IllegalStateException if this operation is unary
     */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case POWER -> pow(a, b);
            case ATAN2 -> Math.atan2(a, b);
            case MIN -> a < b ? a : (b < a ? b : (a == b ? a : Double.NaN));
            case MAX -> a > b ? a : (b > a ? b : (a == b ? a : Double.NaN));
            default -> throw notArity(2);
        };
    }

    /**
     * The first derivative of a unary operation at {@code a}, given its value {@code value} there
     * (several rules reuse it: {@code exp' = exp}, {@code sqrt' = 1/(2 sqrt)}, {@code tan' = 1 + tan²}).
     *
     * @throws IllegalStateException if this operation is binary
     */
    public double derivative(double a, double value) {
        return switch (this) {
            case NEGATE -> -1.0;
            case SIN -> Math.cos(a);
            case COS -> -Math.sin(a);
            case TAN -> 1.0 + value * value;
            case ASIN -> 1.0 / Math.sqrt(1.0 - a * a);
            case ACOS -> -1.0 / Math.sqrt(1.0 - a * a);
            case ATAN -> 1.0 / (1.0 + a * a);
            case SINH -> Math.cosh(a);
            case COSH -> Math.sinh(a);
            case TANH -> sech2(a);
            case EXP -> value;
            case LOG -> a < 0 ? Double.NaN : 1.0 / a; // outside the domain: NaN, like the value
            case SQRT -> 0.5 / value;
            case ABS -> a > 0 ? 1.0 : (a < 0 ? -1.0 : (a == 0 ? 0.0 : Double.NaN));
            case SIGMOID -> sigmoidDerivative(a);
            case RELU -> a > 0 ? 1.0 : (a <= 0 ? 0.0 : Double.NaN);
            case SOFTPLUS -> sigmoid(a);
            default -> throw notArity(1);
        };
    }

    /**
     * ∂/∂a of a binary operation {@code op(a, b)}, given its value {@code value}.
     *
     * @throws IllegalStateException if this operation is unary
     */
    public double partialLeft(double a, double b, double value) {
        return switch (this) {
            case ADD, SUBTRACT -> 1.0;
            case MULTIPLY -> b;
            case DIVIDE -> 1.0 / b;
            case POWER -> powPartialBase(a, b);
            case ATAN2 -> b / (a * a + b * b);
            case MIN -> a < b ? 1.0 : (b < a ? 0.0 : (a == b ? 0.5 : Double.NaN));
            case MAX -> a > b ? 1.0 : (b > a ? 0.0 : (a == b ? 0.5 : Double.NaN));
            default -> throw notArity(2);
        };
    }

    /**
     * ∂/∂b of a binary operation {@code op(a, b)}, given its value {@code value}.
     *
     * @throws IllegalStateException if this operation is unary
     */
    public double partialRight(double a, double b, double value) {
        return switch (this) {
            case ADD -> 1.0;
            case SUBTRACT -> -1.0;
            case MULTIPLY -> a;
            case DIVIDE -> -value / b;
            case POWER -> powPartialExponent(a, b, value);
            case ATAN2 -> -a / (a * a + b * b);
            case MIN -> b < a ? 1.0 : (a < b ? 0.0 : (a == b ? 0.5 : Double.NaN));
            case MAX -> b > a ? 1.0 : (a > b ? 0.0 : (a == b ? 0.5 : Double.NaN));
            default -> throw notArity(2);
        };
    }

    /** {@code 1 / (1 + exp(-a))}, without overflow for large |a|. */
    public static double sigmoid(double a) {
        if (a >= 0) {
            return 1.0 / (1.0 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1.0 + e);
    }

    /**
     * {@code tanh'(a) = sech²(a) = 4e/(1+e)²} with {@code e = exp(-2|a|)}: accurate to a few ulps in
     * relative terms for every a, where {@code 1 - tanh²(a)} loses all digits as |a| grows (at a = 9
     * half of them).
     */
    public static double sech2(double a) {
        double e = Math.exp(-2.0 * Math.abs(a));
        return 4.0 * e / ((1.0 + e) * (1.0 + e));
    }

    /**
     * {@code sigmoid'(a) = sigmoid(a)·sigmoid(-a) = e/(1+e)²} with {@code e = exp(-|a|)}: accurate in
     * relative terms for every a, where {@code s(1 - s)} cancels for large a.
     */
    public static double sigmoidDerivative(double a) {
        double e = Math.exp(-Math.abs(a));
        return e / ((1.0 + e) * (1.0 + e));
    }

    /** {@code log(1 + exp(a))}, without overflow for large a. */
    public static double softplus(double a) {
        if (Double.isNaN(a)) {
            return a;
        }
        return Math.max(a, 0.0) + Math.log1p(Math.exp(-Math.abs(a)));
    }

    /**
     * {@code a^b} with the conventions of partials: {@code a^0 = 1} for every a (also 0 and NaN are
     * not special-cased beyond {@link Math#pow}), negative base with a non-integer exponent is NaN.
     */
    public static double pow(double a, double b) {
        if (b == 2.0) {
            return a * a;
        }
        return Math.pow(a, b);
    }

    /** ∂(a^b)/∂a: {@code b * a^(b-1)}, and 0 when b = 0 (so {@code x^0} has derivative 0 everywhere). */
    public static double powPartialBase(double a, double b) {
        if (b == 0.0) {
            return 0.0;
        }
        if (b == 1.0) {
            return 1.0;
        }
        if (b == 2.0) {
            return 2.0 * a;
        }
        return b * Math.pow(a, b - 1.0);
    }

    /**
     * ∂(a^b)/∂b: {@code a^b * log(a)}; 0 at a = 0 for b &gt; 0 (never {@code 0 * log 0}); NaN for a
     * negative base, where {@code a^b} is not differentiable in b.
     */
    public static double powPartialExponent(double a, double b, double value) {
        if (a == 0.0 && b > 0.0) {
            return 0.0;
        }
        return value * Math.log(a);
    }

    private IllegalStateException notArity(int wanted) {
        return new IllegalStateException(this + " takes " + arity + " argument(s), not " + wanted);
    }
}
