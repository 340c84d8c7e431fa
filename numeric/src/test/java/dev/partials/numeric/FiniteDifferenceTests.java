package dev.partials.numeric;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;

/**
 * The conformance contract for {@code finite-difference} with its defaults (central order-2 stencils,
 * five Ridders steps).
 *
 * <p>Values are held to the contract's default bound for approximate providers,
 * {@code 1000·u^(2/(k+2))} times the scale of the function around the point. That bound is far above
 * the typical error of the default method (about {@code 1e-14} relative on smooth functions, see
 * {@code FiniteDifferenceAccuracyTests}), but a tighter one cannot be stated in the contract's terms:
 * the rounding term of a difference quotient, {@code ε·|f|/h^k}, scales with the value of f, which
 * the contract's scale omits for composed functions ({@code tanh(p)} near saturation has
 * {@code |f| ≈ 1} but {@code |f'| ≈ 1e-7}). The provider's own error estimates, which do include it,
 * are held to the contract's honesty property, {@code errorEstimatesAreHonest}: within 10× of the
 * true error in 99% of cases, and not more than 100× loose at the median.
 */
class FiniteDifferenceTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("finite-difference");
    }
}
