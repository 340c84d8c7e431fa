package com.example.partials.centraldiff;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;

/**
 * The conformance kit's contract, run from the provider's own build: every property of
 * {@link ProviderContract} against {@code central-difference}, found through the registry as users
 * find it.
 */
class CentralDifferenceTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of(CentralDifference.ID);
    }
}
