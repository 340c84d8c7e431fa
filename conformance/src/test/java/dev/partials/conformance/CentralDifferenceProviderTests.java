package dev.partials.conformance;

import dev.partials.PartialDerivative;

/**
 * An approximate provider (central differences with Richardson extrapolation and honest error
 * estimates) passes the contract at the default approximate tolerance; the kink, edge and
 * zero-tangent cases are skipped for it.
 */
class CentralDifferenceProviderTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return new CentralDifferenceProvider(false);
    }
}
