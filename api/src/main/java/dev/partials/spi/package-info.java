/**
 * For provider authors: the {@link dev.partials.spi.Program} IR that numeric providers execute, the
 * argument {@link dev.partials.spi.Checks} every provider applies, and iterative
 * {@link dev.partials.spi.Traversal} of expressions.
 *
 * <h2>Writing a provider</h2>
 * <ol>
 * <li>Implement {@link dev.partials.PartialDerivative}: an id, {@link dev.partials.Capabilities},
 *     and {@code prepare(Formula)} returning an immutable, thread-safe
 *     {@link dev.partials.Derivatives}.</li>
 * <li>Implement at least {@code values} and {@code partial}; the other methods of
 *     {@code Derivatives} have exact defaults built on them. Override what you can do faster.</li>
 * <li>Declare it: {@code provides dev.partials.PartialDerivative with …} in {@code module-info.java}
 *     and the same class name in {@code META-INF/services/dev.partials.PartialDerivative}.</li>
 * <li>Prove it: a test class implementing {@code dev.partials.conformance.ProviderContract}
 *     inherits every property of the contract.</li>
 * </ol>
 *
 * <p>Null policy: no method of this package accepts or returns {@code null} unless its
 * documentation says so.
 *
 * @since 0.1
 */
package dev.partials.spi;
