package dev.partials.symbolic;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;

/** The {@code symbolic} provider passes the whole provider contract of the conformance kit. */
class SymbolicTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("symbolic");
    }
}
