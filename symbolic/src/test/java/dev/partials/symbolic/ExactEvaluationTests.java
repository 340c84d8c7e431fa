package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialsException;
import dev.partials.Rational;
import dev.partials.conformance.ExactOracle;
import dev.partials.conformance.Generator;
import dev.partials.conformance.Generators;
import dev.partials.conformance.KitSettings;
import dev.partials.conformance.PolynomialCase;
import dev.partials.conformance.PolynomialSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact rational evaluation of derivatives: equal to hand-computed values and to the kit's oracle, exactly. */
class ExactEvaluationTests {

    private static final Rational HALF = Rational.of(1, 2);
    private static final Rational MINUS_THREE = Rational.of(-3);

    @Test
    void polynomialPartialsEqualHandComputedRationals() {
        // f = x^3*y - 2*x*y^2 + 1/2 at (1/2, -3)
        SymbolicDerivatives d = Symbolic.prepare(Formula.parse("x^3*y - 2*x*y^2 + 1/2"));
        // ∂x = 3x²y − 2y² = −9/4 − 18 = −81/4
        assertThat(d.partialExact(0, MultiIndex.of(1, 0), HALF, MINUS_THREE)).isEqualTo(Rational.of(-81, 4));
        // ∂y = x³ − 4xy = 1/8 + 6 = 49/8
        assertThat(d.partialExact(0, MultiIndex.of(0, 1), HALF, MINUS_THREE)).isEqualTo(Rational.of(49, 8));
        // ∂x∂y = 3x² − 4y = 3/4 + 12 = 51/4
        assertThat(d.partialExact(0, MultiIndex.of(1, 1), HALF, MINUS_THREE)).isEqualTo(Rational.of(51, 4));
        // ∂x³ = 6y = −18, ∂x²∂y = 6x = 3, ∂y³ = 0
        assertThat(d.partialExact(0, MultiIndex.of(3, 0), HALF, MINUS_THREE)).isEqualTo(Rational.of(-18));
        assertThat(d.partialExact(0, MultiIndex.of(2, 1), HALF, MINUS_THREE)).isEqualTo(Rational.of(3));
        assertThat(d.partialExact(0, MultiIndex.of(0, 3), HALF, MINUS_THREE)).isEqualTo(Rational.ZERO);
        // f itself: −3/8 − 9 + 1/2 = −71/8
        assertThat(d.partialExact(0, MultiIndex.of(0, 0), HALF, MINUS_THREE)).isEqualTo(Rational.of(-71, 8));
    }

    @Test
    void quotientPartialsAreExact() {
        // f = x/(y + 1): ∂y = −x/(y + 1)² = −2/(9/4) = −8/9 at (2, 1/2)
        SymbolicDerivatives d = Symbolic.prepare(Formula.parse("x/(y + 1)"));
        assertThat(d.partialExact(0, MultiIndex.of(0, 1), Rational.of(2), HALF)).isEqualTo(Rational.of(-8, 9));
        // ∂x∂y = −1/(y + 1)² = −4/9
        assertThat(d.partialExact(0, MultiIndex.of(1, 1), Rational.of(2), HALF)).isEqualTo(Rational.of(-4, 9));
    }

    @Test
    void exactEvaluationEqualsTheKitsOracleExactlyOnRandomPolynomials() {
        KitSettings settings = KitSettings.fromSystemProperties();
        Generator<PolynomialCase> cases = Generators.polynomialCases(PolynomialSpec.standard(), 0, 4, true);
        Generator<PolynomialCase> vectors = Generators.polynomialCases(PolynomialSpec.vector(), 0, 3, true);
        for (int i = 0; i < settings.tries(); i++) {
            PolynomialCase c = (i % 2 == 0 ? cases : vectors).next(settings.randomForTry(i));
            SymbolicDerivatives d = Symbolic.prepare(c.formula().formula());
            Rational expected = ExactOracle.of(c.formula()).partial(c.output(), c.index(), c.point()).value();
            Rational actual = d.partialExact(c.output(), c.index(), c.point().coordinates().toArray(Rational[]::new));
            assertThat(actual).as("try %d (seed %d): %s", i, settings.seed(), c).isEqualTo(expected);
        }
    }

    @Test
    void nonRationalDerivativeIsNotSupportedAndADivisionByZeroIsUndefined() {
        SymbolicDerivatives d = Symbolic.prepare(Formula.parse("sin(x) + 1/y"));
        assertThatThrownBy(() -> d.partialExact(0, MultiIndex.of(1, 0), Rational.ONE, Rational.ONE))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.NOT_SUPPORTED));
        assertThatThrownBy(() -> d.partialExact(0, MultiIndex.of(0, 1), Rational.ONE, Rational.ZERO))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> d.partialExact(0, MultiIndex.of(0, 1), Rational.ONE))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.DIMENSION_MISMATCH));
        assertThatThrownBy(() -> d.partialExact(0, MultiIndex.of(1), Rational.ONE, Rational.ONE))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.DIMENSION_MISMATCH));
        assertThatThrownBy(() -> d.partialExact(1, MultiIndex.of(1, 0), Rational.ONE, Rational.ONE))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.NO_SUCH_OUTPUT));
    }

    @Test
    void exactRootsAbsMinAndMaxEvaluateExactly() {
        assertThat(Symbolic.evaluate(Formula.parse("sqrt(x) + abs(y) + max(x, y) + min(x, y)^2").output(0),
                Map.of("x", Rational.of(9, 4), "y", Rational.of(-1, 3)))).isEqualTo(Rational.of(3, 2)
                .add(Rational.of(1, 3)).add(Rational.of(9, 4)).add(Rational.of(1, 9)));
    }
}
