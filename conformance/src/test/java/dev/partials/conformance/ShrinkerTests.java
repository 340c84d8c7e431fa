package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ShrinkerTests {

    /** A planted bug: fails whenever the expansion of output 0 has a term in x^2 and x is not 0. */
    private static final Predicate<PolynomialCase> PLANTED = c ->
            c.formula().exact(0).terms().keySet().stream().anyMatch(e -> e.get(0) >= 2)
                    && c.point().coordinate(0).signum() != 0;

    private static PolynomialCase bigCase() {
        Polynomial x = Polynomial.variable(3, 0);
        Polynomial y = Polynomial.variable(3, 1);
        Polynomial z = Polynomial.variable(3, 2);
        Polynomial half = Polynomial.constant(3, Rational.of(1, 2));
        PolynomialFormula f = PolynomialFormula.of(List.of("x", "y", "z"), List.of(
                new PolynomialFormula.Sum(List.of(
                        new PolynomialFormula.Product(Rational.of(-3), List.of(
                                new PolynomialFormula.Power(x.times(Rational.TWO).minus(y).plus(half), 2),
                                new PolynomialFormula.Power(x.plus(z.times(Rational.of(5))), 1))),
                        new PolynomialFormula.Product(Rational.of(7, 4), List.of(
                                new PolynomialFormula.Power(y.times(z).plus(x), 3))))),
                new PolynomialFormula.Sum(List.of(new PolynomialFormula.Product(Rational.ONE, List.of(
                        new PolynomialFormula.Power(y, 2)))))));
        return new PolynomialCase(f, RationalPoint.of(Rational.of(5, 4), Rational.of(-7, 3), Rational.of(3)), 0,
                MultiIndex.of(2, 1, 1), RationalPoint.of(1.5, 0, -2));
    }

    @Test
    void shrinksPlantedFailureToMinimalCase() {
        PolynomialCase big = bigCase();
        assertTrue(PLANTED.test(big));
        Shrinker.Shrunk<PolynomialCase> s = Shrinker.polynomialCases().shrink(big, PLANTED, 5_000);
        PolynomialCase small = s.value();
        assertTrue(PLANTED.test(small));
        assertEquals(List.of("x"), small.formula().variables());
        assertEquals("x^2", small.formula().text());
        assertEquals(RationalPoint.of(1), small.point());
        assertEquals(MultiIndex.of(0), small.index());
        assertEquals(RationalPoint.of(0), small.direction());
        assertTrue(s.steps() > 5 && s.attempts() < 5_000, s.toString());
    }

    @Test
    void shrinkingStopsWithinTheBudget() {
        Shrinker.Shrunk<PolynomialCase> s = Shrinker.polynomialCases().shrink(bigCase(), c -> true, 10);
        assertEquals(10, s.attempts());
    }

    @Test
    void everyCandidateIsValidAndSmaller() {
        Shrinker<PolynomialCase> shrinker = Shrinker.polynomialCases();
        PolynomialCase big = bigCase();
        long size = shrinker.size(big);
        long smaller = shrinker.candidates(big).filter(c -> shrinker.size(c) < size).count();
        assertTrue(smaller > 20, "many simplifications are proposed: " + smaller);
    }

    @Test
    void caseThatNeverFailsIsKept() {
        PolynomialCase big = bigCase();
        Shrinker.Shrunk<PolynomialCase> s = Shrinker.polynomialCases().shrink(big, c -> false, 1_000);
        assertEquals(big, s.value());
        assertEquals(0, s.steps());
    }
}
