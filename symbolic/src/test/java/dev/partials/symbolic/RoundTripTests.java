package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.spi.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Printed derivatives read back ({@link Formula#parse(String, List)}) to the same expressions, and
 * those evaluate ({@link Program}) to exactly the provider's values at random points.
 */
class RoundTripTests {

    private static final List<String> TEXTBOOK = List.of("x^2 + 3*x*y", "sin(x)*cos(y)", "exp(x^2)*y",
            "log(x^2 + 1)", "x^y", "sqrt(x^2 + y^2)", "tanh(x*y + 1)", "sigmoid(x - y)", "atan2(y, x)",
            "x/y", "(x + 1)/(x - y)", "x^(1/3)*y^-2");

    @Test
    void textbookDerivativesReadBackAndEvaluateToTheProvidersValues() {
        for (String source : TEXTBOOK) {
            checkRoundTrip(Formula.parse(source, "x", "y"), RandomExpressions.random(source.hashCode()));
        }
    }

    @Test
    void randomDerivativesReadBackAndEvaluateToTheProvidersValues() {
        List<String> xyz = List.of("x", "y", "z");
        for (int i = 0; i < RandomExpressions.tries(); i++) {
            RandomGenerator r = RandomExpressions.random(i);
            Expression e = RandomExpressions.next(r, xyz, 3 + r.nextInt(12), RandomExpressions.Kind.ELEMENTARY);
            checkRoundTrip(Formula.of(xyz, e), r);
        }
    }

    /**
     * Every first and second partial: its text parses to an equal expression, and at five random
     * points that expression's program gives exactly the provider's partial wherever the partial is
     * not NaN (where it is NaN by the domain convention, e.g. 1/x for log at x &lt; 0, the printed
     * formula is the textbook one and may be finite).
     */
    private static void checkRoundTrip(Formula f, RandomGenerator r) {
        SymbolicDerivatives d = Symbolic.prepare(f);
        int n = f.dimension();
        List<MultiIndex> indices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            indices.add(MultiIndex.unit(n, i));
            for (int j = i; j < n; j++) {
                indices.add(MultiIndex.pair(n, i, j));
            }
        }
        for (MultiIndex index : indices) {
            Expression printed = d.derivative(0, index);
            Expression reread = Formula.parse(printed.text(), f.variables()).output(0);
            assertThat(reread).as("%s of %s: %s", index, f, printed.text()).isEqualTo(printed);
            Program p = Formula.of(f.variables(), reread).program();
            for (int k = 0; k < 5; k++) {
                double[] point = RandomExpressions.point(r, n);
                double expected = d.partial(0, index, point);
                if (!Double.isNaN(expected)) {
                    assertThat(p.evaluate(point)[0]).as("%s of %s = %s at %s", index, f, printed.text(),
                            java.util.Arrays.toString(point)).isEqualTo(expected);
                }
            }
        }
    }
}
