/**
 * Configuration of the numeric providers of partials: {@link dev.partials.numeric.FiniteDifference}
 * builds {@code finite-difference} providers with chosen stencils, accuracy order, step, Richardson
 * terms and per-variable bounds. The registered providers ({@code PartialDerivative.of("finite-difference")},
 * {@code PartialDerivative.of("complex-step")}) need no configuration.
 *
 * <h2>Choosing between them</h2>
 * <table class="striped">
 * <caption>The numeric providers</caption>
 * <thead><tr><th>id</th><th>orders</th><th>accuracy</th><th>cost per first partial</th></tr></thead>
 * <tbody>
 * <tr><td>{@code complex-step}</td><td>1</td><td>exact to rounding</td><td>one complex pass</td></tr>
 * <tr><td>{@code finite-difference}</td><td>≤ 4, mixed</td><td>~1e-14 relative by default on smooth
 *     functions, with an error estimate</td><td>ten evaluations</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Null policy: no method of this package accepts or returns {@code null} unless its
 * documentation says so.
 *
 * @since 0.1
 */
package dev.partials.numeric;
