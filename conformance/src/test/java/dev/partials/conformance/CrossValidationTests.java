package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.conformance.ReferenceProvider.Mutation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CrossValidation} over the kit's own test providers: correct ones agree, a wrong one is caught. */
class CrossValidationTests {

    private static final KitSettings SETTINGS = KitSettings.defaults().withTries(20);

    @Test
    void correctProvidersAgree() {
        CrossValidation.Report r = CrossValidation.run(
                List.of(ReferenceProvider.correct(), new CentralDifferenceProvider(false)), SETTINGS);
        String text = r.text();
        System.out.println(text);
        assertTrue(r.passed(), text);
        assertEquals(1, r.cells().size());
        CrossValidation.Cell c = r.cell("central-difference", "reference");
        assertEquals(3 * SETTINGS.tries(), c.cases());
        assertTrue(c.maxRelativeDeviation() > 0 && c.maxRelativeDeviation() < 1e-3, text);
        assertTrue(text.contains("all 1 pairs agree"), text);
    }

    @Test
    void aWrongProviderFailsItsRowAndColumnWithAShrunkCounterexample() {
        PartialDerivative wrong = ReferenceProvider.wrong(Mutation.PRODUCT_RULE_MINUS);
        CrossValidation.Report r = CrossValidation.run(
                List.of(ReferenceProvider.correct(), new CentralDifferenceProvider(false), wrong), SETTINGS);
        String text = r.text();
        System.out.println(text);
        assertFalse(r.passed());
        assertTrue(r.cell("reference", "central-difference").failures().isEmpty(), text);
        for (String other : List.of("reference", "central-difference")) {
            CrossValidation.Cell c = r.cell(other, wrong.id());
            assertFalse(c.failures().isEmpty(), text);
            CrossValidation.Mismatch m = c.failures().getFirst();
            assertEquals("polynomial", m.kind(), text);
            assertTrue(m.shrunk().isPresent() && m.shrunk().get().startsWith("in "), m.text());
            assertTrue(m.replay().startsWith("-Dpartials.seed=" + m.seed() + " -Dpartials.tries=1"), m.text());
            assertEquals(SETTINGS.seedOfTry(m.tryIndex()), m.seed());
        }
        assertTrue(text.contains("FAIL"), text);
        assertTrue(text.contains("  shrunk:     in "), text);
        assertTrue(text.contains("  reproduce:  -Dpartials.seed="), text);
    }

    @Test
    void aWrongQuotientRuleIsCaughtOnNestedExpressionsWithAShrunkDivision() {
        // polynomials and f(p(x)) never divide: only the nested elementary expressions can catch it
        PartialDerivative wrong = ReferenceProvider.wrong(Mutation.QUOTIENT_RULE_PLUS);
        CrossValidation.Report r = CrossValidation.run(List.of(ReferenceProvider.correct(), wrong), SETTINGS);
        String text = r.text();
        System.out.println(text);
        assertFalse(r.passed(), text);
        List<CrossValidation.Mismatch> fs = r.cell("reference", wrong.id()).failures();
        assertTrue(fs.stream().allMatch(m -> m.kind().equals(CrossValidation.EXPRESSION)), text);
        CrossValidation.Mismatch m = fs.getFirst();
        assertTrue(m.shrunk().isPresent() && m.shrunk().get().startsWith("in "), m.text());
        // shrunk to a small case: a division, or a min/max/abs/relu (the reference's rules for them divide)
        String formula = m.formula().substring(0, m.formula().indexOf("    over"));
        assertTrue(formula.length() <= 12, "shrunk to a small formula: " + m.text());
        assertTrue(m.claim().contains("the kit's reference value is"), m.text());
        assertTrue(m.replay().startsWith("-Dpartials.seed=" + m.seed() + " -Dpartials.tries=1"), m.text());
        // the replay line gives the same shrunk counterexample
        CrossValidation.Report again = CrossValidation.run(List.of(ReferenceProvider.correct(), wrong),
                new KitSettings(m.seed(), 1));
        assertEquals(m.formula(), again.failures().getFirst().formula());
    }

    @Test
    void correctProvidersAgreeOnDeeperNestingToo() {
        CrossValidation.Report r = CrossValidation.run(List.of(ReferenceProvider.correct(), new CentralDifferenceProvider(false)),
                SETTINGS, ElementarySpec.standard().withMaxDepth(9));
        assertTrue(r.passed(), r.text());
    }

    @Test
    void isDeterministicFromTheSeed() {
        List<PartialDerivative> ps = List.of(ReferenceProvider.correct(), ReferenceProvider.wrong(Mutation.OFF_BY_ONE_VARIABLE));
        KitSettings s = KitSettings.defaults().withTries(5);
        assertEquals(CrossValidation.run(ps, s).text(), CrossValidation.run(ps, s).text());
    }

    @Test
    void replaysAFailingTryFromItsSeed() {
        PartialDerivative wrong = ReferenceProvider.wrong(Mutation.MISSING_PRODUCT_TERM);
        List<PartialDerivative> ps = List.of(ReferenceProvider.correct(), wrong);
        CrossValidation.Mismatch m = CrossValidation.run(ps, SETTINGS).failures().getFirst();
        CrossValidation.Report again = CrossValidation.run(ps, new KitSettings(m.seed(), 1));
        assertFalse(again.passed(), again.text());
        // the same case, shrunk to the same counterexample; only the try number differs
        assertEquals(m.text().replace("try " + (m.tryIndex() + 1) + ",", "try 1,"), again.failures().getFirst().text());
    }

    @Test
    void lowersTheIndexToThePairsCommonOrder() {
        assertEquals(MultiIndex.of(2, 1, 0), CrossValidation.clamp(MultiIndex.of(2, 1, 1), 3, true));
        assertEquals(MultiIndex.of(2, 0, 0), CrossValidation.clamp(MultiIndex.of(2, 1, 1), 2, true));
        assertEquals(MultiIndex.of(0, 3, 0), CrossValidation.clamp(MultiIndex.of(0, 2, 1), 4, false));
    }

    @Test
    void needsTwoDistinctProviders() {
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(List.of(ReferenceProvider.correct()), SETTINGS));
        assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.run(List.of(ReferenceProvider.correct(), ReferenceProvider.correct()), SETTINGS));
    }
}
