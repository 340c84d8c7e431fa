package dev.partials;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact rational number {@code numerator / denominator} of arbitrary precision.
 *
 * <p>Literals in formulas are kept exact: {@code 0.125} is 1/8 and {@code 1e-3} is 1/1000. Instances
 * are normalised (the denominator is positive and the fraction is in lowest terms), so two rationals
 * are {@linkplain #equals equal} exactly when they denote the same number. {@link #doubleValue()} is
 * correctly rounded (round half to even), so a provider that computes in {@code double} converts each
 * constant once with no additional error.
 *
 * {@snippet :
 * Rational third = Rational.of(1, 3);
 * Rational sum = third.add(Rational.of(1, 6));   // 1/2
 * double d = sum.doubleValue();                   // 0.5
 * }
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Rational implements Comparable<Rational> {

    /** The number 0. */
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    /** The number 1. */
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
    /** The number 2. */
    public static final Rational TWO = new Rational(BigInteger.TWO, BigInteger.ONE);
    /** The number -1. */
    public static final Rational MINUS_ONE = new Rational(BigInteger.ONE.negate(), BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Rational(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /**
     * Returns {@code numerator / denominator} in lowest terms.
     *
     * @throws ArithmeticException if {@code denominator} is zero
     */
    public static Rational of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("rational with zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger g = numerator.gcd(denominator);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
        if (numerator.signum() == 0) {
            return ZERO;
        }
        return new Rational(numerator, denominator);
    }

    /** Returns {@code numerator / denominator} in lowest terms. */
    public static Rational of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** Returns the integer {@code value}. */
    public static Rational of(long value) {
        return of(BigInteger.valueOf(value));
    }

    /** Returns the integer {@code value}. */
    public static Rational of(BigInteger value) {
        return value.signum() == 0 ? ZERO : new Rational(value, BigInteger.ONE);
    }

    /**
     * Returns the exact value of a finite {@code double} (every double is a dyadic rational):
     * {@code ofDouble(0.1)} is 3602879701896397/36028797018963968, the binary value Java computes with.
     *
     * @throws ArithmeticException if {@code value} is NaN or infinite
     */
    public static Rational ofDouble(double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("not a finite number: " + value);
        }
        BigDecimal exact = new BigDecimal(value);
        return ofDecimal(exact);
    }

    /** Returns the exact value of a decimal number: {@code 0.125} is 1/8. */
    public static Rational ofDecimal(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        if (scale <= 0) {
            return of(unscaled.multiply(BigInteger.TEN.pow(-scale)));
        }
        return of(unscaled, BigInteger.TEN.pow(scale));
    }

    /** The numerator; carries the sign. */
    public BigInteger numerator() {
        return numerator;
    }

    /** The denominator; always positive. */
    public BigInteger denominator() {
        return denominator;
    }

    /** Whether the denominator is 1. */
    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** -1, 0 or 1 as this number is negative, zero or positive. */
    public int signum() {
        return numerator.signum();
    }

    /** {@code this + other}. */
    public Rational add(Rational other) {
        if (isInteger() && other.isInteger()) {
            return of(numerator.add(other.numerator));
        }
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** {@code this - other}. */
    public Rational subtract(Rational other) {
        return add(other.negate());
    }

    /** {@code this * other}. */
    public Rational multiply(Rational other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /**
     * {@code this / other}.
     *
     * @throws ArithmeticException if {@code other} is zero
     */
    public Rational divide(Rational other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    /** {@code -this}. */
    public Rational negate() {
        return signum() == 0 ? this : new Rational(numerator.negate(), denominator);
    }

    /** {@code |this|}. */
    public Rational abs() {
        return signum() < 0 ? negate() : this;
    }

    /**
     * {@code this^exponent} for an integer exponent.
     *
     * @throws ArithmeticException if this is zero and {@code exponent} is negative
     */
    public Rational pow(int exponent) {
        if (exponent == 0) {
            return ONE;
        }
        if (exponent < 0) {
            if (signum() == 0) {
                throw new ArithmeticException("zero to a negative power");
            }
            return of(denominator.pow(-exponent), numerator.pow(-exponent));
        }
        return of(numerator.pow(exponent), denominator.pow(exponent));
    }

    /**
     * The number of bits needed to write this number: the bit lengths of numerator and denominator
     * added. Callers that fold constants use it to bound the cost of exact arithmetic.
     */
    public long bitLength() {
        return (long) numerator.bitLength() + denominator.bitLength();
    }

    /**
     * The {@code double} nearest to this number (round half to even); ±∞ beyond the double range,
     * and a correctly rounded subnormal or signed zero below it.
     */
    public double doubleValue() {
        if (signum() == 0) {
            return 0.0;
        }
        BigInteger num = numerator.abs();
        BigInteger den = denominator;
        // Scale so that the integer quotient has at least 55 significant bits (53 + guard + round),
        // the remainder supplying the sticky bit.
        long shift = 55L - (num.bitLength() - den.bitLength());
        if (shift > 0) {
            num = num.shiftLeft((int) Math.min(shift, Integer.MAX_VALUE / 2));
        } else if (shift < 0) {
            den = den.shiftLeft((int) Math.min(-shift, Integer.MAX_VALUE / 2));
        }
        BigInteger[] qr = num.divideAndRemainder(den);
        BigInteger q = qr[0];
        boolean sticky = qr[1].signum() != 0;
        // value = q * 2^-shift, q has 55 or 56 bits. Fold q into a long with a sticky bit and let
        // the scaled conversion below round once.
        int extra = q.bitLength() - 62;
        if (extra > 0) {
            sticky |= q.getLowestSetBit() < extra;
            q = q.shiftRight(extra);
            shift -= extra;
        }
        long bits = q.longValueExact() | (sticky ? 1L : 0L);
        double result = scaleRounded(bits, -shift);
        return signum() < 0 ? -result : result;
    }

    /** Correctly rounds {@code m * 2^e} for a positive long {@code m} whose low bit may be a sticky bit. */
    private static double scaleRounded(long m, long e) {
        int length = 64 - Long.numberOfLeadingZeros(m);
        long exponent = e + length - 1; // exponent of the leading bit
        if (exponent > Double.MAX_EXPONENT) {
            return Double.POSITIVE_INFINITY;
        }
        int precision = 53;
        if (exponent < Double.MIN_EXPONENT) {
            // subnormal: fewer bits of precision remain
            long p = 53 - (Double.MIN_EXPONENT - exponent);
            if (p < 0) {
                return 0.0;
            }
            precision = (int) p;
        }
        int drop = length - precision;
        if (drop > 0) {
            long half = 1L << (drop - 1);
            long rest = m & ((1L << drop) - 1);
            long kept = m >>> drop;
            if (rest > half || (rest == half && (kept & 1L) == 1L)) {
                kept++;
            }
            m = kept;
            e += drop;
        }
        // m now has at most 54 bits (a carry may add one) and converts exactly.
        return Math.scalb((double) m, (int) Math.max(Math.min(e, 4096), -4096));
    }

    @Override
    public int compareTo(Rational other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
    }

    @Override
    public int hashCode() {
        return numerator.hashCode() * 31 + denominator.hashCode();
    }

    /** {@code "3"}, {@code "-1/3"}: the form the formula language reads back. */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
