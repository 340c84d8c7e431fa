package dev.partials.numeric;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;

/**
 * The conformance contract for {@code complex-step}: an exact provider (to rounding), so it is held
 * to the contract's tolerance for exact providers, {@code 2·D·u·C} (a few ulps per rounded
 * operation, scaled by the conditioning of the derivative).
 */
class ComplexStepTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("complex-step");
    }
}
