package dev.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Javadoc examples do what their comments say (those that need a provider are run by the providers' tests). */
class ApiSnippetsTests {

    @Test
    void formulaExamplesHaveTheDocumentedVariablesAndOutputs() {
        List<Formula> f = ApiSnippets.formulas();
        assertThat(f.get(0).variables()).containsExactly("x", "y");
        assertThat(f.get(1).variables()).containsExactly("y", "x");
        assertThat(f.get(2).outputCount()).isEqualTo(2);
        assertThat(f.get(3).variables()).containsExactly("w1", "w2", "b");
        // sigmoid(0.3*1.5 + 0.7*(-2) ... ) at (0.3, -0.7, 0.1): 0.45 + 1.4 + 0.1 = 1.95
        assertThat(f.get(3).program().evaluate(0.3, -0.7, 0.1)[0]).isEqualTo(Op.sigmoid(1.5 * 0.3 + -2.0 * -0.7 + 0.1));
    }

    @Test
    void traceExampleIsTheSumOfSquaredErrors() {
        double w1 = 0.5;
        double w2 = -0.25;
        double o1 = Op.sigmoid(w1 + 2 * w2);
        double o2 = Op.sigmoid(3 * w1 + 4 * w2);
        assertThat(ApiSnippets.trace().program().evaluate(w1, w2)[0])
                .isCloseTo(o1 * o1 + (o2 - 1) * (o2 - 1), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void expressionProgramAndErrorExamplesGiveTheCommentedResults() {
        assertThat(ApiSnippets.expression()).isEqualTo("x^2 + x*y*3");
        assertThat(ApiSnippets.program()).containsExactly(7.0);
        assertThat(ApiSnippets.parseError()).isEqualTo(7);
    }

    @Test
    void providerExamplesNeedAProvider() {
        // the api alone has none: the examples fail with the registry's typed error, not anything else
        assertThatThrownBy(ApiSnippets::usingPartials).isInstanceOf(PartialsException.class);
        assertThatThrownBy(ApiSnippets::derivatives).isInstanceOf(PartialsException.class);
    }

    @Test
    void theBatchRangeExampleComputesEveryPointAndNamesTheFirstBadOne() {
        Formula seed = Formula.parse("x^2 + 3*x*y");
        int count = 5_001; // two whole ranges of 2,048 and a shorter one
        double[][] points = new double[2][count];
        for (int p = 0; p < count; p++) {
            points[0][p] = p * 0.5;
            points[1][p] = -p;
        }
        double[] values = ApiSnippets.checkedBatch(seed, points);
        for (int p = 0; p < count; p += 1_000) {
            double x = p * 0.5;
            assertThat(values[p]).isEqualTo(x * x + 3 * x * -p);
        }
        points[1][4_100] = Double.NaN;
        points[0][4_500] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> ApiSnippets.checkedBatch(seed, points))
                .isInstanceOfSatisfying(PartialsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PartialsException.Kind.NON_FINITE_POINT);
                    assertThat(e.order()).hasValue(4_100);
                    assertThat(e.name()).hasValue("y");
                });
    }
}
