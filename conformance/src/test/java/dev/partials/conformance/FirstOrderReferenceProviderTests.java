package dev.partials.conformance;

import dev.partials.Capabilities;
import dev.partials.PartialDerivative;

/**
 * A first-order reference provider (no mixed partials, no symbolic output) passes the contract: the
 * properties beyond its capabilities are skipped and the requests beyond them are rejected.
 */
class FirstOrderReferenceProviderTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return new ReferenceProvider("reference-first-order", new Capabilities(true, 1, false, false, false, false),
                ReferenceProvider.Mutation.NONE);
    }
}
