package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactOracleTests {

    private static final List<String> XY = List.of("x", "y");

    /** x^2 + 3*x*y, expanded. */
    private static PolynomialFormula seed() {
        Polynomial x = Polynomial.variable(2, 0);
        Polynomial y = Polynomial.variable(2, 1);
        return PolynomialFormula.expanded(XY, x.pow(2).plus(x.times(y).times(Rational.of(3))));
    }

    private static Rational partial(PolynomialFormula f, RationalPoint p, int... counts) {
        return ExactOracle.of(f).partial(0, MultiIndex.of(counts), p).value();
    }

    @Test
    void seedExampleHasGradientEightAndThreeAtOneTwo() {
        RationalPoint p = RationalPoint.of(1, 2);
        assertEquals(Rational.of(7), partial(seed(), p, 0, 0));
        assertEquals(Rational.of(8), partial(seed(), p, 1, 0));
        assertEquals(Rational.of(3), partial(seed(), p, 0, 1));
    }

    @Test
    void seedExampleHasMixedPartialThreeAndPureSecondPartialsTwoAndZero() {
        RationalPoint p = RationalPoint.of(1, 2);
        assertEquals(Rational.of(3), partial(seed(), p, 1, 1));
        assertEquals(Rational.of(2), partial(seed(), p, 2, 0));
        assertEquals(Rational.ZERO, partial(seed(), p, 0, 2));
    }

    @Test
    void partialsOfOrderAboveTheDegreeAreZeroWithZeroConditioning() {
        ExactOracle.Answer a = ExactOracle.of(seed()).partial(0, MultiIndex.of(2, 1), RationalPoint.of(-3, 0.5));
        assertEquals(Rational.ZERO, a.value());
        assertEquals(Rational.ZERO, a.conditioning());
        assertEquals(Rational.ZERO, partial(seed(), RationalPoint.of(1, 2), 3, 0));
    }

    @Test
    void factoredFormExpandsExactly() {
        // -3*(2*x - y + 1/2)^2*(x + 5*z)
        Polynomial x = Polynomial.variable(3, 0);
        Polynomial y = Polynomial.variable(3, 1);
        Polynomial z = Polynomial.variable(3, 2);
        Polynomial base = x.times(Rational.TWO).minus(y).plus(Polynomial.constant(3, Rational.of(1, 2)));
        PolynomialFormula f = PolynomialFormula.of(List.of("x", "y", "z"), List.of(new PolynomialFormula.Sum(List.of(
                new PolynomialFormula.Product(Rational.of(-3), List.of(new PolynomialFormula.Power(base, 2),
                        new PolynomialFormula.Power(x.plus(z.times(Rational.of(5))), 1)))))));
        Polynomial e = f.exact(0);
        assertEquals(Rational.of(-12), e.coefficient(3, 0, 0));
        assertEquals(Rational.of(-60), e.coefficient(2, 0, 1));
        assertEquals(Rational.of(-3, 4), e.coefficient(1, 0, 0));
        assertEquals(Rational.of(-15, 4), e.coefficient(0, 0, 1));
        assertEquals(Rational.ZERO, e.coefficient(0, 0, 0));
        assertEquals("-3*(2*x - y + 1/2)^2*(x + 5*z)", f.text());
        // ∂/∂z at (0, 0, 0) = -3 * (1/2)^2 * 5
        assertEquals(Rational.of(-15, 4), ExactOracle.of(f).partial(0, MultiIndex.of(0, 0, 1), RationalPoint.of(0, 0, 0)).value());
    }

    @Test
    void conditioningOfTheFactoredFormExceedsTheTermSumOfTheExpansion() {
        // (x + 1)^4 * (x - 1)^4 = (x^2 - 1)^4: at x = 1 the value is 0, Σ|terms| = 16, the absolute form (|x| + 1)^8 = 256
        Polynomial x = Polynomial.variable(1, 0);
        Polynomial one = Polynomial.constant(1, Rational.ONE);
        PolynomialFormula f = PolynomialFormula.of(List.of("x"), List.of(new PolynomialFormula.Sum(List.of(
                new PolynomialFormula.Product(Rational.ONE, List.of(new PolynomialFormula.Power(x.plus(one), 4),
                        new PolynomialFormula.Power(x.minus(one), 4)))))));
        ExactOracle.Answer a = ExactOracle.of(f).value(0, RationalPoint.of(1));
        assertEquals(Rational.ZERO, a.value());
        assertEquals(Rational.of(16), a.termSum());
        assertEquals(Rational.of(256), a.conditioning());
        assertEquals(256.0, ExactOracle.of(f).conditioning(0, MultiIndex.zero(1), new double[] {1}));
    }

    @Test
    void termSumAddsAbsoluteValuesOfTerms() {
        // x^2 + 3*x*y at (-1, 2): terms 1 and -6
        ExactOracle.Answer a = ExactOracle.of(seed()).value(0, RationalPoint.of(-1, 2));
        assertEquals(Rational.of(-5), a.value());
        assertEquals(Rational.of(7), a.termSum());
    }

    @Test
    void jvpIsTheExactDirectionalDerivative() {
        // ∇ = (8, 3) at (1, 2); along (1/2, -1): 4 - 3 = 1
        ExactOracle.Answer a = ExactOracle.of(seed()).jvp(0, RationalPoint.of(1, 2), RationalPoint.of(0.5, -1));
        assertEquals(Rational.ONE, a.value());
    }

    @Test
    void evaluatesAtTheExactValueOfTheDoublePoint() {
        RationalPoint third = RationalPoint.of(Rational.of(1, 3), Rational.ONE);
        assertEquals(Rational.ofDouble(1.0 / 3), third.coordinate(0));
        // ∂/∂y = 3x at x = double(1/3): exactly 3 times that double, which is not 1
        Rational dy = partial(seed(), third, 0, 1);
        assertEquals(Rational.ofDouble(1.0 / 3).multiply(Rational.of(3)), dy);
        assertTrue(!dy.equals(Rational.ONE));
    }

    @Test
    void scaleIsPositiveForAFormulaThatVanishesAtThePoint() {
        assertTrue(ExactOracle.of(seed()).scale(0, MultiIndex.of(1, 0), new double[] {0, 0}) > 0);
    }
}
