/**
 * The conformance kit: what every provider of partials must satisfy, checked against exact rational
 * arithmetic.
 *
 * <h2>Using the kit</h2>
 * Add {@code partials-conformance} as a test dependency and write one test class that implements
 * {@link dev.partials.conformance.ProviderContract}:
 * {@snippet :
 * class DualTests implements ProviderContract {
 *     @Override
 *     public PartialDerivative provider() {
 *         return PartialDerivative.of("dual");
 *     }
 * }
 * }
 * It inherits one {@code @TestFactory} per property (values, partials, gradients, Hessians, Jacobians,
 * mixed partials up to the maximum order, allocation-free twins, batches, JVPs, the numerical
 * conventions, structural zeros, elementary functions, bad input, capability limits, symbolic output,
 * thread safety, reuse and error estimates), each documented with its requirement. An approximate
 * provider overrides {@link dev.partials.conformance.ProviderContract#approximateTolerance(int)} with
 * the bound of its error model.
 *
 * <h2>Reproducing a failure</h2>
 * Each random property runs {@code -Dpartials.tries=N} cases (default 100) from
 * {@code -Dpartials.seed=N} (default 20261126). A failure is shrunk to a small formula, point and
 * multi-index, and its message gives the seed of the failing try: rerun with
 * {@code -Dpartials.seed=<that seed> -Dpartials.tries=1} to replay it, or paste the Java call it
 * prints.
 *
 * <h2>Building blocks</h2>
 * The pieces are public so that other tests (cross-validation, benchmarks, other property-testing
 * libraries) can use them: {@link dev.partials.conformance.Generator} and
 * {@link dev.partials.conformance.Generators} (plain Java over
 * {@link java.util.random.RandomGenerator}), {@link dev.partials.conformance.PolynomialFormula} with its
 * exact {@link dev.partials.conformance.Polynomial} expansion, the
 * {@link dev.partials.conformance.ExactOracle}, {@link dev.partials.conformance.Shrinker} and
 * {@link dev.partials.conformance.KitSettings}.
 *
 * <p>Null policy: no method of this package accepts or returns {@code null} unless its documentation
 * says so.
 *
 * @since 0.1
 */
package dev.partials.conformance;
