package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Formula;
import dev.partials.MultiIndex;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of textbook derivatives with the printed form a textbook gives; every expected string is
 * the calculus result written by hand, in the canonical order (terms: higher degree first, variables
 * in formula order; factors: coefficient, variables, functions, sums).
 */
class TextbookDerivativeTests {

    static Stream<Arguments> table() {
        return Stream.of(
                // product rule: (sin x cos x)' = cos²x − sin²x
                Arguments.of("sin(x)*cos(x)", "x", "cos(x)^2 - sin(x)^2"),
                // chain rule: (e^(x²))' = 2x e^(x²)
                Arguments.of("exp(x^2)", "x", "2*x*exp(x^2)"),
                // (ln(x² + 1))' = 2x/(x² + 1)
                Arguments.of("log(x^2 + 1)", "x", "2*x/(x^2 + 1)"),
                // (x^x)' = x^x ln x + x·x^(x−1) = x^x ln x + x^x, for x > 0
                Arguments.of("x^x", "x", "x^x*log(x) + x^x"),
                // ∂/∂x √(x² + y²) = x/√(x² + y²)
                Arguments.of("sqrt(x^2 + y^2)", "x", "x/sqrt(x^2 + y^2)"),
                Arguments.of("sqrt(x^2 + y^2)", "y", "y/sqrt(x^2 + y^2)"),
                // tanh' = 1 − tanh²; variables in natural order b, w1, w2, x1, x2
                Arguments.of("tanh(w1*x1 + w2*x2 + b)", "w1", "x1*(1 - tanh(w1*x1 + w2*x2 + b)^2)"),
                Arguments.of("tanh(w1*x1 + w2*x2 + b)", "b", "1 - tanh(w1*x1 + w2*x2 + b)^2"),
                // σ' = σ(1 − σ)
                Arguments.of("sigmoid(z)", "z", "sigmoid(z)*(1 - sigmoid(z))"),
                // ∂/∂y atan2(y, x) = x/(x² + y²), ∂/∂x = −y/(x² + y²)
                Arguments.of("atan2(y, x)", "y", "x/(x^2 + y^2)"),
                Arguments.of("atan2(y, x)", "x", "-y/(x^2 + y^2)"),
                // quotient rule: (u/v)' = u'/v − u v'/v²
                Arguments.of("x/y", "x", "1/y"),
                Arguments.of("x/y", "y", "-x/y^2"),
                Arguments.of("sin(x)/x", "x", "cos(x)/x - sin(x)/x^2"),
                Arguments.of("1/(x^2 + 1)", "x", "-2*x/(x^2 + 1)^2"),
                Arguments.of("(x + 1)/(x - 1)", "x", "1/(x - 1) - (x + 1)/(x - 1)^2"),
                // power rule with integer and rational exponents
                Arguments.of("x^5", "x", "5*x^4"),
                Arguments.of("x^(1/3)", "x", "1/(3*x^(2/3))"),
                Arguments.of("x^-2", "x", "-2/x^3"),
                // exponent rule: (2^x)' = 2^x ln 2; (x^y)_y = x^y ln x
                Arguments.of("2^x", "x", "2^x*log(2)"),
                Arguments.of("x^y", "y", "x^y*log(x)"),
                Arguments.of("x^y", "x", "y*x^(y - 1)"),
                // the rest of the table of functions
                Arguments.of("tan(x)", "x", "tan(x)^2 + 1"),
                Arguments.of("asin(x)", "x", "1/sqrt(1 - x^2)"),
                Arguments.of("acos(x)", "x", "-1/sqrt(1 - x^2)"),
                Arguments.of("atan(x)", "x", "1/(x^2 + 1)"),
                Arguments.of("sinh(x)", "x", "cosh(x)"),
                Arguments.of("cosh(x)", "x", "sinh(x)"),
                Arguments.of("softplus(x)", "x", "sigmoid(x)"),
                Arguments.of("sqrt(x)", "x", "1/(2*sqrt(x))"),
                Arguments.of("log(x)", "x", "1/x"),
                Arguments.of("pi*x^2", "x", "2*pi*x"),
                // the factored power stays factored
                Arguments.of("(x + y)^50", "x", "50*(x + y)^49"),
                // like terms collected before differentiating: x*y + 2*y*x = 3*x*y
                Arguments.of("x*y + 2*y*x", "y", "3*x"),
                // subtraction and a negative leading coefficient
                Arguments.of("x^2 - 3*x*y^2", "y", "-6*x*y"),
                Arguments.of("y*x - x^2", "x", "y - 2*x"));
    }

    @ParameterizedTest(name = "d/d{1} {0} = {2}")
    @MethodSource("table")
    void derivativePrintsAsTheTextbookWritesIt(String f, String variable, String expected) {
        Formula formula = Formula.parse(f);
        SymbolicDerivatives d = Symbolic.prepare(formula);
        MultiIndex index = MultiIndex.of(formula, variable);
        assertThat(d.derivative(0, index).text()).isEqualTo(expected);
        assertThat(Symbolic.differentiate(formula.output(0), variable).text()).isEqualTo(expected);
    }
}
