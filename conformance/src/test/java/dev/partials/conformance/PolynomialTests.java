package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolynomialTests {

    private static final Polynomial X = Polynomial.variable(2, 0);
    private static final Polynomial Y = Polynomial.variable(2, 1);
    private static final Polynomial ONE = Polynomial.constant(2, Rational.ONE);

    @Test
    void binomialExpansionHasBinomialCoefficients() {
        Polynomial p = X.plus(Y).pow(4);
        assertEquals(5, p.termCount());
        assertEquals(Rational.of(6), p.coefficient(2, 2));
        assertEquals(Rational.of(4), p.coefficient(3, 1));
        assertEquals(4, p.degree());
    }

    @Test
    void differenceOfSquaresCancels() {
        Polynomial p = X.plus(ONE).times(X.minus(ONE));
        assertEquals(X.pow(2).minus(ONE), p);
        assertEquals(2, p.termCount());
    }

    @Test
    void derivativeByMultiIndexMultipliesFallingFactorials() {
        // d^3/dx^2dy of x^4*y^2 = 4*3*2 * x^2 * y
        Polynomial p = X.pow(4).times(Y.pow(2));
        assertEquals(Polynomial.monomial(2, Rational.of(24), 2, 1), p.derivative(MultiIndex.of(2, 1)));
        assertTrue(p.derivative(MultiIndex.of(5, 0)).isZero());
        assertEquals(p.derivative(0).derivative(0).derivative(1), p.derivative(MultiIndex.of(2, 1)));
    }

    @Test
    void evaluatesExactlyAtRationalPoints() {
        Polynomial p = X.pow(2).plus(Y.times(Rational.of(1, 3)));
        assertEquals(Rational.of(1, 4).add(Rational.of(2, 3)), p.evaluate(List.of(Rational.of(1, 2), Rational.TWO)));
    }

    @Test
    void printsInGradedOrderWithSubtractions() {
        Polynomial p = X.pow(2).plus(X.times(Y).times(Rational.of(3))).minus(Polynomial.constant(2, Rational.of(1, 2)));
        assertEquals("x^2 + 3*x*y - 1/2", p.text(List.of("x", "y")));
        assertEquals("x1^2 + 3*x1*x2 - 1/2", p.toString());
        assertEquals("-(x^2) - y", X.pow(2).negate().minus(Y).text(List.of("x", "y")));
        assertEquals("-(x*y) + 2/3*y", X.times(Y).negate().plus(Y.times(Rational.of(2, 3))).text(List.of("x", "y")));
    }

    @Test
    void absoluteMakesEveryCoefficientNonNegative() {
        Polynomial p = X.minus(Y.times(Rational.of(-2, 3))).minus(ONE);
        for (Rational c : p.absolute().terms().values()) {
            assertTrue(c.signum() > 0);
        }
        assertFalse(p.absolute().equals(p));
    }

    @Test
    void absoluteTermSumOfAnAlternatingSumIsTheSumOfMagnitudes() {
        Polynomial p = X.minus(Y);
        assertEquals(Rational.of(3), p.absoluteTermSum(List.of(Rational.ONE, Rational.TWO)));
        assertEquals(Rational.of(-1), p.evaluate(List.of(Rational.ONE, Rational.TWO)));
    }
}
