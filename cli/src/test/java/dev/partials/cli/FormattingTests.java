package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Formula;
import dev.partials.MultiIndex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormattingTests {

    @Test
    void numbersAreTheShortestDecimalThatReadsBack() {
        assertThat(Numbers.format(8.0)).isEqualTo("8");
        assertThat(Numbers.format(-0.5)).isEqualTo("-0.5");
        assertThat(Numbers.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Numbers.format(1e-5)).isEqualTo("1e-5");
        assertThat(Numbers.format(1.25e300)).isEqualTo("1.25e300");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
        for (double v : new double[] {Math.PI, 1e-300, 123456789.123, -2.5e-17, 1e15, 9.999999999999999e14}) {
            assertThat(Double.parseDouble(Numbers.format(v))).isEqualTo(v);
        }
    }

    @Test
    void jsonWritesNonFiniteNumbersAsStrings() {
        Map<String, Object> m = Json.object();
        m.put("a", new double[] {1, Double.NaN, Double.NEGATIVE_INFINITY});
        m.put("s", "q\"uote\n");
        m.put("n", null);
        assertThat(Json.compact(m)).isEqualTo("{\"a\": [1, \"NaN\", \"-Infinity\"], \"s\": \"q\\\"uote\\n\", \"n\": null}");
        assertThat(Json.write(List.of())).isEqualTo("[]");
    }

    @Test
    void partialsAreNamedWithSuperscriptsAndAsciiForCsv() {
        Formula f = Formula.of(List.of("x", "y"), dev.partials.Expression.variable("x"));
        assertThat(Names.partial(f, 0, MultiIndex.of(1, 0))).isEqualTo("∂f/∂x");
        assertThat(Names.partial(f, 0, MultiIndex.of(1, 1))).isEqualTo("∂²f/∂x∂y");
        assertThat(Names.partial(f, 0, MultiIndex.of(2, 1))).isEqualTo("∂³f/∂x²∂y");
        assertThat(Names.ascii(f, 0, MultiIndex.of(2, 1))).isEqualTo("d3f/dx2dy");
        assertThat(Names.partial(f, 0, MultiIndex.of(0, 0))).isEqualTo("f");
    }

    @Test
    void comparisonDeviationIsRelativeAndTreatsNaNAndInfinityAsValues() {
        assertThat(CompareCommand.deviation(8.000000001, 8, 8)).isCloseTo(1.25e-10, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(CompareCommand.deviation(Double.NaN, Double.NaN, 1)).isZero();
        assertThat(CompareCommand.deviation(Double.NaN, 1, 1)).isInfinite();
        assertThat(CompareCommand.deviation(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1)).isZero();
    }

    @Test
    void contourOfAPlaneIsAStraightLine() {
        // z = x over a 3×3 grid at x = 0, 1, 2: the level 0.5 crosses between the first two columns.
        double[] xs = {0, 1, 2};
        double[] ys = {0, 1, 2};
        double[] z = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        List<double[]> segs = Charts.contour(z, xs, ys, 3, 0.5);
        assertThat(segs).hasSize(2).allSatisfy(s -> {
            assertThat(s[0]).isEqualTo(0.5);
            assertThat(s[2]).isEqualTo(0.5);
        });
    }
}
