package dev.partials.symbolic;

import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.MultiIndex;
import dev.partials.PartialsException;
import dev.partials.Rational;
import java.util.List;
import java.util.Optional;

/**
 * The derivatives of a formula prepared by the {@code symbolic} provider: everything
 * {@link Derivatives} offers, plus the derivatives as expressions and exact rational evaluation.
 *
 * <p>Numeric results come from the derivative expressions compiled to a
 * {@link dev.partials.spi.Program} (one program per request shape, shared subexpressions computed
 * once: a gradient, a Jacobian or a Hessian is one pass) and follow the conventions of
 * {@link dev.partials.Op}. Derivative expressions are computed on first request and cached per
 * output and multi-index; higher orders are built from lower ones.
 *
 * <p>Implemented by the provider only; immutable and thread-safe.
 *
 * @since 0.1
 */
public interface SymbolicDerivatives extends Derivatives {

    /**
     * The partial {@code index} of output {@code output}, simplified; the order-0 index gives the
     * simplified output itself.
     *
     * @throws PartialsException {@link PartialsException.Kind#NO_SUCH_OUTPUT} or
     *         {@link PartialsException.Kind#DIMENSION_MISMATCH}
     */
    Expression derivative(int output, MultiIndex index);

    /** As {@link #derivative}: the symbolic provider always has the expression. */
    @Override
    default Optional<Expression> derivativeExpression(int output, MultiIndex index) {
        return Optional.of(derivative(output, index));
    }

    /** The gradient of output {@code output}: {@code (∂f/∂x_0, …, ∂f/∂x_{n-1})}. */
    List<Expression> gradientExpressions(int output);

    /** The m × n Jacobian: row k is the gradient of output k. */
    ExpressionMatrix jacobianExpressions();

    /** The n × n Hessian of output {@code output}. */
    ExpressionMatrix hessianExpressions(int output);

    /**
     * The partial {@code index} of output {@code output} at a rational point, exactly: for
     * expressions built from rational constants with +, −, ×, ÷, integer powers, exact roots,
     * {@code abs}, {@code relu}, {@code min} and {@code max} (polynomials and quotients among them).
     *
     * @throws PartialsException {@link PartialsException.Kind#NOT_SUPPORTED} when the derivative is
     *         not rational (it contains π, e or a transcendental function),
     *         {@link PartialsException.Kind#INVALID_ARGUMENT} where it is undefined (a division by
     *         zero), {@link PartialsException.Kind#RESULT_TOO_LARGE} beyond 2^20 bits, and the kinds
     *         of {@link dev.partials.spi.Checks}
     */
    Rational partialExact(int output, MultiIndex index, Rational... point);
}
