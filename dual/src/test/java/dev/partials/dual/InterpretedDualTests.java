package dev.partials.dual;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ProviderContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance kit's whole contract, for the provider {@code "dual"} with
 * {@code partials.dual.compile=never}: the tape and Hessian-plan interpreters alone.
 */
class InterpretedDualTests implements ProviderContract {

    private static String previous;

    @BeforeAll
    static void interpretOnly() {
        previous = System.setProperty("partials.dual.compile", "never");
    }

    @AfterAll
    static void restoreProperty() {
        restore("partials.dual.compile", previous);
    }

    static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Override
    public PartialDerivative provider() {
        return PartialDerivative.of("dual");
    }
}
