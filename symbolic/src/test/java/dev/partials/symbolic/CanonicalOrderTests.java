package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The canonical order of factors and terms, as the package documentation states it, whatever order
 * the input is written in; and the grouping bound of 16 terms (factors) at its edge.
 */
class CanonicalOrderTests {

    @Test
    void factorsGoNumbersConstantsVariablesFunctionsSumsThenPowersOfProducts() {
        assertThat(simplify("(x + 1)*exp(x)*y*x*e*pi*2")).isEqualTo("2*pi*e*x*y*exp(x)*(x + 1)");
        assertThat(simplify("(x*y)^(1/2)*(x + 1)*sin(x)")).isEqualTo("sin(x)*(x + 1)*(x*y)^(1/2)");
    }

    @Test
    void functionsAmongFactorsFollowTheFunctionOrderThenTheirArguments() {
        assertThat(simplify("cos(x)*sin(x)")).isEqualTo("sin(x)*cos(x)");
        assertThat(simplify("sqrt(x)*log(x)*exp(x)")).isEqualTo("exp(x)*log(x)*sqrt(x)");
        for (String f : new String[] {"sin", "cos", "exp", "log", "sqrt", "atan", "tanh", "abs", "relu"}) {
            assertThat(simplify(f + "(y)*" + f + "(x)")).isEqualTo(f + "(x)*" + f + "(y)");
            assertThat(simplify(f + "(z)*" + f + "(x)*" + f + "(y)")).isEqualTo(f + "(x)*" + f + "(y)*" + f + "(z)");
        }
        assertThat(simplify("sin(x + 1)*sin(x)")).isEqualTo("sin(x)*sin(x + 1)");
        assertThat(simplify("atan2(x, y)*atan2(x, x)")).isEqualTo("atan2(x, x)*atan2(x, y)");
        assertThat(simplify("max(y, x)*min(x, y)")).isEqualTo("min(x, y)*max(y, x)");
    }

    @Test
    void sumsAmongFactorsGoByTheirLeadingTerms() {
        assertThat(simplify("(y + 1)*(x + 1)")).isEqualTo("(x + 1)*(y + 1)");
        assertThat(simplify("(x + 2)*(x + y)")).isEqualTo("(x + y)*(x + 2)");
        assertThat(simplify("(z + 1)*(y + 1)*(x + 1)")).isEqualTo("(x + 1)*(y + 1)*(z + 1)");
        assertThat(simplify("(x + z)*(x + y)")).isEqualTo("(x + y)*(x + z)");
        // equal leading terms: the larger coefficient first, as among like terms
        assertThat(simplify("(x + 1)*(2*x + 1)")).isEqualTo("(2*x + 1)*(x + 1)");
        assertThat(simplify("(y + 1)*(3*y + 1)")).isEqualTo("(3*y + 1)*(y + 1)");
    }

    @Test
    void powersOfProductsGoByTheirBasesHigherExponentsFirst() {
        assertThat(simplify("(x*z)^(1/2)*(x*y)^(1/2)")).isEqualTo("(x*y)^(1/2)*(x*z)^(1/2)");
        assertThat(simplify("(x*y)^(1/2)*(x^2*y)^(1/2)")).isEqualTo("(x^2*y)^(1/2)*(x*y)^(1/2)");
        assertThat(simplify("(y*z)^(1/2)*(x*z)^(1/2)")).isEqualTo("(x*z)^(1/2)*(y*z)^(1/2)");
        assertThat(simplify("(y*z)^(1/3)*(x*y)^(1/3)")).isEqualTo("(x*y)^(1/3)*(y*z)^(1/3)");
        assertThat(simplify("(x*z)^(1/2)*(x*y)^(1/2)*(y*z)^(1/2)")).isEqualTo("(x*y)^(1/2)*(x*z)^(1/2)*(y*z)^(1/2)");
        assertThat(simplify("(x*y^2)^(1/2)*(x*y^3)^(1/2)")).isEqualTo("(x*y^3)^(1/2)*(x*y^2)^(1/2)");
        assertThat(simplify("(x^2*z)^(1/2)*(x^3*z)^(1/2)")).isEqualTo("(x^3*z)^(1/2)*(x^2*z)^(1/2)");
        // more factors first, then the larger coefficient
        assertThat(simplify("(x*y)^(1/2)*(x*y*z)^(1/2)")).isEqualTo("(x*y*z)^(1/2)*(x*y)^(1/2)");
        assertThat(simplify("(2*x*y)^(1/2)*(3*x*y)^(1/2)")).isEqualTo("(3*x*y)^(1/2)*(2*x*y)^(1/2)");
    }

    @Test
    void powersWithSymbolicExponentsComeAfterVariablesAndBeforeFunctions() {
        assertThat(simplify("log(2)*2^x*x")).isEqualTo("x*2^x*log(2)");
        assertThat(simplify("x^(y - 1)*y")).isEqualTo("y*x^(y - 1)");
    }

    @Test
    void theGuardedLogarithmOfTheExponentRuleSortsAsTheLogarithmItPrints() {
        // d/dy x^y = x^y·log(x): the log factor sorts among functions as log does (before sin, after exp)
        assertThat(differentiate("x^y*sin(y)", "y")).isEqualTo("x^y*log(x)*sin(y) + x^y*cos(y)");
        assertThat(differentiate("x^y*exp(x)", "y")).isEqualTo("x^y*exp(x)*log(x)");
        assertThat(differentiate("x^y*log(x)", "y")).isEqualTo("x^y*log(x)*log(x)");
        assertThat(differentiate("log(x)*x^y", "y")).isEqualTo("x^y*log(x)*log(x)");
        assertThat(differentiate("sin(x)*log(x)*x^y", "y")).isEqualTo("x^y*log(x)*log(x)*sin(x)");
    }

    @Test
    void termsGoByDegreeThenVariableOrderHigherExponentFirst() {
        assertThat(simplify("x + 1 + x^2")).isEqualTo("x^2 + x + 1");
        assertThat(simplify("y^2 + x*y + x^2")).isEqualTo("x^2 + x*y + y^2");
        assertThat(simplify("x*y^2 + x^2*y")).isEqualTo("x^2*y + x*y^2");
        assertThat(simplify("y*z + x*z")).isEqualTo("x*z + y*z");
        assertThat(simplify("z + y + x")).isEqualTo("x + y + z");
        assertThat(simplify("y^2 + z^2 + x^2")).isEqualTo("x^2 + y^2 + z^2");
        assertThat(simplify("x*z + x*y")).isEqualTo("x*y + x*z");
        assertThat(simplify("y*z^2 + y^2*z")).isEqualTo("y^2*z + y*z^2");
        assertThat(simplify("y*z + x*z + x*y")).isEqualTo("x*y + x*z + y*z");
        assertThat(simplify("z*sin(x) + y*sin(x)")).isEqualTo("y*sin(x) + z*sin(x)");
        // the variable order decides, not the factor order: x^(1/2)·z^(1/2) has x, y has not
        assertThat(simplify("y + x^(1/2)*z^(1/2)")).isEqualTo("x^(1/2)*z^(1/2) + y");
        assertThat(simplify("x^(1/2)*z^(1/2) + y")).isEqualTo("x^(1/2)*z^(1/2) + y");
        // x·y/z has degree 1 like x, and more variables after the common x
        assertThat(simplify("x + x*y/z")).isEqualTo("x*y/z + x");
        assertThat(simplify("x*y/z + x")).isEqualTo("x*y/z + x");
        assertThat(simplify("x + w*x^2/z")).isEqualTo("w*x^2/z + x");
        assertThat(simplify("x^(1/2) + x")).isEqualTo("x + x^(1/2)");
        assertThat(simplify("y + x^(3/2)")).isEqualTo("x^(3/2) + y");
    }

    @Test
    void nonPolynomialFactorsOrderTermsOfEqualMonomials() {
        assertThat(simplify("cos(x) + sin(x)")).isEqualTo("sin(x) + cos(x)");
        assertThat(simplify("sin(y) + sin(x)")).isEqualTo("sin(x) + sin(y)");
        assertThat(simplify("sin(x) + sin(x)^2")).isEqualTo("sin(x)^2 + sin(x)");
        assertThat(simplify("sin(x)^y + sin(x)")).isEqualTo("sin(x) + sin(x)^y");
        assertThat(simplify("sin(x)^y + sin(x)^2")).isEqualTo("sin(x)^2 + sin(x)^y");
        assertThat(simplify("sin(x)^z + sin(x)^y")).isEqualTo("sin(x)^y + sin(x)^z");
        assertThat(simplify("cos(x)^z + cos(x)^y + cos(x)^w")).isEqualTo("cos(x)^w + cos(x)^y + cos(x)^z");
        assertThat(simplify("exp(x)^z + exp(x)^w")).isEqualTo("exp(x)^w + exp(x)^z");
        assertThat(simplify("sin(x) + sin(x)*cos(x)")).isEqualTo("sin(x)*cos(x) + sin(x)");
        assertThat(simplify("y*sin(x) + x*sin(x)")).isEqualTo("x*sin(x) + y*sin(x)");
        assertThat(simplify("exp(x) + 2^x")).isEqualTo("2^x + exp(x)");
    }

    @Test
    void orderOfDeeplyNestedTermsDoesNotDependOnTheOrderTheyWereBuilt() {
        // Nested deeper than the comparison descends (12 levels): only the structural fingerprint
        // can order them, and it must not depend on which was built first.
        Expression x = Expression.variable("x");
        Expression y = Expression.variable("y");
        List<List<Expression>> bottoms = List.of(List.of(x, y), List.of(x.plus(1), x.plus(2)),
                List.of(x.times(2), x.times(3)), List.of(x.pow(2), x.pow(3)), List.of(x.sin(), x.cos()),
                List.of(x.plus(1).div(2), x.plus(1).div(3)));
        for (List<Expression> bottom : bottoms) {
            for (UnaryOperator<Expression> wrap : List.<UnaryOperator<Expression>>of(Expression::sin, Expression::exp,
                e -> e.plus(1), e -> e.times(e).plus(1))) {
                Expression a = bottom.get(0);
                Expression b = bottom.get(1);
                for (int i = 0; i < 14; i++) {
                    a = wrap.apply(a);
                    b = wrap.apply(b);
                }
                List<String> vars = List.of("x", "y");
                String ab = Symbolic.simplify(a.plus(b)).text();
                String ba = Symbolic.simplify(b.plus(a)).text();
                assertThat(ab).isEqualTo(ba);
                assertThat(Symbolic.simplify(a.times(b)).text()).isEqualTo(Symbolic.simplify(b.times(a)).text());
                assertThat(Symbolic.simplify(Formula.parse(ab, vars).output(0)).text()).isEqualTo(ab);
            }
        }
    }

    @Test
    void productsOfUpToSixteenFactorsAreDistributedUnderAnIntegerPower() {
        assertThat(simplify("(" + String.join("*", letters(16)) + ")^2"))
                .isEqualTo(String.join("*", letters(16).stream().map(v -> v + "^2").toList()));
        String seventeen = String.join("*", letters(17));
        assertThat(simplify("(" + seventeen + ")^2")).isEqualTo("(" + seventeen + ")^2");
        // merged exponents that become an integer distribute over up to sixteen factors, too
        String sixteen = String.join("*", letters(16));
        assertThat(simplify("(" + sixteen + ")^(1/2)*(" + sixteen + ")^(3/2)"))
                .isEqualTo(String.join("*", letters(16).stream().map(v -> v + "^2").toList()));
    }

    @Test
    void aNumberTimesASumOfUpToSixteenTermsIsDistributed() {
        assertThat(simplify("2*(" + String.join(" + ", letters(16)) + ")"))
                .isEqualTo(String.join(" + ", letters(16).stream().map(v -> "2*" + v).toList()));
        String seventeen = String.join(" + ", letters(17));
        assertThat(simplify("2*(" + seventeen + ")")).isEqualTo("2*(" + seventeen + ")");
    }

    @Test
    void aSharedSumOfUpToSixteenTermsIsMergedIntoAnEnclosingSum() {
        Expression s = sum(letters(16));
        // s is used twice, so it is converted on its own and then added as one term: it flattens
        assertThat(Symbolic.simplify(s.plus(s.sin())).text())
                .isEqualTo(String.join(" + ", letters(16)) + " + sin(" + String.join(" + ", letters(16)) + ")");
        assertThat(Symbolic.simplify(s.plus(s)).text())
                .isEqualTo(String.join(" + ", letters(16).stream().map(v -> "2*" + v).toList()));
    }

    @Test
    void longChainsOfAdditionsSubtractionsAndNegationsAreOneFlatSum() {
        // beyond 16 terms a sum nested in a sum stays grouped: a chain must be gathered as one sum
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            names.add("x" + i);
        }
        Expression difference = Expression.variable("x1");
        Expression sum = Expression.variable("x1");
        Expression nested = Expression.variable("x20");
        Expression negated = Expression.variable("x20");
        for (int i = 2; i <= 20; i++) {
            difference = difference.minus(Expression.variable("x" + i));
            sum = sum.plus(Expression.variable("x" + i));
            nested = Expression.variable("x" + (21 - i)).minus(nested);
            negated = Expression.variable("x" + (21 - i)).plus(negated.negate());
        }
        assertThat(Symbolic.simplify(difference).text()).isEqualTo(String.join(" - ", names));
        assertThat(Symbolic.simplify(sum).text()).isEqualTo(String.join(" + ", names));
        StringBuilder alternating = new StringBuilder("x1");
        for (int i = 2; i <= 20; i++) {
            alternating.append(i % 2 == 0 ? " - x" : " + x").append(i);
        }
        assertThat(Symbolic.simplify(nested).text()).isEqualTo(alternating.toString());
        assertThat(Symbolic.simplify(negated).text()).isEqualTo(alternating.toString());
    }

    @Test
    void aSharedSumOfSeventeenTermsStaysOneGroupedTerm() {
        Expression s = sum(letters(17));
        assertThat(Symbolic.simplify(s.plus(s)).text()).isEqualTo("2*(" + String.join(" + ", letters(17)) + ")");
    }

    private static Expression sum(List<String> names) {
        Expression s = Expression.variable(names.get(0));
        for (int i = 1; i < names.size(); i++) {
            s = s.plus(Expression.variable(names.get(i)));
        }
        return s;
    }

    /** The first {@code n} one-letter names in alphabetical order, skipping the constant e. */
    private static List<String> letters(int n) {
        List<String> out = new ArrayList<>();
        for (char c = 'a'; out.size() < n; c++) {
            if (c != 'e') {
                out.add(String.valueOf(c));
            }
        }
        return out;
    }

    private static String simplify(String source) {
        return Symbolic.simplify(Formula.parse(source).output(0)).text();
    }

    private static String differentiate(String source, String variable) {
        return Symbolic.differentiate(Formula.parse(source).output(0), variable).text();
    }
}
