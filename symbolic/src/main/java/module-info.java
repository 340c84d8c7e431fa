/**
 * The {@code symbolic} provider: symbolic partial derivatives, simplified to a textbook canonical
 * form, printed as text and LaTeX, evaluated in {@code double} through a compiled
 * {@link dev.partials.spi.Program} and exactly in rationals.
 *
 * <p>Reached like every provider through {@code PartialDerivative.of("symbolic")}; its derivative
 * expressions through {@link dev.partials.Derivatives#derivativeExpression}. The small exported
 * package {@code dev.partials.symbolic} adds what only a symbolic provider can offer (expression
 * matrices, simplification, bounded expansion, common-subexpression printing, exact evaluation);
 * the implementation package is not exported.
 *
 * @provides dev.partials.PartialDerivative the provider with id {@code symbolic}
 */
module dev.partials.symbolic {
    requires transitive dev.partials.api;

    exports dev.partials.symbolic;

    provides dev.partials.PartialDerivative with dev.partials.symbolic.internal.SymbolicProvider;
}
