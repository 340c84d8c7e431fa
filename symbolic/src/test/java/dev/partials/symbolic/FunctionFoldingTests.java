package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Construction folds a function or a power of exact arguments exactly when its value is an exact
 * rational (or a simpler closed form), and leaves it symbolic otherwise. Expected values are the
 * textbook ones: sin 0 = 0, cos 0 = 1, log e = 1, 8^(1/3) = 2, and so on.
 */
class FunctionFoldingTests {

    @Test
    void functionsVanishingAtZeroFoldToZero() {
        for (String f : new String[] {"sin", "tan", "asin", "atan", "sinh", "tanh"}) {
            assertThat(simplify(f + "(0)")).as(f).isEqualTo("0");
            assertThat(simplify(f + "(1)")).as(f).isEqualTo(f + "(1)");
        }
    }

    @Test
    void functionsEqualToOneAtZeroFoldToOne() {
        for (String f : new String[] {"cos", "cosh", "exp"}) {
            assertThat(simplify(f + "(0)")).as(f).isEqualTo("1");
            assertThat(simplify(f + "(1)")).as(f).isEqualTo(f + "(1)");
        }
        assertThat(simplify("acos(1)")).isEqualTo("0");
        assertThat(simplify("acos(0)")).isEqualTo("acos(0)");
    }

    @Test
    void logarithmFoldsAtOneAtEAndUndoesExp() {
        assertThat(simplify("log(1)")).isEqualTo("0");
        assertThat(simplify("log(e)")).isEqualTo("1");
        assertThat(simplify("log(exp(x*y))")).isEqualTo("x*y");
        assertThat(simplify("log(2)")).isEqualTo("log(2)");
        assertThat(simplify("log(pi)")).isEqualTo("log(pi)");
        assertThat(simplify("log(sin(x))")).isEqualTo("log(sin(x))");
    }

    @Test
    void squareRootFoldsOnlyForExactRootsOfNonNegativeNumbers() {
        assertThat(simplify("sqrt(9/4)")).isEqualTo("3/2");
        assertThat(simplify("sqrt(0)")).isEqualTo("0");
        assertThat(simplify("sqrt(2)")).isEqualTo("sqrt(2)");
        assertThat(simplify("sqrt(1/2)")).isEqualTo("sqrt(1/2)");
        assertThat(simplify("sqrt(-4)")).isEqualTo("sqrt(-4)");
    }

    @Test
    void kinkFunctionsOfNumbersFold() {
        assertThat(simplify("abs(-3/2)")).isEqualTo("3/2");
        assertThat(simplify("abs(abs(x))")).isEqualTo("abs(x)");
        assertThat(simplify("abs(sin(x))")).isEqualTo("abs(sin(x))");
        assertThat(simplify("relu(-2)")).isEqualTo("0");
        assertThat(simplify("relu(0)")).isEqualTo("0");
        assertThat(simplify("relu(5/2)")).isEqualTo("5/2");
        assertThat(simplify("relu(x)")).isEqualTo("relu(x)");
        assertThat(simplify("min(1, 2)")).isEqualTo("1");
        assertThat(simplify("min(2, 1)")).isEqualTo("1");
        assertThat(simplify("max(1, 2)")).isEqualTo("2");
        assertThat(simplify("max(2, 1)")).isEqualTo("2");
        assertThat(simplify("min(3, 3) + max(-3, -3)")).isEqualTo("0");
        assertThat(simplify("min(x, x) - max(y, y)")).isEqualTo("x - y");
        assertThat(simplify("min(x, 1)")).isEqualTo("min(x, 1)");
        assertThat(simplify("max(1, x)")).isEqualTo("max(1, x)");
    }

    @Test
    void sigmoidSoftplusAndAtan2FoldAtZero() {
        assertThat(simplify("sigmoid(0)")).isEqualTo("1/2");
        assertThat(simplify("sigmoid(1)")).isEqualTo("sigmoid(1)");
        assertThat(simplify("softplus(0)")).isEqualTo("log(2)");
        assertThat(simplify("softplus(1)")).isEqualTo("softplus(1)");
        assertThat(simplify("atan2(0, 2)")).isEqualTo("0");
        assertThat(simplify("atan2(0, -1)")).isEqualTo("atan2(0, -1)");
        assertThat(simplify("atan2(1, 2)")).isEqualTo("atan2(1, 2)");
        assertThat(simplify("atan2(0, x)")).isEqualTo("atan2(0, x)");
    }

    @Test
    void exactRootsOfAnyIndexFold() {
        assertThat(simplify("8^(1/3)")).isEqualTo("2");
        assertThat(simplify("(27/8)^(2/3)")).isEqualTo("9/4");
        assertThat(simplify("(1/4)^(1/2)")).isEqualTo("1/2");
        assertThat(simplify("81^(-1/4)")).isEqualTo("1/3");
        assertThat(simplify("0^(1/2)")).isEqualTo("0");
        String twoTo64 = BigInteger.TWO.pow(64).toString();
        String twoTo65 = BigInteger.TWO.pow(65).toString();
        assertThat(simplify(twoTo64 + "^(1/64)")).isEqualTo("2");
        // beyond the largest root index attempted (64) the power stays symbolic, though exact
        assertThat(simplify(twoTo65 + "^(1/65)")).isEqualTo(twoTo65 + "^(1/65)");
        assertThat(simplify("9^(1/3)")).isEqualTo("9^(1/3)");
        assertThat(simplify("10^(1/3)")).isEqualTo("10^(1/3)");
        assertThat(simplify("(1/9)^(1/3)")).isEqualTo("(1/9)^(1/3)");
    }

    @Test
    void powersWithExponentsBeyondIntRangeStaySymbolic() {
        // 2^64 + 1 must not be taken for 1 (its low 64 bits), nor 1/2^32 for a zeroth root
        assertThat(simplify("2^18446744073709551617")).isEqualTo("2^18446744073709551617");
        assertThat(simplify("2^(1/4294967296)")).isEqualTo("2^(1/4294967296)");
    }

    @Test
    void rootsOfNegativeNumbersStaySymbolic() {
        assertThat(simplify("(-4)^(1/2)")).isEqualTo("(-4)^(1/2)");
        assertThat(simplify("(-8)^(1/3)")).isEqualTo("(-8)^(1/3)");
    }

    @Test
    void powersOfMinusOneFoldForHugeExponentsByParity() {
        String big = BigInteger.TWO.pow(40).toString();
        assertThat(simplify("(-1)^" + big)).isEqualTo("1");
        assertThat(simplify("(-1)^(" + big + " + 1)")).isEqualTo("-1");
        assertThat(simplify("(-1)^(-3)")).isEqualTo("-1");
        assertThat(simplify("1^x")).isEqualTo("1");
        assertThat(simplify("2^" + big)).isEqualTo("2^" + big);
    }

    @Test
    void powersOfNumbersFoldUpToTheExactBitBound() {
        // 4^1040 = 2^2080: its estimate (4 bits × 1040) is exactly the bound of the estimate
        assertThat(simplify("4^1040")).isEqualTo(BigInteger.TWO.pow(2080).toString());
        // (2^2046)^2 = 2^4092: coefficient and power together take exactly Limits.MAX_EXACT_BITS (4,096)
        assertThat(simplify(BigInteger.TWO.pow(2046) + "^2")).isEqualTo(BigInteger.TWO.pow(4092).toString());
        String twoTo2047 = BigInteger.TWO.pow(2047).toString();
        assertThat(simplify(twoTo2047 + "^2")).isEqualTo(twoTo2047 + "^2");
        // the square root of a number of exactly 4,096 bits (2^4094) is attempted; of a larger one not
        assertThat(simplify("sqrt(" + BigInteger.TWO.pow(4094) + ")")).isEqualTo(twoTo2047);
        String twoTo4096 = BigInteger.TWO.pow(4096).toString();
        assertThat(simplify("sqrt(" + twoTo4096 + ")")).isEqualTo("sqrt(" + twoTo4096 + ")");
    }

    @Test
    void mergedExponentsFoldNumbersAndProducts() {
        assertThat(simplify("3*2^(1/3)*2^(2/3)")).isEqualTo("6");
        assertThat(simplify("(x*y)^(1/2)*(x*y)^(1/2)")).isEqualTo("x*y");
        assertThat(simplify("(x*y)^(1/3)*(x*y)^(5/3)")).isEqualTo("x^2*y^2");
        assertThat(simplify("x^y*x^(-y)")).isEqualTo("1");
        assertThat(simplify("x^y*x^(1 - y)")).isEqualTo("x");
    }

    @Test
    void everyNegativePowerOfZeroIsOneCanonicalInfinity() {
        String infinity = simplify("1/0");
        assertThat(simplify("0^(-3)")).isEqualTo(infinity);
        assertThat(simplify("1/0^2")).isEqualTo(infinity);
        assertThat(simplify("0^(-1/2)")).isEqualTo(infinity);
    }

    @Test
    void exponentDerivativeOfAPositiveBaseIsAPlainLogarithm() {
        // d/dy a^y = a^y·log(a): for a constant a > 0 the guarded log of the rule is log(a) itself,
        // so it merges with a log(a) already in the product.
        assertThat(differentiate("x*2^y*log(2)", "y")).isEqualTo("x*2^y*log(2)^2");
        assertThat(differentiate("x*pi^y*log(pi)", "y")).isEqualTo("x*pi^y*log(pi)^2");
        // d/dy exp(x)^y = exp(x)^y·log(exp(x)) = x·exp(x)^y
        assertThat(differentiate("exp(x)^y", "y")).isEqualTo("x*exp(x)^y");
    }

    @Test
    void exponentDerivativeOfANegativeBasePrintsTheTextbookLogarithm() {
        assertThat(differentiate("(-2)^y", "y")).isEqualTo("(-2)^y*log(-2)");
    }

    private static String simplify(String source) {
        Expression e = Formula.parse(source).output(0);
        return Symbolic.simplify(e).text();
    }

    private static String differentiate(String source, String variable) {
        return Symbolic.differentiate(Formula.parse(source).output(0), variable).text();
    }
}
