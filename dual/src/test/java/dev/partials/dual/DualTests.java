package dev.partials.dual;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance kit's whole contract, for the provider {@code "dual"} on its generated-code path:
 * {@code partials.dual.compile=always} compiles every prepared formula's first-order code at prepare
 * and every Hessian on first use (by default they are compiled only after repeated calls, which the
 * contract's one-shot checks would never reach). {@link InterpretedDualTests} runs the same contract
 * on the interpreter.
 */
class DualTests implements ProviderContract {

    private static String previous;

    @BeforeAll
    static void compileAlways() {
        previous = System.setProperty("partials.dual.compile", "always");
    }

    @AfterAll
    static void restore() {
        InterpretedDualTests.restore("partials.dual.compile", previous);
    }

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("dual");
    }
}
