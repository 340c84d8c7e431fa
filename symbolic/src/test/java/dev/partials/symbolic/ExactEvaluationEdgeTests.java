package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import dev.partials.Rational;
import java.math.BigInteger;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Exact rational evaluation at the edges: powers with symbolic exponents evaluated at rational
 * points (0^0 = 1, exact roots, huge exponents of ±1 and 0), the kink functions on both sides of
 * their kinks, and the typed failures where a value is not rational, undefined or too large.
 */
class ExactEvaluationEdgeTests {

    private static final Rational HALF = Rational.of(1, 2);
    private static final Rational HUGE_ODD = Rational.of(BigInteger.TWO.pow(40).add(BigInteger.ONE));
    private static final Rational HUGE_EVEN = Rational.of(BigInteger.TWO.pow(40));

    @Test
    void powerWithASymbolicExponentEvaluatesAtRationalPoints() {
        assertThat(power(Rational.ZERO, Rational.ZERO)).isEqualTo(Rational.ONE);
        assertThat(power(Rational.ZERO, Rational.of(3))).isEqualTo(Rational.ZERO);
        assertThat(power(Rational.ZERO, HALF)).isEqualTo(Rational.ZERO);
        assertThat(power(Rational.of(9, 4), HALF)).isEqualTo(Rational.of(3, 2));
        assertThat(power(Rational.of(8), Rational.of(-2, 3))).isEqualTo(Rational.of(1, 4));
        assertThat(power(Rational.of(-2), Rational.of(-3))).isEqualTo(Rational.of(-1, 8));
        assertThat(power(Rational.of(-1), HUGE_ODD)).isEqualTo(Rational.MINUS_ONE);
        assertThat(power(Rational.of(-1), HUGE_EVEN)).isEqualTo(Rational.ONE);
        assertThat(power(Rational.ONE, HUGE_ODD)).isEqualTo(Rational.ONE);
        assertThat(power(Rational.ZERO, HUGE_ODD)).isEqualTo(Rational.ZERO);
        // exponents just beyond int range
        Rational twoTo31 = Rational.of(BigInteger.TWO.pow(31));
        assertThat(power(Rational.ZERO, twoTo31)).isEqualTo(Rational.ZERO);
        assertThat(power(Rational.MINUS_ONE, twoTo31)).isEqualTo(Rational.ONE);
        assertThat(power(Rational.MINUS_ONE, twoTo31.add(Rational.ONE))).isEqualTo(Rational.MINUS_ONE);
    }

    @Test
    void powerWithinTheBitBudgetIsComputedAndBeyondItIsTooLarge() {
        // 2 has a bit length of 3 (numerator 2 bits, denominator 1): 2^(2^18) is within 2^20 bits
        BigInteger k = BigInteger.TWO.pow(18);
        assertThat(power(Rational.of(2), Rational.of(k))).isEqualTo(Rational.of(BigInteger.TWO.pow(k.intValueExact())));
        // 4 has a bit length of 4: 4^(2^18) = 2^(2^19) needs exactly the budget's 4·2^18 = 2^20 bits estimate
        assertThat(power(Rational.of(4), Rational.of(k))).isEqualTo(Rational.of(BigInteger.TWO.pow(1 << 19)));
        assertKind(() -> power(Rational.of(2), Rational.of(BigInteger.TWO.pow(21))), Kind.RESULT_TOO_LARGE);
        assertKind(() -> power(Rational.of(3), HUGE_ODD), Kind.RESULT_TOO_LARGE);
        // refused by the estimate, before 3^(2^30) (1.7 billion bits) is attempted
        assertKind(() -> power(Rational.of(3), Rational.of(1L << 30)), Kind.RESULT_TOO_LARGE);
    }

    @Test
    void valuesOfExactlyTheBitBudgetAreAcceptedAndLargerOnesAreTooLarge() {
        // 2^1048574 has 1,048,575 numerator bits and 1 denominator bit: exactly 2^20
        Rational atBudget = Rational.of(BigInteger.ONE.shiftLeft(1_048_574));
        assertThat(evaluate("x", atBudget)).isEqualTo(atBudget);
        assertKind(() -> evaluate("x", atBudget.multiply(Rational.TWO)), Kind.RESULT_TOO_LARGE);
    }

    @Test
    void exactRootPowerOfExactlyTheFoldingBoundIsComputed() {
        // n^3 has 4,095 bits: (n^2)^(3/2) = n^3 is a rational of 4,096 bits (Limits.MAX_EXACT_BITS)
        BigInteger n = BigInteger.ONE.shiftLeft(1364).multiply(BigInteger.valueOf(17)).divide(BigInteger.TEN);
        assertThat(power(Rational.of(n.pow(2)), Rational.of(3, 2))).isEqualTo(Rational.of(n.pow(3)));
        assertThat(power(Rational.of(n.pow(2)), Rational.of(1, 2))).isEqualTo(Rational.of(n));
    }

    @Test
    void nonRationalPowersAreNotSupportedAndZeroToANegativePowerIsUndefined() {
        assertKind(() -> power(Rational.of(2), HALF), Kind.NOT_SUPPORTED);
        assertKind(() -> power(Rational.of(-4), HALF), Kind.NOT_SUPPORTED);
        assertKind(() -> power(Rational.ZERO, Rational.of(-1)), Kind.INVALID_ARGUMENT);
        assertKind(() -> power(Rational.ZERO, Rational.of(-1, 2)), Kind.INVALID_ARGUMENT);
    }

    @Test
    void kinkFunctionsEvaluateOnBothSidesOfTheirKinks() {
        assertThat(evaluate("relu(x)", Rational.of(-1, 2))).isEqualTo(Rational.ZERO);
        assertThat(evaluate("relu(x)", Rational.ZERO)).isEqualTo(Rational.ZERO);
        assertThat(evaluate("relu(x)", Rational.of(3, 2))).isEqualTo(Rational.of(3, 2));
        assertThat(evaluate("abs(x)", Rational.of(-3, 2))).isEqualTo(Rational.of(3, 2));
        assertThat(evaluate2("min(x, y)", Rational.ONE, Rational.of(2))).isEqualTo(Rational.ONE);
        assertThat(evaluate2("min(x, y)", Rational.of(2), Rational.ONE)).isEqualTo(Rational.ONE);
        assertThat(evaluate2("max(x, y)", Rational.ONE, Rational.of(2))).isEqualTo(Rational.of(2));
        assertThat(evaluate2("max(x, y)", Rational.of(2), Rational.ONE)).isEqualTo(Rational.of(2));
        assertThat(evaluate("sqrt(x)", Rational.ZERO)).isEqualTo(Rational.ZERO);
        assertThat(evaluate("sqrt(x)", Rational.of(1, 4))).isEqualTo(HALF);
        assertKind(() -> evaluate("sqrt(x)", Rational.of(-1, 4)), Kind.INVALID_ARGUMENT);
        assertKind(() -> evaluate("sqrt(x)", Rational.of(2)), Kind.NOT_SUPPORTED);
    }

    @Test
    void derivativeByAnExponentIsNotRational() {
        // d/dy x^y = x^y·log(x): not rational, whatever the point
        SymbolicDerivatives d = Symbolic.prepare(Formula.parse("x^y"));
        assertKind(() -> d.partialExact(0, MultiIndex.of(0, 1), Rational.of(2), Rational.ONE), Kind.NOT_SUPPORTED);
        assertKind(() -> d.partialExact(0, MultiIndex.of(0, 1), Rational.ZERO, Rational.ONE), Kind.NOT_SUPPORTED);
        assertThat(d.partialExact(0, MultiIndex.of(1, 0), Rational.of(2), Rational.of(3))).isEqualTo(Rational.of(12));
    }

    @Test
    void pointsWithMissingOrNullCoordinatesAreRejected() {
        assertKind(() -> Symbolic.evaluate(Formula.parse("x + y").output(0), Map.of("x", Rational.ONE)),
                Kind.UNKNOWN_VARIABLE);
        SymbolicDerivatives d = Symbolic.prepare(Formula.parse("x + y"));
        assertKind(() -> d.partialExact(0, MultiIndex.of(1, 0), Rational.ONE, null), Kind.INVALID_ARGUMENT);
        assertKind(() -> d.partialExact(0, MultiIndex.of(1, 0), (Rational[]) null), Kind.DIMENSION_MISMATCH);
        assertKind(() -> d.partialExact(0, MultiIndex.of(1, 0), Rational.ONE, Rational.ONE, Rational.ONE),
                Kind.DIMENSION_MISMATCH);
    }

    private static Rational power(Rational base, Rational exponent) {
        return evaluate2("x^y", base, exponent);
    }

    private static Rational evaluate(String source, Rational x) {
        return Symbolic.evaluate(Formula.parse(source).output(0), Map.of("x", x));
    }

    private static Rational evaluate2(String source, Rational x, Rational y) {
        return Symbolic.evaluate(Formula.parse(source).output(0), Map.of("x", x, "y", y));
    }

    private static void assertKind(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
