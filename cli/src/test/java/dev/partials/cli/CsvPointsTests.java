package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvPointsTests {

    private static CsvPoints csv(String text, String... vars) {
        return new CsvPoints(new BufferedReader(new StringReader(text)), Formula.of(List.of(vars),
                dev.partials.Expression.constant(0)));
    }

    @Test
    void readsPointsIntoColumnsInTheFormulasVariableOrder() {
        CsvPoints in = csv("y,x\n2,1\n4,3\n", "x", "y");
        double[][] cols = new double[2][10];
        List<CsvPoints.Rejected> rejected = new ArrayList<>();
        int n = in.read(cols, 10, null, rejected);
        assertThat(n).isEqualTo(2);
        assertThat(cols[0]).startsWith(1, 3);
        assertThat(cols[1]).startsWith(2, 4);
        assertThat(rejected).isEmpty();
    }

    @Test
    void rejectsMalformedRowsWithTheirLineNumbersAndKeepsTheOthers() {
        String text = String.join("\n",
                "x,y",          // line 1
                "1,2",          // 2
                "1,2,3",        // 3: too many fields
                "",             // 4: blank, skipped
                "abc,2",        // 5: not a number
                "# comment",    // 6: skipped
                "NaN,1",        // 7: not finite
                "5,6",          // 8
                "7");           // 9: too few fields
        CsvPoints in = csv(text, "x", "y");
        double[][] cols = new double[2][10];
        long[] lines = new long[10];
        List<CsvPoints.Rejected> rejected = new ArrayList<>();
        int n = in.read(cols, 10, lines, rejected);
        assertThat(n).isEqualTo(2);
        assertThat(lines).startsWith(2, 8);
        assertThat(cols[0]).startsWith(1, 5);
        assertThat(rejected).extracting(CsvPoints.Rejected::line).containsExactly(3L, 5L, 7L, 9L);
        assertThat(rejected.get(0).reason()).contains("expected 2 value(s)").contains("found 3");
        assertThat(rejected.get(1).reason()).contains("x = \"abc\" is not a number");
        assertThat(rejected.get(2).reason()).contains("not a finite number");
    }

    @Test
    void readsInChunks() {
        StringBuilder sb = new StringBuilder("x\n");
        for (int i = 0; i < 25; i++) {
            sb.append(i).append('\n');
        }
        CsvPoints in = csv(sb.toString(), "x");
        double[][] cols = new double[1][10];
        List<CsvPoints.Rejected> rejected = new ArrayList<>();
        assertThat(in.read(cols, 10, null, rejected)).isEqualTo(10);
        assertThat(in.read(cols, 10, null, rejected)).isEqualTo(10);
        assertThat(cols[0][0]).isEqualTo(10);
        assertThat(in.read(cols, 10, null, rejected)).isEqualTo(5);
        assertThat(in.read(cols, 10, null, rejected)).isZero();
    }

    @Test
    void acceptsQuotedHeadersAndSemicolons() {
        CsvPoints in = csv("\"x\";\"y\"\n1;2\n", "x", "y");
        double[][] cols = new double[2][4];
        assertThat(in.read(cols, 4, null, new ArrayList<>())).isEqualTo(1);
        assertThat(cols[1][0]).isEqualTo(2);
    }

    @Test
    void rejectsAHeaderWithoutEveryVariable() {
        assertThatThrownBy(() -> csv("x\n1\n", "x", "y"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DIMENSION_MISMATCH))
                .hasMessageContaining("no column for y");
    }

    @Test
    void rejectsAHeaderNamingAnUnknownVariable() {
        assertThatThrownBy(() -> csv("x,y,z\n1,2,3\n", "x", "y"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_VARIABLE))
                .hasMessageContaining("\"z\"");
    }

    @Test
    void rejectsAFileWithoutAHeader() {
        assertThatThrownBy(() -> csv("1,2\n3,4\n", "x", "y"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DIMENSION_MISMATCH))
                .hasMessageContaining("header");
        assertThatThrownBy(() -> csv("", "x", "y"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DIMENSION_MISMATCH))
                .hasMessageContaining("empty");
    }
}
