/**
 * What only a symbolic provider can offer: derivatives as expressions, as matrices of expressions,
 * printed as text and LaTeX, with common subexpressions named; simplification and bounded
 * expansion; exact rational evaluation.
 *
 * <h2>Using the symbolic provider</h2>
 * The provider is found like every other ({@code PartialDerivative.of("symbolic")}) and answers
 * numeric requests like every other; {@link dev.partials.Derivatives#derivativeExpression} gives each
 * partial as an {@link dev.partials.Expression}. For the rest, prepare through {@link
 * dev.partials.symbolic.Symbolic#prepare}, which returns the richer {@link
 * dev.partials.symbolic.SymbolicDerivatives}:
 *
 * {@snippet :
 * SymbolicDerivatives d = Symbolic.prepare(Formula.parse("x^2 + 3*x*y"));
 * String dx = d.derivative(0, MultiIndex.of(1, 0)).text();     // "2*x + 3*y"
 * String tex = d.derivative(0, MultiIndex.of(1, 0)).latex();   // "2 x + 3 y"
 * ExpressionMatrix h = d.hessianExpressions(0);                // [[2, 3], [3, 0]]
 * Rational exact = d.partialExact(0, MultiIndex.of(1, 0), Rational.of(1), Rational.of(2));   // 8
 * }
 *
 * <h2>The canonical form</h2>
 * Results are simplified to a canonical form that reads like a textbook: exact rational constants
 * ({@code 2*x}, never {@code 2.0*x}); n-ary sums with like terms collected and products with equal
 * bases merged; terms in formula variable order, higher degree first; subtraction and quotients
 * where a textbook writes them ({@code x - y}, {@code -2*x}, {@code 2*x/(x^2 + 1)}). Sums are never
 * multiplied out unless {@link dev.partials.symbolic.Symbolic#expand} is asked to, within a limit.
 * Simplification follows the algebra of real numbers, as computer algebra systems do: {@code 0*f}
 * is 0 and {@code x/x} is 1 even where f or 1/x is not finite.
 *
 * <p>Kinks keep the numerical conventions of {@link dev.partials.Op} in closed form: the language
 * has no {@code sign}, so {@code d/dx abs(x)} is written {@code 2*atan2(x, 0)/pi}, which is exactly
 * sign(x) with sign(0) = 0 in every provider; min and max give {@code 1/2 + atan2(y - x, 0)/pi},
 * ½ at a tie.
 *
 * <p>Where the language cannot state a convention in closed form, the printed derivative is the
 * textbook one and the numeric methods add the convention: {@code d/dx log(x)} prints {@code 1/x},
 * and the provider's partial is NaN for x &lt; 0, where log is NaN; {@code d/dy x^y} prints
 * {@code x^y*log(x)}, and the provider's partial is 0 at x = 0 &lt; y (never 0·log 0).
 *
 * <p>Every type here is immutable and thread-safe; arguments are never null.
 *
 * @since 0.1
 */
package dev.partials.symbolic;
