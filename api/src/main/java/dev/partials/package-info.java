/**
 * Partial derivatives on the JVM: gradients, Jacobians, Hessians and mixed partials of any order,
 * through interchangeable providers behind one service type, {@link dev.partials.PartialDerivative}.
 *
 * <h2>Using partials</h2>
 * Write the function once, as a formula or traced from Java code, then ask a provider for its
 * derivatives:
 * {@snippet class=dev.partials.ApiSnippets region=using}
 * A prepared {@link dev.partials.Derivatives} is immutable and thread-safe; prepare once, call many
 * times. Every method that returns an array has a twin that writes into a caller's array.
 *
 * <h2>Choosing a provider</h2>
 * Providers differ in exactness, the orders they serve, and speed; their
 * {@link dev.partials.Capabilities} say which, as data. {@code PartialDerivative.of(id)} finds one by
 * id, {@code find(id)} returns an {@code Optional}, {@code all()} lists them,
 * {@code getDefault()} returns {@code dual} when present. A request beyond a provider's capabilities
 * fails with a {@link dev.partials.PartialsException} that names a provider that can serve it.
 *
 * <table class="striped">
 * <caption>The providers of partials</caption>
 * <thead><tr><th>id</th><th>module</th><th>method</th><th>exact?</th></tr></thead>
 * <tbody>
 * <tr><td>{@code dual}</td><td>{@code dev.partials.dual}</td><td>forward-mode dual numbers; Taylor arithmetic for higher orders</td><td>yes (to rounding)</td></tr>
 * <tr><td>{@code symbolic}</td><td>{@code dev.partials.symbolic}</td><td>symbolic differentiation with simplification, text and LaTeX output</td><td>yes</td></tr>
 * <tr><td>{@code finite-difference}</td><td>{@code dev.partials.numeric}</td><td>central stencils, Richardson extrapolation, error estimates</td><td>no (reports its error)</td></tr>
 * <tr><td>{@code complex-step}</td><td>{@code dev.partials.numeric}</td><td>complex-step derivative, first order</td><td>to rounding</td></tr>
 * <tr><td>{@code simd}</td><td>{@code dev.partials.simd}</td><td>many points at once with the Vector API</td><td>yes (to rounding)</td></tr>
 * </tbody>
 * </table>
 *
 * <h2>Numerical conventions</h2>
 * Identical in every provider, and checked by the conformance kit: see {@link dev.partials.Op}.
 *
 * <p>Null policy: no method of this package accepts or returns {@code null} unless its
 * documentation says so.
 *
 * @since 0.1
 */
package dev.partials;
