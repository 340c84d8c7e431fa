package dev.partials.simd;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code simd} satisfies the provider contract of the conformance kit on its generated-code path:
 * {@code partials.simd.compile=always} generates the batch code of every prepared formula on its first
 * batch (by default only after {@value SimdDerivatives#COMPILE_AFTER} points, which the contract's
 * small batches would never reach). {@link InterpretedSimdTests} runs the same contract on the
 * interpreter.
 */
class SimdTests implements ProviderContract {

    private static String previous;

    @BeforeAll
    static void compileAlways() {
        previous = System.setProperty(SimdDerivatives.COMPILE_PROPERTY, "always");
    }

    @AfterAll
    static void restore() {
        InterpretedSimdTests.restore(previous);
    }

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("simd");
    }
}
