package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import org.junit.jupiter.api.Test;

/** The seed example of the design: f(x, y) = x^2 + 3*x*y at (1, 2). */
class SeedTests {

    private final Derivatives d = PartialDerivative.of("dual").prepare(Formula.parse("x^2 + 3*x*y"));

    @Test
    void valueIsSeven() {
        assertThat(d.value(1, 2)).isEqualTo(7.0);
    }

    @Test
    void gradientIsEightAndThree() {
        assertThat(d.gradient(1, 2)).containsExactly(8.0, 3.0);
    }

    @Test
    void hessianIsTwoThreeThreeZero() {
        assertThat(d.hessian(1, 2)).isDeepEqualTo(new double[][] {{2, 3}, {3, 0}});
    }

    @Test
    void mixedSecondPartialIsThree() {
        assertThat(d.partial(MultiIndex.of(1, 1), 1, 2)).isEqualTo(3.0);
    }

    @Test
    void partialsOfEveryOrderMatchTheClosedForm() {
        // ∂f/∂x = 2x + 3y, ∂f/∂y = 3x, ∂²/∂x² = 2, ∂²/∂x∂y = 3, ∂²/∂y² = 0, order 3: 0
        assertThat(d.partial(MultiIndex.of(0, 0), 1, 2)).isEqualTo(7.0);
        assertThat(d.partial(MultiIndex.of(1, 0), 1, 2)).isEqualTo(8.0);
        assertThat(d.partial(MultiIndex.of(0, 1), 1, 2)).isEqualTo(3.0);
        assertThat(d.partial(MultiIndex.of(2, 0), 1, 2)).isEqualTo(2.0);
        assertThat(d.partial(MultiIndex.of(0, 2), 1, 2)).isEqualTo(0.0);
        assertThat(d.partial(MultiIndex.of(2, 1), 1, 2)).isEqualTo(0.0);
        assertThat(d.partial(MultiIndex.of(3, 0), 1, 2)).isEqualTo(0.0);
    }

    @Test
    void jvpIsTheDirectionalDerivative() {
        assertThat(d.jvp(new double[] {1, 2}, new double[] {0.5, -1})).containsExactly(8 * 0.5 + 3 * -1.0);
    }
}
