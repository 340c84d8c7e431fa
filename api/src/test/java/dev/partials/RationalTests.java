package dev.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RationalTests {

    private static final long SEED = Long.getLong("partials.seed", 20261126L);

    @Test
    void normalisesToLowestTermsWithPositiveDenominator() {
        Rational r = Rational.of(6, -4);
        assertThat(r.numerator()).isEqualTo(BigInteger.valueOf(-3));
        assertThat(r.denominator()).isEqualTo(BigInteger.TWO);
        assertThat(r).isEqualTo(Rational.of(-3, 2)).hasSameHashCodeAs(Rational.of(-3, 2));
        assertThat(r).hasToString("-3/2");
        assertThat(Rational.of(0, -7)).isSameAs(Rational.ZERO);
    }

    @Test
    void arithmeticIsExact() {
        Rational third = Rational.of(1, 3);
        Rational sixth = Rational.of(1, 6);
        assertThat(third.add(sixth)).isEqualTo(Rational.of(1, 2));
        assertThat(third.subtract(sixth)).isEqualTo(sixth);
        assertThat(third.multiply(sixth)).isEqualTo(Rational.of(1, 18));
        assertThat(third.divide(sixth)).isEqualTo(Rational.TWO);
        assertThat(Rational.of(-2, 3).pow(3)).isEqualTo(Rational.of(-8, 27));
        assertThat(Rational.of(-2, 3).pow(-2)).isEqualTo(Rational.of(9, 4));
        assertThat(third.compareTo(sixth)).isPositive();
        assertThatThrownBy(() -> third.divide(Rational.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.ZERO.pow(-1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void decimalsAreKeptExact() {
        assertThat(Rational.ofDecimal(new BigDecimal("0.125"))).isEqualTo(Rational.of(1, 8));
        assertThat(Rational.ofDecimal(new BigDecimal("1e-3"))).isEqualTo(Rational.of(1, 1000));
        assertThat(Rational.ofDecimal(new BigDecimal("2.5E+4"))).isEqualTo(Rational.of(25000));
        assertThat(Rational.ofDecimal(new BigDecimal("0.1"))).isEqualTo(Rational.of(1, 10));
    }

    @Test
    void ofDoubleIsTheExactBinaryValue() {
        assertThat(Rational.ofDouble(0.1))
                .isEqualTo(Rational.of(BigInteger.valueOf(3602879701896397L), BigInteger.ONE.shiftLeft(55)));
        assertThat(Rational.ofDouble(-1.5)).isEqualTo(Rational.of(-3, 2));
        assertThatThrownBy(() -> Rational.ofDouble(Double.NaN)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void doubleValueRoundTripsEveryDouble() {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] specials = {Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1.0, -0.1, 3 * Double.MIN_VALUE,
            Math.nextDown(Double.MIN_NORMAL), Math.ulp(1.0)};
        for (double d : specials) {
            assertThat(Rational.ofDouble(d).doubleValue()).as("%s", d).isEqualTo(d);
        }
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                assertThat(Rational.ofDouble(d).doubleValue()).as("%s", d).isEqualTo(d);
            }
        }
    }

    @Test
    void doubleValueIsCorrectlyRounded() {
        // Reference: BigDecimal division to 60 significant digits, then BigDecimal's correctly rounded
        // conversion. Double rounding could only matter within 1e-60 of a halfway point.
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 20_000; i++) {
            BigInteger num = new BigInteger(1 + random.nextInt(200), new java.util.Random(random.nextLong()));
            BigInteger den = new BigInteger(1 + random.nextInt(200), new java.util.Random(random.nextLong())).add(BigInteger.ONE);
            if (random.nextBoolean()) {
                num = num.negate();
            }
            Rational r = Rational.of(num, den);
            double expected = new BigDecimal(num).divide(new BigDecimal(den), new MathContext(60)).doubleValue();
            assertThat(r.doubleValue()).as("%s", r).isEqualTo(expected);
        }
        assertThat(Rational.of(1, 3).doubleValue()).isEqualTo(1.0 / 3.0);
        assertThat(Rational.of(BigInteger.TEN.pow(400), BigInteger.ONE).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(400)).doubleValue()).isEqualTo(0.0);
        assertThat(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(310)).doubleValue()).isEqualTo(1e-310);
    }

    @Test
    void halfwayCasesRoundToEven() {
        // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: ties to even gives 2^53.
        Rational halfway = Rational.of(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE));
        assertThat(halfway.doubleValue()).isEqualTo(0x1p53);
        Rational halfwayUp = Rational.of(BigInteger.ONE.shiftLeft(53).add(BigInteger.valueOf(3)));
        assertThat(halfwayUp.doubleValue()).isEqualTo(0x1p53 + 4);
    }
}
