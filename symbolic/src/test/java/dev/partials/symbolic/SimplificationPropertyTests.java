package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.Rational;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Simplification, as properties over seeded random expressions ({@code -Dpartials.seed},
 * {@code -Dpartials.tries}): idempotent, value-preserving (exactly, for rational expressions), and
 * stable through printing and parsing.
 */
class SimplificationPropertyTests {

    private static final List<String> XYZ = List.of("x", "y", "z");

    @Test
    void simplificationIsIdempotent() {
        for (int i = 0; i < RandomExpressions.tries(); i++) {
            RandomGenerator r = RandomExpressions.random(i);
            RandomExpressions.Kind kind = RandomExpressions.Kind.values()[i % 3];
            Expression e = RandomExpressions.next(r, XYZ, 4 + r.nextInt(20), kind);
            Expression once = Symbolic.simplify(e);
            assertThat(Symbolic.simplify(once)).as("try %d (seed %d): %s", i, RandomExpressions.seed(), e)
                    .isEqualTo(once);
        }
    }

    @Test
    void simplifiedTextReadsBackToTheSameCanonicalForm() {
        for (int i = 0; i < RandomExpressions.tries(); i++) {
            RandomGenerator r = RandomExpressions.random(i);
            RandomExpressions.Kind kind = RandomExpressions.Kind.values()[i % 3];
            Expression once = Symbolic.simplify(RandomExpressions.next(r, XYZ, 4 + r.nextInt(20), kind));
            Expression reread = Formula.parse(once.text(), XYZ).output(0);
            assertThat(Symbolic.simplify(reread).text()).as("try %d: %s", i, once.text()).isEqualTo(once.text());
        }
    }

    @Test
    void simplificationPreservesExactValuesOfRationalExpressions() {
        int checked = 0;
        for (int i = 0; i < RandomExpressions.tries(); i++) {
            RandomGenerator r = RandomExpressions.random(i);
            Expression e = RandomExpressions.next(r, XYZ, 4 + r.nextInt(24), RandomExpressions.Kind.RATIONAL);
            Expression s = Symbolic.simplify(e);
            for (int p = 0; p < 5; p++) {
                Rational[] point = RandomExpressions.rationalPoint(r, 3);
                Rational original = RandomExpressions.exact(e, XYZ, point);
                if (original == null) {
                    continue; // undefined as written (a division by zero): algebra may define it
                }
                assertThat(RandomExpressions.exact(s, XYZ, point))
                        .as("try %d at %s: %s simplified to %s", i, List.of(point), e, s.text()).isEqualTo(original);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(RandomExpressions.tries());
    }

    @Test
    void simplificationPreservesDoubleValuesWithinTheirErrorBounds() {
        int checked = 0;
        for (int i = 0; i < RandomExpressions.tries(); i++) {
            RandomGenerator r = RandomExpressions.random(i);
            RandomExpressions.Kind kind = i % 2 == 0 ? RandomExpressions.Kind.ELEMENTARY : RandomExpressions.Kind.WITH_KINKS;
            Expression e = RandomExpressions.next(r, XYZ, 4 + r.nextInt(20), kind);
            Expression s = Symbolic.simplify(e);
            for (int p = 0; p < 5; p++) {
                double[] point = RandomExpressions.point(r, 3);
                RandomExpressions.Bounded a = RandomExpressions.bounded(e, XYZ, point);
                RandomExpressions.Bounded b = RandomExpressions.bounded(s, XYZ, point);
                if (!Double.isFinite(a.value()) || !Double.isFinite(a.error()) || !Double.isFinite(b.error())) {
                    continue; // outside the domain, or too ill-conditioned for a first-order bound
                }
                // Both differ from the true value by at most their bounds (to first order); 8 covers
                // the second-order terms.
                double tolerance = 8 * (a.error() + b.error());
                assertThat(Math.abs(a.value() - b.value())).as("try %d at %s: %s simplified to %s", i,
                        java.util.Arrays.toString(point), e, s.text()).isLessThanOrEqualTo(tolerance);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(RandomExpressions.tries());
    }

    @Test
    void likeTermsAreCollectedAndPowersMerged() {
        assertThat(simplify("x*y + 2*y*x")).isEqualTo("3*x*y");
        assertThat(simplify("x*x^2")).isEqualTo("x^3");
        assertThat(simplify("x^2*y/x")).isEqualTo("x*y");
        assertThat(simplify("(x*y)^2*x^-1")).isEqualTo("x*y^2");
        assertThat(simplify("0*sin(x) + 1*x^1 + y^0")).isEqualTo("x + 1");
        assertThat(simplify("2*(x + 1)")).isEqualTo("2*x + 2");
        assertThat(simplify("x - x")).isEqualTo("0");
    }

    @Test
    void constantsFoldExactlyWithoutFloatingPointNoise() {
        assertThat(simplify("0.1 + 0.2")).isEqualTo("3/10");
        assertThat(simplify("2.0*x")).isEqualTo("2*x");
        assertThat(simplify("x/4 + x/4")).isEqualTo("x/2");
        assertThat(simplify("2^10 - 4^(1/2)")).isEqualTo("1022");
        assertThat(simplify("2^(1/2)*2^(1/2)")).isEqualTo("2");
        assertThat(simplify("sqrt(9/4) + log(1) + exp(0) + sin(0)")).isEqualTo("5/2");
    }

    @Test
    void termsFollowFormulaVariableOrderHigherDegreeFirst() {
        assertThat(simplify("y^2 + 1 + x + x^2 + x*y")).isEqualTo("x^2 + x*y + y^2 + x + 1");
        assertThat(simplify("1 - x")).isEqualTo("1 - x");
        assertThat(simplify("-x - 2*y")).isEqualTo("-x - 2*y");
        assertThat(simplify("y*2*pi*x")).isEqualTo("2*pi*x*y");
    }

    @Test
    void towerOfNinesStaysSymbolicInsteadOfHanging() {
        // 9^9 = 387420489 folds; 9^387420489 would need 1.2 billion bits and stays a power.
        assertThat(simplify("9^9^9^9")).isEqualTo("9^9^387420489");
    }

    @Test
    void squaringChainOfConstantsStaysWithinTheExactBitLimit() {
        Expression c = Expression.constant(3);
        for (int i = 0; i < 60; i++) {
            c = c.times(c);
        }
        // 3^(2^60) = 3^2048 * (3^2048)^(2^49 - 1): the coefficient folds up to 3^2048 (3,247 bits,
        // within Limits.MAX_EXACT_BITS); the rest stays a power of that number.
        String c3 = java.math.BigInteger.valueOf(3).pow(2048).toString();
        assertThat(Symbolic.simplify(c).text()).isEqualTo(c3 + "*" + c3 + "^562949953421311");
    }

    private static String simplify(String source) {
        return Symbolic.simplify(Formula.parse(source).output(0)).text();
    }
}
