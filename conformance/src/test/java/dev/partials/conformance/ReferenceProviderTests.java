package dev.partials.conformance;

import dev.partials.PartialDerivative;

/** The correct reference provider (exact, order <= 6, mixed, symbolic output) passes the whole contract. */
class ReferenceProviderTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return ReferenceProvider.correct();
    }
}
