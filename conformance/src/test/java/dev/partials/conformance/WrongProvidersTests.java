package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ContractRun.Outcome;
import dev.partials.conformance.ContractRun.Status;
import dev.partials.conformance.ReferenceProvider.Mutation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deliberately wrong providers: the reference provider with one planted bug each. The contract must
 * catch every one, with a message that shows a counterexample (shrunk, with its seed, for random
 * properties).
 */
class WrongProvidersTests {

    /** Fewer tries than the default keep these runs quick; every planted bug shows within a few. */
    private static final KitSettings SETTINGS = KitSettings.defaults().withTries(30);

    private static ProviderContract contract(PartialDerivative p) {
        return new FixedContract(p, SETTINGS);
    }

    /** Runs the whole contract on the mutated provider and returns the failed tests. */
    private static List<Outcome> failures(Mutation m) {
        return ContractRun.run(contract(ReferenceProvider.wrong(m))).stream()
                .filter(o -> o.status() == Status.FAILED).toList();
    }

    private static Outcome caughtBy(Mutation m, String property) {
        List<Outcome> failed = failures(m);
        assertFalse(failed.isEmpty(), "the contract must catch " + m);
        List<String> properties = failed.stream().map(Outcome::property).distinct().toList();
        Outcome o = failed.stream().filter(f -> f.property().equals(property)).findFirst()
                .orElseThrow(() -> new AssertionError(m + " should fail " + property + "; it fails " + properties));
        String msg = o.message();
        String id = ReferenceProvider.wrong(m).id();
        assertTrue(msg.startsWith(property + " fails for provider \"" + id + "\""), msg);
        assertTrue(msg.contains("\n  formula:    "), msg);
        assertTrue(msg.contains("\n  point:      ("), msg);
        assertTrue(msg.contains("\n  expected:   "), msg);
        assertTrue(msg.contains("\n  actual:     "), msg);
        assertTrue(msg.contains("\n  java:       Derivatives d = PartialDerivative.of(\"" + id + "\")"), msg);
        return o;
    }

    /** The failure of a random property names its seed, was shrunk, and says how to replay it. */
    private static String shrunkCounterexample(Mutation m, String property) {
        String msg = caughtBy(m, property).message();
        assertTrue(msg.matches("(?s).*\\(try \\d+ of 30, seed -?\\d+\\).*"), msg);
        assertTrue(msg.contains("\n  shrunk:     in "), msg);
        assertTrue(msg.contains("\n  reproduce:  -Dpartials.seed="), msg);
        assertTrue(msg.contains(" -Dpartials.tries=1"), msg);
        return msg;
    }

    private static String line(String message, String label) {
        return message.lines().filter(l -> l.startsWith("  " + label)).findFirst().orElseThrow()
                .substring(("  " + label).length()).strip();
    }

    @Test
    void catchesWrongSignInProductRule() {
        String msg = shrunkCounterexample(Mutation.PRODUCT_RULE_MINUS, "partialsMatchExactOracle");
        String formula = line(msg, "formula:");
        assertTrue(formula.length() <= 24, "the counterexample is shrunk to a small formula: " + msg);
    }

    @Test
    void catchesNegatedDerivativeOfSine() {
        String msg = shrunkCounterexample(Mutation.SIN_DERIVATIVE_NEGATED, "elementaryFunctionsMatchDerivativeTable");
        assertTrue(line(msg, "formula:").startsWith("sin("), msg);
    }

    @Test
    void catchesOffByOneVariable() {
        String msg = shrunkCounterexample(Mutation.OFF_BY_ONE_VARIABLE, "partialsMatchExactOracle");
        assertTrue(line(msg, "formula:").contains("over ("), msg);
    }

    @Test
    void catchesMissingProductRuleTerm() {
        shrunkCounterexample(Mutation.MISSING_PRODUCT_TERM, "gradientMatchesExactOracle");
    }

    @Test
    void catchesMixedPartialsThatAreZero() {
        shrunkCounterexample(Mutation.MIXED_PARTIALS_ZERO, "mixedPartialsUpToMaxOrder");
        shrunkCounterexample(Mutation.MIXED_PARTIALS_ZERO, "hessianMatchesExactOracle");
    }

    @Test
    void catchesNaNPoisoningOfStructuralZeros() {
        caughtBy(Mutation.NO_STRUCTURAL_SKIP, "structuralZeros");
    }

    @Test
    void catchesWrongDerivativeOfAbsAtZero() {
        caughtBy(Mutation.ABS_KINK_ONE, "conventions");
    }

    @Test
    void catchesMissingPointChecks() {
        caughtBy(Mutation.NO_POINT_CHECKS, "rejectsBadInput");
    }

    @Test
    void catchesBatchThatForgetsItsTail() {
        shrunkCounterexample(Mutation.BATCH_DROPS_TAIL, "batchMatchesSinglePoints");
    }

    @Test
    void catchesTwinThatAccumulatesIntoItsOutput() {
        shrunkCounterexample(Mutation.JVP_TWIN_ACCUMULATES, "allocationFreeTwinsMatch");
    }

    @Test
    void catchesSharedWorkspaceUnderConcurrentUse() {
        caughtBy(Mutation.SHARED_WORKSPACE, "isThreadSafe");
    }

    @Test
    void catchesOptimisticErrorEstimates() {
        List<Outcome> failed = ContractRun.run(contract(new CentralDifferenceProvider(true))).stream()
                .filter(o -> o.status() == Status.FAILED).toList();
        assertEquals(List.of("errorEstimatesAreHonest"), failed.stream().map(Outcome::property).distinct().toList());
        String msg = failed.get(0).message();
        assertTrue(msg.contains("10 × estimate in at least 99%"), msg);
        assertTrue(msg.contains("\n  formula:    "), msg);
    }

    @Test
    void correctReferenceFailsNothing() {
        List<Outcome> failed = failures(Mutation.NONE);
        assertEquals(List.of(), failed.stream().map(o -> o.property() + ": " + o.message()).toList());
    }
}
