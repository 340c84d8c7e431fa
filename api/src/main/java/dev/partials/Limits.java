package dev.partials;

/**
 * The limits partials enforces so that no input can exhaust the stack, the heap or the clock. Each
 * one exceeded gives a {@link PartialsException} of its own kind, never a crash or a hang.
 *
 * @since 0.1
 */
public final class Limits {

    /** Longest formula text, in characters ({@link PartialsException.Kind#FORMULA_TOO_LONG}). */
    public static final int MAX_FORMULA_LENGTH = 4_000_000;

    /**
     * Deepest nesting of parentheses, brackets, function calls, signs and powers in a formula text
     * ({@link PartialsException.Kind#NESTING_TOO_DEEP}). Expressions built in Java may be deeper:
     * every algorithm over expressions is iterative.
     */
    public static final int MAX_DEPTH = 1_000;

    /** Most distinct nodes in one formula ({@link PartialsException.Kind#TOO_MANY_NODES}). */
    public static final int MAX_NODES = 2_000_000;

    /**
     * Most decimal digits (or decimal exponent) in a numeric literal, and most bits in an exact
     * constant produced by folding ({@link PartialsException.Kind#NUMBER_TOO_LARGE}).
     */
    public static final int MAX_LITERAL_DIGITS = 1_300;

    /**
     * Most bits an exact constant may reach by folding before it is kept symbolic. 4,096 bits are
     * about 1,233 decimal digits, within {@link #MAX_LITERAL_DIGITS}, so every folded constant prints
     * as text that parses back.
     */
    public static final int MAX_EXACT_BITS = 4_096;

    /** Highest derivative order any request may ask for ({@link PartialsException.Kind#ORDER_NOT_SUPPORTED}). */
    public static final int MAX_ORDER = 64;

    private Limits() {
    }
}
