package dev.partials.conformance;

import dev.partials.Capabilities;
import dev.partials.PartialDerivative;

/** A reference provider of order <= 3 without mixed partials passes the contract. */
class PureReferenceProviderTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return new ReferenceProvider("reference-pure", new Capabilities(true, 3, false, false, false, false),
                ReferenceProvider.Mutation.NONE);
    }
}
