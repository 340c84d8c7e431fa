package dev.partials.conformance;

import dev.partials.Capabilities;
import dev.partials.PartialDerivative;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link PartialDerivative} provider must satisfy, as a JUnit Jupiter test
 * interface: a provider's test class implements it, names its provider, and inherits one
 * {@link TestFactory} per property.
 *
 * {@snippet :
 * class DualTests implements ProviderContract {
 *     @Override
 *     public PartialDerivative provider() {
 *         return PartialDerivative.of("dual");
 *     }
 * }
 * }
 *
 * <p>Random properties check {@link KitSettings#tries()} cases drawn from seeded
 * {@link Generators generators} ({@code -Dpartials.seed}, {@code -Dpartials.tries}); the first failing
 * case is {@linkplain Shrinker shrunk} and reported with the property, the provider, the seed of its
 * try, the shrunk formula, point and multi-index, the expected value (exact rational and double), the
 * actual value, the tolerance, a {@code -Dpartials.seed=… -Dpartials.tries=1} line that replays it,
 * and the Java call that shows it. Properties that do not apply to the provider's
 * {@link Capabilities} are reported as aborted (skipped) with the reason.
 *
 * <h2>Tolerances</h2>
 * Values are compared with the {@link ExactOracle exact rational value} of the partial derivative
 * of a polynomial at a point whose coordinates are doubles, exactly (so a tolerance of 0 demands
 * exactly the value).
 * <ul>
 * <li><b>Exact providers</b> ({@link Capabilities#exact()}): {@code |actual − exact| ≤ 2·D·u·C}, where
 *     {@code u = 2^-53}, {@code C} is the {@linkplain ExactOracle.Answer#conditioning() conditioning}
 *     (the derivative of the formula's absolute form at {@code |x|}) and
 *     {@code D = (N + P)·(L + 1) + 2} bounds the number of rounded operations along any path of the
 *     computation: N distinct nodes of the output's expression, P adding {@code r − 1} per integer
 *     power {@code a^r}, and {@code L = Π(α_j + 1)} the number of products in one Leibniz sum of a
 *     Taylor product at multi-index α. This is the bound {@code γ_D·C} of the error analysis of
 *     expression evaluation (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed.,
 *     §3.1), with the factor 2 for library functions that are within 1 ulp (2u) rather than u. It is
 *     loose by design (typical errors are near {@code √D·u·C}); a wrong rule still misses it by many
 *     orders of magnitude. Where the exact derivative and its conditioning are 0 (a partial of order
 *     above the degree, a variable that does not occur), the provider must return exactly 0.</li>
 * <li><b>Approximate providers</b>: the exact tolerance plus
 *     {@code approximateTolerance(order) · S}, where {@code S} is the
 *     {@linkplain ExactOracle#scale scale} of the formula over the unit neighbourhood of the point
 *     (absolute form's derivative plus its value, at coordinates lifted to at least 1), because a
 *     difference quotient mixes in values and higher derivatives of f from around the point. The
 *     {@link #approximateTolerance(int)} hook states the provider's bound; its own error estimates
 *     are checked separately by {@link #errorEstimatesAreHonest()}. For an elementary function of a
 *     polynomial, {@code f(p(x))}, the scale is {@code |f'|·S_∂p + |f''|·|∂p|·S_p + |f'·∂p| + |f|},
 *     the same idea through the chain rule.</li>
 * <li>Results that should be the same computation ({@link #allocationFreeTwinsMatch()},
 *     {@link #isThreadSafe()}, {@link #isReusable()}) must be identical; a batch may differ from a
 *     single point by 4 ulps or twice the tolerance ({@link #batchMatchesSinglePoints()}).</li>
 * </ul>
 *
 * <h2>Approximate providers and the conventions</h2>
 * Fixed cases at a kink ({@code abs}, {@code relu}, {@code min}, {@code max}), at a domain edge
 * ({@code sqrt} at 0) and cases where the zero tangent of a constant factor must not meet a NaN
 * ({@code x + 0*log(y)} at {@code y = 0}) apply to exact providers only: a difference quotient
 * measures a secant across the kink, steps outside the domain, or evaluates {@code f}, which is NaN
 * at every nearby point. They are reported as aborted for approximate providers. The smooth cases, the
 * domain (NaN) cases and the structural zeros of variables that do not occur apply to every provider.
 *
 * @since 0.1
 */
public interface ProviderContract {

    /** The provider under test. Called once per property; it may return a new instance each time. */
    PartialDerivative provider();

    /** The seed and number of tries; by default {@link KitSettings#fromSystemProperties()}. */
    default KitSettings settings() {
        return KitSettings.fromSystemProperties();
    }

    /**
     * The bound an approximate provider promises for derivatives of total order {@code order},
     * relative to the scale S described in the class documentation; ignored for exact providers.
     *
     * <p>The default is {@code 1000·u^(2/(order+2))}: a central difference of order k with its
     * optimal step balances a truncation error {@code O(h²)} against a rounding error
     * {@code O(u/h^k)}, leaving a relative error near {@code u^(2/(k+2))}; the default allows 1000
     * times that (about 4e-8 for order 1, 1e-5 for order 2, 5e-3 for order 4). A provider SHOULD
     * override it with the bound its own error model gives.
     */
    default double approximateTolerance(int order) {
        return 1000 * Math.pow(0x1p-53, 2.0 / (order + 2));
    }

    /**
     * Values MUST match the exact oracle: {@code values(point)} and {@code partial(k, order 0, point)}
     * of random polynomial formulas (scalar and vector; expanded, factored and mixed) within the
     * tolerance.
     */
    @TestFactory
    default Stream<DynamicTest> valuesMatchExactOracle() {
        return Properties.valuesMatchExactOracle(this);
    }

    /**
     * Partial derivatives of order 1 to {@code min(maxOrder, 4)} MUST match the exact oracle within
     * the tolerance; mixed multi-indices are drawn only when the provider serves mixed partials.
     */
    @TestFactory
    default Stream<DynamicTest> partialsMatchExactOracle() {
        return Properties.partialsMatchExactOracle(this);
    }

    /** {@code gradient(k, point, out)} MUST match the exact first partials of output k within the tolerance. */
    @TestFactory
    default Stream<DynamicTest> gradientMatchesExactOracle() {
        return Properties.gradientMatchesExactOracle(this);
    }

    /**
     * Each gradient component MUST equal {@code partial(k, unit(j), point)} up to rounding (twice the
     * tolerance): a faster gradient gives the results of the default.
     */
    @TestFactory
    default Stream<DynamicTest> gradientMatchesPartials() {
        return Properties.gradientMatchesPartials(this);
    }

    /**
     * For providers of order 2 or more, {@code hessian(k, point, out)} MUST be exactly symmetric and
     * MUST match the exact second partials within the tolerance (formulas in one variable when the
     * provider has no mixed partials).
     */
    @TestFactory
    default Stream<DynamicTest> hessianMatchesExactOracle() {
        return Properties.hessianMatchesExactOracle(this);
    }

    /** For providers of order 2 or more, each Hessian entry MUST equal the corresponding {@code partial} up to rounding. */
    @TestFactory
    default Stream<DynamicTest> hessianMatchesPartials() {
        return Properties.hessianMatchesPartials(this);
    }

    /** {@code jacobian(point)} of vector formulas (2–3 outputs) MUST be m × n and match the exact oracle within the tolerance. */
    @TestFactory
    default Stream<DynamicTest> jacobianMatchesExactOracle() {
        return Properties.jacobianMatchesExactOracle(this);
    }

    /** Each entry of {@code jacobian(point, out)} MUST equal {@code partial(k, unit(j), point)} up to rounding. */
    @TestFactory
    default Stream<DynamicTest> jacobianMatchesPartials() {
        return Properties.jacobianMatchesPartials(this);
    }

    /**
     * Every partial of order 1 to {@code min(maxOrder, 6)} (every mixed one too, if served) of random
     * polynomials of degree at most 3 in at most 3 variables MUST match the exact oracle, including
     * the orders above the degree, where it MUST be exactly 0.
     */
    @TestFactory
    default Stream<DynamicTest> mixedPartialsUpToMaxOrder() {
        return Properties.mixedPartialsUpToMaxOrder(this);
    }

    /**
     * Every allocation-free twin ({@code values}, {@code gradient}, {@code jacobian}, {@code hessian},
     * {@code jvp}, {@code gradientBatch} into caller arrays) MUST return exactly what its allocating
     * twin returns and MUST NOT write beyond its results (output arrays are given two extra
     * entries); {@code value}, {@code partial(index, point)} and {@code directional} MUST equal the
     * methods they abbreviate.
     */
    @TestFactory
    default Stream<DynamicTest> allocationFreeTwinsMatch() {
        return Properties.allocationFreeTwinsMatch(this);
    }

    /**
     * {@code valuesBatch}, {@code gradientBatch} (with and without values), {@code jacobianBatch}
     * (with and without values) and {@code jvpBatch} over batches of 0, 1, 7, 8, 9 and 33 points
     * (sizes around a vector width) MUST equal the single-point results within 4 ulps or twice the
     * tolerance.
     */
    @TestFactory
    default Stream<DynamicTest> batchMatchesSinglePoints() {
        return Properties.batchMatchesSinglePoints(this);
    }

    /**
     * {@code jvp(point, direction)} MUST match the exact {@code Σ_j direction_j·∂f/∂x_j} within the
     * tolerance, and the provider's own {@code jacobian(point)·direction} up to rounding.
     */
    @TestFactory
    default Stream<DynamicTest> jvpMatchesJacobianTimesDirection() {
        return Properties.jvpMatchesJacobianTimesDirection(this);
    }

    /**
     * The numerical conventions of {@link dev.partials.Op} MUST hold, one fixed case each:
     * {@code abs}, {@code relu} at 0 have derivative 0; {@code min}, {@code max} at a tie give ½ to
     * each argument and the branch taken otherwise; {@code sqrt} at 0 has derivative +∞; {@code x^3} at
     * -2 has derivative 12; {@code x^0} is 1 with derivative 0 at 0; {@code x^y} at (0, 2) has
     * ∂/∂y = 0; {@code x^0.5} at -1, {@code log} at -1, {@code sqrt} at -1 and {@code asin} at 2 give
     * NaN values and partials without an exception. Kink and edge cases apply to exact providers only
     * (see the class documentation).
     */
    @TestFactory
    default Stream<DynamicTest> conventions() {
        return FixedCases.conventions(this);
    }

    /**
     * A partial by a variable the output does not depend on MUST be exactly 0, even where other
     * partials are NaN (through {@code partial}, {@code gradient}, {@code jacobian}, {@code hessian}
     * and {@code jvp}); for exact providers, the zero tangent of a constant factor MUST NOT be
     * poisoned by a NaN or infinite partial elsewhere ({@code x + 0*log(y)} at (1, 0) has
     * ∂/∂x = 1 exactly).
     */
    @TestFactory
    default Stream<DynamicTest> structuralZeros() {
        return FixedCases.structuralZeros(this);
    }

    /**
     * Elementary functions MUST follow the chain rule: {@code f(p(x))} for each smooth function of
     * the language and random quadratic polynomials p, at points where f is well conditioned, MUST
     * match {@code f(p)} and {@code f'(p)·∂p/∂x_j} (from a table written in the kit) within the
     * propagated tolerance: the tolerances of {@code p} and {@code ∂p} carried through {@code f''} and
     * {@code f'}, plus {@code 32u} relative (and {@code 8u·|∂p|} absolute for {@code tanh} and
     * {@code sigmoid}, whose usual derivative formulas {@code 1 - tanh²} and {@code s·(1 - s)} are
     * accurate only absolutely). Cases are well conditioned: every {@code |∂p/∂x_j| <= 8}.
     */
    @TestFactory
    default Stream<DynamicTest> elementaryFunctionsMatchDerivativeTable() {
        return Elementary.elementaryFunctionsMatchDerivativeTable(this);
    }

    /**
     * Bad input MUST be rejected with a {@link dev.partials.PartialsException} of the documented
     * kind: a point or direction of the wrong length, a multi-index of the wrong dimension, or an
     * output array too short → {@code DIMENSION_MISMATCH}; a NaN or infinite coordinate →
     * {@code NON_FINITE_POINT}; an output index out of range → {@code NO_SUCH_OUTPUT}.
     */
    @TestFactory
    default Stream<DynamicTest> rejectsBadInput() {
        return FixedCases.rejectsBadInput(this);
    }

    /**
     * Requests beyond the capabilities MUST fail with the documented kind: order {@code maxOrder + 1}
     * → {@code ORDER_NOT_SUPPORTED}; a mixed partial or a Hessian in several variables without mixed
     * partials → {@code NOT_SUPPORTED}; {@code partialEstimate} and {@code gradientEstimate} without
     * error estimates → {@code NOT_SUPPORTED}. {@code derivativeExpression} MUST be present exactly
     * when {@code symbolicOutput()}, and every request within the capabilities MUST be served.
     */
    @TestFactory
    default Stream<DynamicTest> rejectsRequestsBeyondCapabilities() {
        return FixedCases.rejectsRequestsBeyondCapabilities(this);
    }

    /**
     * For providers with symbolic output, {@code derivativeExpression(k, index)} MUST be present and
     * its value (by the reference interpreter of {@link dev.partials.spi.Program}) MUST match the
     * exact oracle within the tolerance for the expression's own size.
     */
    @TestFactory
    default Stream<DynamicTest> derivativeExpressionsMatchExactOracle() {
        return Properties.derivativeExpressionsMatchExactOracle(this);
    }

    /**
     * One prepared {@link dev.partials.Derivatives} used by 8 threads at once, each at every point of
     * a set in its own order, MUST give exactly the results of sequential use (values, gradient,
     * Jacobian, JVP, partials and Hessian).
     */
    @TestFactory
    default Stream<DynamicTest> isThreadSafe() {
        return Concurrency.isThreadSafe(this);
    }

    /** Repeated calls at alternating points MUST give identical results every time. */
    @TestFactory
    default Stream<DynamicTest> isReusable() {
        return Concurrency.isReusable(this);
    }

    /**
     * For providers with error estimates, {@code partialEstimate} MUST be honest: the true error is at
     * most 10 × the estimate in at least 99% of cases, and the median estimate is at most 100 × the
     * median true error (over the cases where the true error is not 0), so estimates are neither
     * optimistic nor uselessly pessimistic.
     */
    @TestFactory
    default Stream<DynamicTest> errorEstimatesAreHonest() {
        return Properties.errorEstimatesAreHonest(this);
    }
}
