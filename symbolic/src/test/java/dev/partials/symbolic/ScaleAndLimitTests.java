package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialsException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Large inputs are ordinary inputs, and the one operation that can explode, expansion, has a limit.
 * The timeouts are hang guards on a shared build machine, not speed claims (speed is measured with JMH).
 */
class ScaleAndLimitTests {

    private static final Expression X = Expression.variable("x");
    private static final Expression Y = Expression.variable("y");

    @Test
    void expandMultipliesOutProductsAndPowersOfSums() {
        assertThat(Symbolic.expand(parse("(x + 1)^2"), 10).text()).isEqualTo("x^2 + 2*x + 1");
        assertThat(Symbolic.expand(parse("(x + y)*(x - y)"), 10).text()).isEqualTo("x^2 - y^2");
        assertThat(Symbolic.expand(parse("sin((x + 1)*(x - 1))"), 10).text()).isEqualTo("sin(x^2 - 1)");
    }

    @Test
    void expandBeyondItsLimitIsResultTooLarge() {
        // (x + y)^50 has 51 terms.
        assertThatThrownBy(() -> Symbolic.expand(parse("(x + y)^50"), 50)).isInstanceOfSatisfying(PartialsException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(PartialsException.Kind.RESULT_TOO_LARGE);
                    assertThat(e.order()).hasValue(50);
                });
        // the middle binomial coefficient C(50, 25) = 126410606437752
        assertThat(Symbolic.expand(parse("(x + y)^50"), 51).text()).contains(" + 126410606437752*x^25*y^25 + ");
        assertThatThrownBy(() -> Symbolic.expand(parse("(x + y + 1)^1000000000000"), 1_000_000))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.RESULT_TOO_LARGE));
        assertThatThrownBy(() -> Symbolic.expand(X, 0)).isInstanceOfSatisfying(PartialsException.class,
                e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.INVALID_ARGUMENT));
    }

    @Test
    void powerOfASumStaysFactoredUnlessExpanded() {
        assertThat(Symbolic.simplify(parse("(x + y)^50")).text()).isEqualTo("(x + y)^50");
        assertThat(Symbolic.differentiate(parse("(x + y)^50"), "x", "y").text()).isEqualTo("2450*(x + y)^48");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void sixtyStepSquaringChainDifferentiatesWithoutExpandingTheTree() {
        Expression c = X;
        for (int i = 0; i < 60; i++) {
            c = c.times(c);
        }
        SymbolicDerivatives d = Symbolic.prepare(Formula.of(List.of("x"), c));
        // x60 = x^(2^60), so d/dx = 2^60 * x^(2^60 - 1)
        assertThat(d.derivative(0, MultiIndex.of(1)).text()).isEqualTo("1152921504606846976*x^1152921504606846975");
        // exponents beyond 2^53 keep their parity in double: (-1)^(2^60 - 1) = -1
        assertThat(d.partial(MultiIndex.of(1), -1)).isEqualTo(-0x1p60);
        assertThat(d.partial(MultiIndex.of(1), 1)).isEqualTo(0x1p60);
        // x^(2^60) is even, so its derivative is odd, exactly: negative left of 0
        double left = d.partial(MultiIndex.of(1), -1.0000000000000002);
        assertThat(left).isNegative().isEqualTo(-d.partial(MultiIndex.of(1), 1.0000000000000002));
        assertThat(d.partial(MultiIndex.of(2), 1)).isEqualTo(0x1p60 * (0x1p60 - 1));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void thousandNodeExpressionDifferentiatesAndSimplifies() {
        List<String> vars = List.of("a", "b", "c", "d");
        Expression e = RandomExpressions.next(RandomExpressions.random(1000), vars, 1000,
                RandomExpressions.Kind.ELEMENTARY);
        assertThat(e.nodeCount()).isGreaterThan(900);
        SymbolicDerivatives d = Symbolic.prepare(Formula.of(vars, e));
        List<Expression> gradient = d.gradientExpressions(0);
        assertThat(gradient).hasSize(4);
        for (Expression g : gradient) {
            assertThat(Symbolic.simplify(g)).isEqualTo(g);
        }
        double[] point = {0.25, -0.5, 0.75, 1.25};
        double[] numeric = d.gradient(point);
        for (int j = 0; j < 4; j++) {
            // the same value, NaN included
            assertThat(Double.valueOf(numeric[j])).isEqualTo(Double.valueOf(d.partial(MultiIndex.unit(4, j), point)));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hundredThousandTermSumBuiltInALoopSimplifiesAndDifferentiates() {
        Expression s = Expression.constant(0);
        for (int i = 0; i < 100_000; i++) {
            s = s.plus(X.times(i)).plus(Y.pow(2));
        }
        // Σ i for i < 100000 = 4999950000
        assertThat(Symbolic.simplify(s).text()).isEqualTo("100000*y^2 + 4999950000*x");
        SymbolicDerivatives d = Symbolic.prepare(Formula.of(List.of("x", "y"), s));
        assertThat(d.gradientExpressions(0).stream().map(Expression::text)).containsExactly("4999950000", "200000*y");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void deepExpressionDoesNotOverflowTheStack() {
        Expression e = X;
        for (int i = 0; i < 100_000; i++) {
            e = i % 2 == 0 ? e.sin() : e.plus(1);
        }
        SymbolicDerivatives d = Symbolic.prepare(Formula.of(List.of("x"), e));
        assertThat(d.partial(MultiIndex.of(1), 0.5)).isFinite();
        assertThat(d.derivative(0, MultiIndex.of(1)).nodeCount()).isGreaterThan(100_000);
    }

    @Test
    void highOrderPartialsComeFromLowerOnes() {
        SymbolicDerivatives d = Symbolic.prepare(Formula.parse("x^10*y^3 + exp(x*y)"));
        // ∂^7/∂x^7: 10!/3! x^3 y^3 = 604800 x^3 y^3, and y^7 exp(xy), of higher degree, first
        assertThat(d.derivative(0, MultiIndex.of(7, 0)).text()).isEqualTo("y^7*exp(x*y) + 604800*x^3*y^3");
        // ∂³/∂y³ of that at y = 0: 3! * 604800 x^3 = 3628800 x^3 = 453600 at x = 1/2 (y^7 e^(xy) has a
        // zero of order 7 at y = 0)
        assertThat(d.partial(MultiIndex.of(7, 3), 0.5, 0)).isEqualTo(453600);
        assertThat(d.partial(MultiIndex.of(20, 0), 0.5, 0)).isEqualTo(0);
    }

    private static Expression parse(String source) {
        return Formula.parse(source).output(0);
    }
}
