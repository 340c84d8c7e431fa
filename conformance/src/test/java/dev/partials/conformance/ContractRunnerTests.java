package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.conformance.ContractRunner.Outcome;
import dev.partials.conformance.ContractRunner.Status;
import dev.partials.conformance.ReferenceProvider.Mutation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link ContractRunner}: the contract's properties, run without a JUnit engine. */
class ContractRunnerTests {

    private static final KitSettings SETTINGS = KitSettings.defaults().withTries(10);

    @Test
    void runsExactlyTheContractsTestFactories() {
        List<String> factories = Arrays.stream(ProviderContract.class.getMethods())
                .filter(m -> m.isAnnotationPresent(TestFactory.class)).map(Method::getName).sorted().toList();
        assertEquals(factories, ContractRunner.properties());
    }

    @Test
    void theCorrectReferencePassesEveryApplicablePropertyAndSkipsTheOthers() {
        ContractRunner.Report r = ContractRunner.run(ReferenceProvider.correct(), SETTINGS);
        assertTrue(r.passed(), r.text());
        assertEquals(ContractRunner.properties(), r.outcomes().stream().map(Outcome::property).toList());
        // the reference has no error estimates: that property does not apply, and says why
        Outcome estimates = r.outcome("errorEstimatesAreHonest").orElseThrow();
        assertEquals(Status.SKIPPED, estimates.status(), r.text());
        assertFalse(estimates.messages().isEmpty());
        assertEquals(Status.PASSED, r.outcome("partialsMatchExactOracle").orElseThrow().status());
        assertEquals("reference", r.provider());
        assertEquals(SETTINGS, r.settings());
    }

    @Test
    void aWrongProviderFailsWithAShrunkCounterexampleAndAReplayLine() {
        ContractRunner.Report r = ContractRunner.run(ReferenceProvider.wrong(Mutation.PRODUCT_RULE_MINUS), SETTINGS);
        assertFalse(r.passed());
        Outcome o = r.outcome("partialsMatchExactOracle").orElseThrow();
        assertEquals(Status.FAILED, o.status(), r.text());
        String msg = o.messages().getFirst();
        assertTrue(msg.contains("\n  shrunk:     in "), msg);
        assertTrue(msg.contains("\n  reproduce:  -Dpartials.seed="), msg);
        assertTrue(r.text().contains("partialsMatchExactOracle"), r.text());
    }

    @Test
    void runsTheNamedPropertiesInTheOrderGivenAndReportsEachAsItEnds() {
        List<Outcome> seen = new ArrayList<>();
        ContractRunner.Report r = ContractRunner.run(new FixedContract(ReferenceProvider.correct(), SETTINGS),
                List.of("structuralZeros", "conventions", "structuralZeros"), seen::add);
        assertEquals(List.of("structuralZeros", "conventions"), r.outcomes().stream().map(Outcome::property).toList());
        assertEquals(r.outcomes(), seen);
    }

    @Test
    void rejectsAnUnknownPropertyNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContractRunner.run(
                new FixedContract(ReferenceProvider.correct(), SETTINGS), List.of("noSuchProperty"), o -> {
                }));
        assertTrue(e.getMessage().contains("noSuchProperty") && e.getMessage().contains("conventions"), e.getMessage());
    }

    @Test
    void theDocumentedExampleRuns() {
        assertTrue(ContractRunnerExample.verify(ReferenceProvider.correct()));
        assertFalse(ContractRunnerExample.verify(ReferenceProvider.wrong(Mutation.MISSING_PRODUCT_TERM)));
    }
}
