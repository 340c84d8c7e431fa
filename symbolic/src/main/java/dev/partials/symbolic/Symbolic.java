package dev.partials.symbolic;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.Rational;
import dev.partials.symbolic.internal.Engine;
import dev.partials.symbolic.internal.SymbolicProvider;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entry points of the symbolic engine for direct use: prepare a formula with the richer
 * {@link SymbolicDerivatives}, and simplify, expand, differentiate, print with common
 * subexpressions named, or evaluate exactly any expression.
 *
 * {@snippet :
 * Expression f = Formula.parse("x*y + 2*y*x").output(0);
 * Expression s = Symbolic.simplify(f);                                   // 3*x*y
 * Expression g = Symbolic.expand(Formula.parse("(x + 1)^2").output(0), 100);   // x^2 + 2*x + 1
 * Expression d = Symbolic.differentiate(Formula.parse("sin(x)*cos(x)").output(0), "x");
 *                                                                        // cos(x)^2 - sin(x)^2
 * }
 *
 * <p>For a standalone expression, the variables are ordered as {@link Formula#parse(String)}
 * orders them ({@link Formula#NATURAL_ORDER}); that order is the canonical order of terms.
 *
 * @since 0.1
 */
public final class Symbolic {

    private Symbolic() {
    }

    /**
     * The derivatives of {@code formula} by the {@code symbolic} provider, typed with what only it
     * offers; the same as {@code (SymbolicDerivatives) PartialDerivative.of("symbolic").prepare(formula)}.
     */
    public static SymbolicDerivatives prepare(Formula formula) {
        return new SymbolicProvider().prepare(formula);
    }

    /**
     * {@code e} in canonical form (see the {@linkplain dev.partials.symbolic package documentation}).
     * Idempotent: {@code simplify(simplify(e)).equals(simplify(e))}, and the printed form reads back
     * to the same canonical form. One bound keeps chains linear: a sum (product) of more than 16
     * terms (factors) that becomes a term (factor) of another stays grouped in parentheses rather
     * than being merged, so for such large nested results the canonical form is unique up to that
     * grouping.
     */
    public static Expression simplify(Expression e) {
        return Engine.simplify(Objects.requireNonNull(e, "expression"));
    }

    /**
     * {@code e} with products of sums and positive integer powers of sums multiplied out (also
     * inside function arguments), like terms collected: {@code (x + 1)^2} is {@code x^2 + 2*x + 1}.
     *
     * @param maxTerms the most terms any sum may have along the way; a product of sums of a and b
     *                 terms counts a·b, a power {@code (t terms)^k} counts its multinomial number of
     *                 terms
     * @throws PartialsException {@link PartialsException.Kind#RESULT_TOO_LARGE} (with the limit as its
     *         {@linkplain PartialsException#order() count}) before doing work beyond the limit;
     *         {@link PartialsException.Kind#INVALID_ARGUMENT} for {@code maxTerms < 1}
     */
    public static Expression expand(Expression e, int maxTerms) {
        if (maxTerms < 1) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "maxTerms must be at least 1, got " + maxTerms).order(maxTerms).build();
        }
        return Engine.expand(Objects.requireNonNull(e, "expression"), maxTerms);
    }

    /**
     * The derivative of {@code e} with respect to each of {@code variables} in turn, simplified;
     * {@code differentiate(e, "x", "y")} is ∂²e/∂x∂y. A variable that does not occur gives 0.
     *
     * @throws PartialsException {@link PartialsException.Kind#INVALID_VARIABLE_NAME} for a name that
     *         is not an identifier
     */
    public static Expression differentiate(Expression e, String... variables) {
        Objects.requireNonNull(e, "expression");
        return Engine.differentiate(e, List.of(variables));
    }

    /**
     * The expressions with their common subexpressions named (after identifying structurally equal
     * subexpressions): {@code t1 = …; t2 = …; result = …}.
     */
    public static CommonSubexpressions cse(List<? extends Expression> expressions) {
        return Engine.cse(List.copyOf(expressions));
    }

    /**
     * The exact value of {@code e} (simplified first) at the rational values of its variables.
     *
     * @throws PartialsException {@link PartialsException.Kind#UNKNOWN_VARIABLE} for a variable
     *         without a value, and the kinds of {@link SymbolicDerivatives#partialExact}
     */
    public static Rational evaluate(Expression e, Map<String, Rational> values) {
        return Engine.evaluate(Objects.requireNonNull(e, "expression"), Map.copyOf(values));
    }
}
