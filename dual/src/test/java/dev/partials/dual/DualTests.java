package dev.partials.dual;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;

/** The conformance kit's whole contract, for the provider {@code "dual"}. */
class DualTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("dual");
    }
}
