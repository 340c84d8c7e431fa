package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.Rational;
import org.junit.jupiter.api.Test;

/** The seed example of the design, f(x, y) = x^2 + 3*x*y, through the provider and through {@link Symbolic}. */
class SeedExampleTests {

    private final Formula seed = Formula.parse("x^2 + 3*x*y");
    private final SymbolicDerivatives d = Symbolic.prepare(seed);

    @Test
    void firstPartialsPrintAsTheTextbookWritesThem() {
        assertThat(d.derivative(0, MultiIndex.of(1, 0)).text()).isEqualTo("2*x + 3*y");
        assertThat(d.derivative(0, MultiIndex.of(0, 1)).text()).isEqualTo("3*x");
    }

    @Test
    void firstPartialPrintsAsLatex() {
        assertThat(d.derivative(0, MultiIndex.of(1, 0)).latex()).isEqualTo("2 x + 3 y");
        assertThat(d.derivative(0, MultiIndex.of(0, 1)).latex()).isEqualTo("3 x");
    }

    @Test
    void secondPartialsAreTwoThreeAndZero() {
        assertThat(d.derivative(0, MultiIndex.of(2, 0)).text()).isEqualTo("2");
        assertThat(d.derivative(0, MultiIndex.of(1, 1)).text()).isEqualTo("3");
        assertThat(d.derivative(0, MultiIndex.of(0, 2)).text()).isEqualTo("0");
        assertThat(d.hessianExpressions(0).text()).isEqualTo("[[2, 3], [3, 0]]");
        assertThat(d.hessianExpressions(0).latex()).isEqualTo("\\begin{pmatrix} 2 & 3 \\\\ 3 & 0 \\end{pmatrix}");
    }

    @Test
    void providerFoundByIdExposesTheDerivativeExpression() {
        Derivatives viaRegistry = PartialDerivative.of("symbolic").prepare(seed);
        assertThat(viaRegistry.derivativeExpression(0, MultiIndex.of(1, 0))).hasValueSatisfying(
                e -> assertThat(e.text()).isEqualTo("2*x + 3*y"));
        assertThat(viaRegistry).isInstanceOf(SymbolicDerivatives.class);
    }

    @Test
    void gradientAtOneTwoIsEightAndThree() {
        assertThat(d.gradient(1, 2)).containsExactly(8, 3);
        assertThat(d.value(1, 2)).isEqualTo(7);
        assertThat(d.hessian(1, 2)).isDeepEqualTo(new double[][] {{2, 3}, {3, 0}});
    }

    @Test
    void gradientAtRationalPointIsExact() {
        // ∂f/∂x = 2x + 3y = 2/3 + 6 = 20/3 and ∂f/∂y = 3x = 1 at (1/3, 2)
        assertThat(d.partialExact(0, MultiIndex.of(1, 0), Rational.of(1, 3), Rational.of(2))).isEqualTo(Rational.of(20, 3));
        assertThat(d.partialExact(0, MultiIndex.of(0, 1), Rational.of(1, 3), Rational.of(2))).isEqualTo(Rational.ONE);
        assertThat(d.partialExact(0, MultiIndex.of(0, 0), Rational.of(1, 3), Rational.of(2))).isEqualTo(Rational.of(19, 9));
    }

    @Test
    void capabilitiesSayExactUnboundedMixedAndSymbolic() {
        var c = PartialDerivative.of("symbolic").capabilities();
        assertThat(c.exact()).isTrue();
        assertThat(c.maxOrder()).isEqualTo(dev.partials.Capabilities.UNBOUNDED);
        assertThat(c.mixedPartials()).isTrue();
        assertThat(c.batched()).isFalse();
        assertThat(c.symbolicOutput()).isTrue();
        assertThat(c.errorEstimates()).isFalse();
    }
}
