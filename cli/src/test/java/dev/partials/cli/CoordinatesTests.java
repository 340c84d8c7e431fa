package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinatesTests {

    private static final List<String> XY = List.of("x", "y");

    @Test
    void readsNamedCoordinatesInTheFormulasOrder() {
        assertThat(Coordinates.parse(XY, "x=1,y=2")).containsExactly(1, 2);
        assertThat(Coordinates.parse(XY, "y=2, x=1")).containsExactly(1, 2);
        assertThat(Coordinates.parse(XY, " x = -1.5 , y = 2e-3 ")).containsExactly(-1.5, 2e-3);
    }

    @Test
    void readsUnnamedCoordinatesInVariableOrder() {
        assertThat(Coordinates.parse(XY, "1,2")).containsExactly(1, 2);
        assertThat(Coordinates.parse(XY, "-1,-2")).containsExactly(-1, -2);
    }

    @Test
    void aFormulaWithoutVariablesNeedsNoPoint() {
        assertThat(Coordinates.parse(List.of(), null)).isEmpty();
    }

    @Test
    void rejectsAVariableTheFormulaDoesNotHave() {
        assertThatThrownBy(() -> Coordinates.parse(XY, "x=1,y=2,z=3"))
                .isInstanceOfSatisfying(PartialsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_VARIABLE);
                    assertThat(e.name()).contains("z");
                })
                .hasMessageContaining("\"z\"").hasMessageContaining("[x, y]");
    }

    @Test
    void rejectsAMissingCoordinateNamingIt() {
        assertThatThrownBy(() -> Coordinates.parse(XY, "x=1"))
                .isInstanceOfSatisfying(PartialsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DIMENSION_MISMATCH);
                    assertThat(e.name()).contains("y");
                })
                .hasMessageContaining("missing a coordinate for y");
    }

    @Test
    void rejectsTooManyOrTooFewUnnamedCoordinates() {
        assertThatThrownBy(() -> Coordinates.parse(XY, "1,2,3"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DIMENSION_MISMATCH))
                .hasMessageContaining("3 coordinate(s)").hasMessageContaining("too many");
        assertThatThrownBy(() -> Coordinates.parse(XY, "1"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DIMENSION_MISMATCH))
                .hasMessageContaining("too few");
    }

    @Test
    void rejectsAMissingPoint() {
        assertThatThrownBy(() -> Coordinates.parse(XY, null))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DIMENSION_MISMATCH))
                .hasMessageContaining("--at x=1,y=2");
    }

    @Test
    void rejectsACoordinateGivenTwice() {
        assertThatThrownBy(() -> Coordinates.parse(XY, "x=1,x=2,y=3"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT))
                .hasMessageContaining("twice");
    }

    @Test
    void rejectsMixedNamedAndUnnamedCoordinates() {
        assertThatThrownBy(() -> Coordinates.parse(XY, "x=1,2"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT));
    }

    @Test
    void rejectsACoordinateThatIsNotANumber() {
        assertThatThrownBy(() -> Coordinates.parse(XY, "x=1,y=abc"))
                .isInstanceOfSatisfying(PartialsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
                    assertThat(e.name()).contains("y");
                })
                .hasMessageContaining("\"abc\" is not a number");
        assertThatThrownBy(() -> Coordinates.parse(XY, "x=1,y="))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT));
    }

    @Test
    void rejectsNonFiniteCoordinates() {
        assertThatThrownBy(() -> Coordinates.parse(XY, "x=NaN,y=1"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NON_FINITE_POINT));
        assertThatThrownBy(() -> Coordinates.parse(XY, "x=1,y=Infinity"))
                .isInstanceOfSatisfying(PartialsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NON_FINITE_POINT));
    }

    @Test
    void splitsOnlyAtCommasOutsideParentheses() {
        assertThat(Coordinates.split("x=atan2(1, 2),y=3")).containsExactly("x=atan2(1, 2)", "y=3");
        assertThat(Coordinates.split("1,2")).containsExactly("1", "2");
    }
}
