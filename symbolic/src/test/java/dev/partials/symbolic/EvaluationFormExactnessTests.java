package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compiled (evaluation) form keeps the conventions exact in {@code double}: each sign or step
 * factor {@code atan2(w, 0)/pi} is exactly ±½ or 0 before anything multiplies it, so a kink's
 * derivative times any other factor is that factor exactly; and an integer exponent beyond 2^53
 * keeps its parity. Expected values are closed forms: d/dx (y·|x|) = y·sign(x), and so on.
 */
class EvaluationFormExactnessTests {

    private static final SplittableRandom RANDOM = new SplittableRandom(20261126);

    private static Derivatives prepare(String source) {
        return PartialDerivative.of("symbolic").prepare(Formula.parse(source));
    }

    @Test
    void signFactorTimesAnythingIsExact() {
        Derivatives d = prepare("y*abs(x)");
        for (int i = 0; i < 200; i++) {
            double x = RANDOM.nextDouble(-10, 10);
            double y = RANDOM.nextDouble(-1e3, 1e3);
            assertThat(d.partial(MultiIndex.of(1, 0), x, y)).as("x = %s, y = %s", x, y).isEqualTo(Math.signum(x) * y);
        }
        assertThat(d.partial(MultiIndex.of(1, 0), 0, 3)).isEqualTo(0);
    }

    @Test
    void productOfTwoSignFactorsIsExact() {
        // ∂²(|x|·|y|·z)/∂x∂y = sign(x)·sign(y)·z: two atan2 factors share one pi^2
        Derivatives d = prepare("abs(x)*abs(y)*z");
        for (int i = 0; i < 200; i++) {
            double x = RANDOM.nextDouble(-10, 10);
            double y = RANDOM.nextDouble(-10, 10);
            double z = RANDOM.nextDouble(-1e3, 1e3);
            assertThat(d.partial(MultiIndex.of(1, 1, 0), x, y, z)).as("(%s, %s, %s)", x, y, z)
                    .isEqualTo(Math.signum(x) * Math.signum(y) * z);
        }
    }

    @Test
    void squaredSignFactorIsExact() {
        // d²/dx² exp(|x|) = sign(x)²·exp(|x|) = exp(|x|) for x ≠ 0
        Derivatives d = prepare("exp(abs(x))");
        for (int i = 0; i < 200; i++) {
            double x = RANDOM.nextDouble(-5, 5);
            assertThat(d.partial(MultiIndex.of(2), x)).as("x = %s", x).isEqualTo(Math.exp(Math.abs(x)));
        }
    }

    @Test
    void signFactorOverARemainingPowerOfPi() {
        // d/dx (|x|/pi) = sign(x)/pi
        Derivatives d = prepare("abs(x)/pi");
        assertThat(d.partial(MultiIndex.of(1), 2)).isEqualTo(1 / Math.PI);
        assertThat(d.partial(MultiIndex.of(1), -2)).isEqualTo(-1 / Math.PI);
        // d/dx (|x|·pi) = sign(x)·pi
        assertThat(prepare("abs(x)*pi").partial(MultiIndex.of(1), -2)).isEqualTo(-Math.PI);
    }

    @Test
    void halfStepAtATieTimesAnythingIsExact() {
        Derivatives d = prepare("y*min(x, z) + y*max(x, z)");
        for (int i = 0; i < 100; i++) {
            double x = RANDOM.nextDouble(-10, 10);
            double y = RANDOM.nextDouble(-1e3, 1e3);
            // at the tie each of min and max gives ½: y/2 + y/2
            assertThat(d.partial(MultiIndex.of(1, 0, 0), x, y, x)).isEqualTo(y);
            assertThat(d.partial(MultiIndex.of(1, 0, 0), x, y, x + 1)).isEqualTo(y);
        }
    }

    @Test
    void exponentDerivativeOfAZeroBaseIsZeroNotZeroTimesLogZero() {
        // d/dy 0^y = 0^y·log(0), taken as 0 where y > 0 (never 0·(−∞))
        Derivatives d = prepare("0^y + y");
        assertThat(d.partial(MultiIndex.of(1), 2)).isEqualTo(1);
        assertThat(d.partial(MultiIndex.of(1), 0.5)).isEqualTo(1);
        // for a positive constant base the derivative is the plain a^y·log(a)
        assertThat(prepare("2^y").partial(MultiIndex.of(1), 3)).isEqualTo(8 * Math.log(2));
    }

    @Test
    void hugeIntegerExponentKeepsItsParity() {
        // d/dx x^n = n·x^(n−1); n = 2^60 + 2 is even, so n − 1 is odd and (−1)^(n−1) = −1.
        // In double, 2^60 + 1 rounds to the even 2^60: the exponent must be split to keep its parity.
        BigInteger n = BigInteger.TWO.pow(60).add(BigInteger.TWO);
        Derivatives d = prepare("x^" + n);
        assertThat(d.partial(MultiIndex.of(1), -1)).isEqualTo(-n.doubleValue());
        assertThat(d.partial(MultiIndex.of(1), 1)).isEqualTo(n.doubleValue());
        // n − 1 = 2^54 + 1: one step beyond 2^53
        BigInteger m = BigInteger.TWO.pow(54).add(BigInteger.TWO);
        assertThat(prepare("x^" + m).partial(MultiIndex.of(1), -1)).isEqualTo(-m.doubleValue());
        // n − 1 = 2^53 + 1, the first exponent a double cannot hold
        BigInteger k = BigInteger.TWO.pow(53).add(BigInteger.TWO);
        assertThat(prepare("x^" + k).partial(MultiIndex.of(1), -1)).isEqualTo(-k.doubleValue());
    }
}
