package dev.partials.simd;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;

/** {@code simd} satisfies the provider contract of the conformance kit. */
class SimdTests implements ProviderContract {

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("simd");
    }
}
