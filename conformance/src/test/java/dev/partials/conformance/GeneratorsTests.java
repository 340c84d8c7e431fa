package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneratorsTests {

    private static final int DRAWS = 300;

    @Test
    void polynomialsRespectVariableDegreeAndOutputBounds() {
        Generator<PolynomialFormula> g = Generators.polynomialFormulas(new PolynomialSpec(2, 4, 5, 1, 3));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < DRAWS; i++) {
            PolynomialFormula f = g.next(random);
            assertTrue(f.dimension() >= 2 && f.dimension() <= 4, f.toString());
            assertTrue(f.outputCount() >= 1 && f.outputCount() <= 3, f.toString());
            assertTrue(f.degree() <= 5, f.toString());
            for (int k = 0; k < f.outputCount(); k++) {
                assertTrue(f.exact(k).degree() <= 5, f.toString());
                assertEquals(f.dimension(), f.exact(k).dimension());
            }
        }
    }

    @Test
    void standardSpecDrawsEveryFormAndBothNamings() {
        Generator<PolynomialFormula> g = Generators.polynomialFormulas(PolynomialSpec.standard());
        SplittableRandom random = new SplittableRandom(2);
        boolean factored = false;
        boolean sum = false;
        boolean rational = false;
        Set<String> firstNames = new HashSet<>();
        Set<Integer> dimensions = new HashSet<>();
        int maxDegree = 0;
        for (int i = 0; i < DRAWS; i++) {
            PolynomialFormula f = g.next(random);
            PolynomialFormula.Sum s = f.outputs().get(0);
            factored |= s.products().size() == 1 && s.products().get(0).factors().size() > 1;
            sum |= s.products().size() > 1;
            rational |= f.exact(0).terms().values().stream().anyMatch(c -> !c.isInteger());
            firstNames.add(f.variables().get(0));
            dimensions.add(f.dimension());
            maxDegree = Math.max(maxDegree, f.degree());
        }
        assertTrue(factored && sum && rational);
        assertEquals(Set.of("x", "x1"), firstNames);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), dimensions);
        assertEquals(8, maxDegree);
    }

    @Test
    void sameSeedGivesSameCases() {
        Generator<PolynomialCase> g = Generators.polynomialCases(PolynomialSpec.vector(), 0, 4, true);
        List<PolynomialCase> a = new ArrayList<>();
        List<PolynomialCase> b = new ArrayList<>();
        KitSettings s = KitSettings.defaults();
        for (int i = 0; i < 50; i++) {
            a.add(g.next(s.randomForTry(i)));
            b.add(g.next(s.randomForTry(i)));
        }
        assertEquals(a, b);
        assertNotEquals(a.get(0), a.get(1));
    }

    @Test
    void pointsAreSmallAndExactlyDoubles() {
        Generator<RationalPoint> g = Generators.points(3);
        SplittableRandom random = new SplittableRandom(3);
        boolean nonDyadic = false;
        for (int i = 0; i < DRAWS; i++) {
            RationalPoint p = g.next(random);
            for (Rational c : p.coordinates()) {
                assertTrue(Math.abs(c.doubleValue()) <= 3);
                assertEquals(c, Rational.ofDouble(c.doubleValue()));
                BigInteger d = c.denominator();
                nonDyadic |= d.bitCount() == 1 && d.bitLength() > 4;
            }
        }
        assertTrue(nonDyadic, "thirds and fifths appear as their nearest doubles");
    }

    @Test
    void multiIndicesRespectOrderAndMixedness() {
        SplittableRandom random = new SplittableRandom(4);
        Generator<MultiIndex> pure = Generators.multiIndices(3, 1, 4, false);
        Generator<MultiIndex> mixed = Generators.multiIndices(3, 2, 4, true);
        boolean sawMixed = false;
        for (int i = 0; i < DRAWS; i++) {
            MultiIndex p = pure.next(random);
            assertTrue(p.order() >= 1 && p.order() <= 4 && !p.isMixed(), p.toString());
            MultiIndex m = mixed.next(random);
            assertTrue(m.order() >= 2 && m.order() <= 4, m.toString());
            sawMixed |= m.isMixed();
        }
        assertTrue(sawMixed);
    }

    @Test
    void triesHaveDistinctSeedsAndTryZeroUsesTheSeed() {
        KitSettings s = new KitSettings(123, 10);
        assertEquals(123, s.seedOfTry(0));
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seeds.add(s.seedOfTry(i));
        }
        assertEquals(1000, seeds.size());
    }

    @Test
    void settingsReadSystemProperties() {
        String seed = System.getProperty(KitSettings.SEED_PROPERTY);
        String tries = System.getProperty(KitSettings.TRIES_PROPERTY);
        try {
            System.setProperty(KitSettings.SEED_PROPERTY, "42");
            System.setProperty(KitSettings.TRIES_PROPERTY, "7");
            assertEquals(new KitSettings(42, 7), KitSettings.fromSystemProperties());
            System.setProperty(KitSettings.SEED_PROPERTY, " ");
            assertEquals(KitSettings.DEFAULT_SEED, KitSettings.fromSystemProperties().seed());
        } finally {
            restore(KitSettings.SEED_PROPERTY, seed);
            restore(KitSettings.TRIES_PROPERTY, tries);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
