/**
 * Forward-mode automatic differentiation for hand-written Java: the {@link dev.partials.dual.Dual}
 * value type. The provider {@code "dual"} of this module (for formulas) is reached through
 * {@code PartialDerivative.of("dual")}.
 *
 * <p>Null policy: no method of this package accepts or returns {@code null}.
 *
 * @since 0.1
 */
package dev.partials.dual;
