package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TextTests {

    private static final Expression X = Expression.variable("x");
    private static final Expression Y = Expression.variable("y");

    @Test
    void printsWithMinimalButSafeParentheses() {
        assertEquals("x^2 + x*y*3", Text.of(X.pow(2).plus(X.times(Y).times(3))));
        assertEquals("x - (y - 1)", Text.of(X.minus(Y.minus(1))));
        assertEquals("x - y - 1", Text.of(X.minus(Y).minus(1)));
        assertEquals("(x + 1)^2", Text.of(X.plus(1).pow(2)));
        assertEquals("(-x)^2", Text.of(X.negate().pow(2)));
        assertEquals("-(x^2)", Text.of(X.pow(2).negate()));
        assertEquals("x*(-y)", Text.of(X.times(Y.negate())));
        assertEquals("1/3*x", Text.of(Expression.constant(Rational.of(1, 3)).times(X)));
        assertEquals("x*(1/3)", Text.of(X.times(Expression.constant(Rational.of(1, 3)))));
        assertEquals("x^(1/2)", Text.of(X.pow(Expression.constant(Rational.of(1, 2)))));
        assertEquals("(x^2)^3", Text.of(X.pow(2).pow(3)));
        assertEquals("sin(x + y)*atan2(y, x)", Text.of(X.plus(Y).sin().times(Y.atan2(X))));
        assertEquals("x/(y*2)", Text.of(X.div(Y.times(2))));
        assertEquals("x + 1/2", Text.of(X.plus(Expression.constant(Rational.of(1, 2)))));
        assertEquals("x + (-1/2)", Text.of(X.plus(Expression.constant(Rational.of(-1, 2)))));
        assertEquals("(1/2)^x", Text.of(Expression.constant(Rational.of(1, 2)).pow(X)));
    }

    @Test
    void partialNamesUseVariableNames() {
        assertEquals("∂³/∂x²∂y", Text.partialName(MultiIndex.of(2, 1), List.of("x", "y")));
        assertEquals("∂/∂y", Text.partialName(MultiIndex.of(0, 1), List.of("x", "y")));
        assertEquals("value", Text.partialName(MultiIndex.of(0, 0), List.of("x", "y")));
    }

    /**
     * The kit's printer and the api's parser agree: printed generated formulas parse back to formulas
     * that evaluate bit for bit identically. Skipped while the parser is not available.
     */
    @Test
    void printedFormulasParseBackToFormulasThatEvaluateIdentically() {
        try {
            Formula.parse("x");
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("the formula parser is not available yet");
        }
        Generator<PolynomialCase> g = Generators.polynomialCases(PolynomialSpec.vector(), 0, 0, false);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            PolynomialCase c = g.next(random);
            Formula mine = c.formula().formula();
            Formula parsed = Formula.parse(c.formula().text(), c.formula().variables());
            double[] x = c.point().doubles();
            assertArrayEquals(mine.program().evaluate(x), parsed.program().evaluate(x), 0.0, c.formula().text());
        }
    }
}
