package dev.partials.simd;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit's contract for {@code simd} with {@code partials.simd.compile=never}: the interpreter alone. */
class InterpretedSimdTests implements ProviderContract {

    private static String previous;

    @BeforeAll
    static void interpretOnly() {
        previous = System.setProperty(SimdDerivatives.COMPILE_PROPERTY, "never");
    }

    @AfterAll
    static void restoreProperty() {
        restore(previous);
    }

    /** Puts back the compile mode a test found. */
    static void restore(String mode) {
        if (mode == null) {
            System.clearProperty(SimdDerivatives.COMPILE_PROPERTY);
        } else {
            System.setProperty(SimdDerivatives.COMPILE_PROPERTY, mode);
        }
    }

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("simd");
    }
}
