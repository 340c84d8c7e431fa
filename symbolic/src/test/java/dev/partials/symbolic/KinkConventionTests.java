package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinks and domain edges keep the conventions of {@link dev.partials.Op} — in the printed derivative
 * too, wherever the language can say so: sign(u) is written {@code 2*atan2(u, 0)/pi}, exact in
 * {@code double}, so a printed derivative evaluates with the conventions in any provider.
 */
class KinkConventionTests {

    @Test
    void derivativeOfAbsIsSignWithZeroAtZeroInPrintAndValue() {
        SymbolicDerivatives d = prepare("abs(x)");
        Expression printed = d.derivative(0, MultiIndex.of(1));
        assertThat(printed.text()).isEqualTo("2*atan2(x, 0)/pi");
        var program = Formula.of(List.of("x"), printed).program();
        for (double x : new double[] {-3, -Double.MIN_VALUE, 0, Double.MIN_VALUE, 1e300}) {
            double sign = Math.signum(x);
            assertThat(d.partial(MultiIndex.of(1), x)).isEqualTo(sign);
            assertThat(program.evaluate(x)[0]).isEqualTo(sign);
        }
        assertThat(d.derivative(0, MultiIndex.of(2)).text()).isEqualTo("0");
    }

    @Test
    void derivativeOfReluIsZeroAtZero() {
        SymbolicDerivatives d = prepare("relu(x)");
        assertThat(d.derivative(0, MultiIndex.of(1)).text()).isEqualTo("2*atan2(relu(x), 0)/pi");
        assertThat(d.partial(MultiIndex.of(1), 0)).isEqualTo(0);
        assertThat(d.partial(MultiIndex.of(1), -2)).isEqualTo(0);
        assertThat(d.partial(MultiIndex.of(1), 2)).isEqualTo(1);
    }

    @Test
    void minAndMaxGiveHalfToEachArgumentAtATie() {
        SymbolicDerivatives min = prepare("min(x, y)");
        assertThat(min.derivative(0, MultiIndex.of(1, 0)).text()).isEqualTo("atan2(y - x, 0)/pi + 1/2");
        assertThat(min.gradient(2, 2)).containsExactly(0.5, 0.5);
        assertThat(min.gradient(1, 2)).containsExactly(1, 0);
        assertThat(min.gradient(3, 2)).containsExactly(0, 1);
        SymbolicDerivatives max = prepare("max(x, y)");
        assertThat(max.derivative(0, MultiIndex.of(0, 1)).text()).isEqualTo("atan2(y - x, 0)/pi + 1/2");
        assertThat(max.gradient(-1, -1)).containsExactly(0.5, 0.5);
        assertThat(max.gradient(1, 2)).containsExactly(0, 1);
    }

    @Test
    void kinkFactorsStayExactWhenMultiplied() {
        // d/dx 3*abs(x^3) = 9*x^2*sign(x^3): exactly -36 at -2
        SymbolicDerivatives d = prepare("3*abs(x^3)");
        assertThat(d.derivative(0, MultiIndex.of(1)).text()).isEqualTo("18*x^2*atan2(x^3, 0)/pi");
        assertThat(d.partial(MultiIndex.of(1), -2)).isEqualTo(-36);
        assertThat(d.partial(MultiIndex.of(1), 0)).isEqualTo(0);
    }

    @Test
    void sqrtHasInfiniteDerivativeAtZero() {
        assertThat(prepare("sqrt(x)").partial(MultiIndex.of(1), 0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void powerRulesFollowTheExponentClass() {
        SymbolicDerivatives cube = prepare("x^3");
        assertThat(cube.partial(MultiIndex.of(1), -2)).isEqualTo(12);
        SymbolicDerivatives zeroth = prepare("x^0 + y");
        assertThat(zeroth.derivative(0, MultiIndex.of(1, 0)).text()).isEqualTo("0");
        SymbolicDerivatives xy = prepare("x^y");
        // ∂/∂y at x = 0, y > 0 is 0, never 0*log(0); printed as the textbook x^y*log(x)
        assertThat(xy.gradient(0, 2)).containsExactly(0, 0);
        assertThat(xy.gradient(2, 3)[1]).isEqualTo(8 * Math.log(2));
        assertThat(xy.partial(MultiIndex.of(0, 1), -2, 2)).isNaN();
    }

    @Test
    void logarithmOutsideItsDomainHasNaNPartialsButTheTextbookPrint() {
        SymbolicDerivatives d = prepare("log(x) + y");
        assertThat(d.derivative(0, MultiIndex.of(1, 0)).text()).isEqualTo("1/x");
        assertThat(d.partial(MultiIndex.of(1, 0), -1, 0)).isNaN();
        assertThat(d.partial(MultiIndex.of(1, 0), 0, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(d.partial(MultiIndex.of(1, 0), 2, 0)).isEqualTo(0.5);
        // y does not meet the logarithm: its partial is 1 even where f is NaN
        assertThat(d.partial(MultiIndex.of(0, 1), -1, 0)).isEqualTo(1);
        assertThat(d.partial(MultiIndex.of(0, 2), -1, 0)).isEqualTo(0);
    }

    private static SymbolicDerivatives prepare(String source) {
        return Symbolic.prepare(Formula.parse(source));
    }
}
