package dev.partials.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.PartialDerivative;
import dev.partials.conformance.CrossValidation;
import dev.partials.conformance.KitSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every built-in provider against every other on the same random cases ({@link CrossValidation}):
 * polynomials, {@code f(p(x))}, and nested elementary expressions of every operation up to 6 deep
 * (values, gradients, Jacobians, Hessians and mixed partials to order 4), at {@code -Dpartials.tries}
 * (default 100) from {@code -Dpartials.seed}.
 */
class CrossValidationTests {

    private static final List<String> BUILT_IN = List.of("complex-step", "dual", "finite-difference", "simd", "symbolic");

    @Test
    void allProvidersAgree() {
        List<PartialDerivative> all = PartialDerivative.all();
        List<String> ids = all.stream().map(PartialDerivative::id).toList();
        assertTrue(ids.containsAll(BUILT_IN), "built-in providers missing: " + ids + "; load failures: "
                + PartialDerivative.loadFailures().stream().map(f -> f.provider() + ": " + f.reason()).toList());
        CrossValidation.Report r = CrossValidation.run(all, KitSettings.fromSystemProperties());
        String text = r.text();
        System.out.println(text);
        assertEquals(all.size() * (all.size() - 1) / 2, r.cells().size());
        assertTrue(r.passed(), text);
    }
}
