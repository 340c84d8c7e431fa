package dev.partials.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTests {

    private static final Formula XY = Formula.of(List.of("x", "y"),
            Expression.variable("x").times(Expression.variable("y")));

    private static double[][] finiteBatch(int count) {
        double[][] columns = new double[2][count];
        for (int p = 0; p < count; p++) {
            columns[0][p] = p;
            columns[1][p] = -0.5 * p;
        }
        return columns;
    }

    private static PartialsException nonFinite(double[][] columns) {
        PartialsException e = catchThrowableOfType(PartialsException.class, () -> Checks.batch(XY, columns));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.NON_FINITE_POINT);
        return e;
    }

    @Test
    void aFiniteBatchGivesItsSize() {
        assertThat(Checks.batch(XY, finiteBatch(1_003))).isEqualTo(1_003);
        assertThat(Checks.batchShape(XY, finiteBatch(0))).isZero();
    }

    @Test
    void theErrorNamesTheLowestPointNotTheFirstColumn() {
        double[][] columns = finiteBatch(20);
        columns[0][10] = Double.NaN;
        columns[1][5] = Double.POSITIVE_INFINITY;
        PartialsException e = nonFinite(columns);
        assertThat(e.order()).hasValue(5);
        assertThat(e.name()).hasValue("y");
    }

    @Test
    void atOnePointTheFirstVariableIsNamed() {
        double[][] columns = finiteBatch(20);
        columns[0][7] = Double.NEGATIVE_INFINITY;
        columns[1][7] = Double.NaN;
        columns[1][3] = 1.0; // finite: not reported
        PartialsException e = nonFinite(columns);
        assertThat(e.order()).hasValue(7);
        assertThat(e.name()).hasValue("x");
        assertThat(e.getMessage()).contains("point 7").contains("-Infinity");
    }

    @Test
    void aRangeChecksOnlyItsPoints() {
        double[][] columns = finiteBatch(4_100);
        columns[1][2_048] = Double.NaN;
        assertThatCode(() -> Checks.batchPoints(XY, columns, 0, 2_048)).doesNotThrowAnyException();
        assertThatCode(() -> Checks.batchPoints(XY, columns, 2_049, 4_100)).doesNotThrowAnyException();
        PartialsException e = catchThrowableOfType(PartialsException.class,
                () -> Checks.batchPoints(XY, columns, 2_048, 2_049));
        assertThat(e.order()).hasValue(2_048);
        assertThat(e.name()).hasValue("y");
    }

    @Test
    void theShapeIsCheckedBeforeTheCoordinates() {
        double[][] ragged = {{Double.NaN, 1, 2}, {1, 2}};
        PartialsException e = catchThrowableOfType(PartialsException.class, () -> Checks.batch(XY, ragged));
        assertThat(e.kind()).isEqualTo(Kind.DIMENSION_MISMATCH);
        double[][] nan = {{Double.NaN}, {1}};
        assertThat(Checks.batchShape(XY, nan)).isEqualTo(1); // the shape alone is fine
    }
}
