package dev.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiIndexTests {

    private static final Formula F = Formula.of(List.of("x", "y", "z"),
            Expression.variable("x").times(Expression.variable("y")).plus(Expression.variable("z")));

    @Test
    void isBuiltFromCountsOrVariableNames() {
        MultiIndex a = MultiIndex.of(2, 1, 0);
        MultiIndex b = MultiIndex.of(F, "x", "y", "x");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).hasToString("(2, 1, 0)");
        assertThat(a.order()).isEqualTo(3);
        assertThat(a.isMixed()).isTrue();
        assertThat(MultiIndex.of(0, 3, 0).isMixed()).isFalse();
        assertThat(a.variables()).containsExactly(0, 0, 1);
        assertThat(MultiIndex.pair(3, 2, 0)).isEqualTo(MultiIndex.of(1, 0, 1));
        assertThat(MultiIndex.pair(3, 1, 1)).isEqualTo(MultiIndex.of(0, 2, 0));
        assertThat(MultiIndex.zero(3).order()).isZero();
        assertThat(MultiIndex.unit(3, 2).firstVariable()).isEqualTo(2);
        assertThat(a.plus(2)).isEqualTo(MultiIndex.of(2, 1, 1));
    }

    @Test
    void rejectsUnknownVariablesNegativeCountsAndHugeOrders() {
        assertThatThrownBy(() -> MultiIndex.of(F, "x", "w"))
                .isInstanceOfSatisfying(PartialsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PartialsException.Kind.UNKNOWN_VARIABLE);
                    assertThat(e.name()).contains("w");
                });
        assertThatThrownBy(() -> MultiIndex.of(1, -1))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> MultiIndex.of(Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.ORDER_NOT_SUPPORTED));
        assertThatThrownBy(() -> MultiIndex.unit(2, 2))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.DIMENSION_MISMATCH));
    }
}
