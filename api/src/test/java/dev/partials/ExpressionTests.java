package dev.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionTests {

    private static final Expression X = Expression.variable("x");
    private static final Expression Y = Expression.variable("y");

    @Test
    void equalityIsStructural() {
        Expression a = X.pow(2).plus(X.times(Y).times(3));
        Expression b = Expression.variable("x").pow(2).plus(Expression.variable("x").times(Y).times(3));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(X.pow(2).plus(X.times(Y).times(4)));
        assertThat(X.minus(Y)).isNotEqualTo(Y.minus(X));
        assertThat(X.sin()).isNotEqualTo(X.cos());
        assertThat(X.negate()).isNotEqualTo(X.times(-1));
    }

    @Test
    void hundredThousandTermSumIsAnOrdinaryInput() {
        Expression sum = Expression.constant(0);
        Expression other = Expression.constant(0);
        for (int i = 0; i < 100_000; i++) {
            sum = sum.plus(X.times(i));
            other = other.plus(Expression.variable("x").times(i));
        }
        assertThat(sum).isEqualTo(other);
        assertThat(sum.hashCode()).isEqualTo(other.hashCode());
        assertThat(sum.variableNames()).containsExactly("x");
        // 1 zero + x + 100,000 constants (0 reused once) + 100,000 products + 100,000 sums, minus sharing
        assertThat(sum.nodeCount()).isGreaterThan(300_000);
        Expression changed = sum.plus(Expression.constant(1));
        assertThat(changed).isNotEqualTo(sum.plus(Expression.constant(2)));
    }

    @Test
    void squaringChainOfSixtyStepsIsLinear() {
        Expression chain = X;
        Expression again = Expression.variable("x");
        for (int i = 0; i < 60; i++) {
            chain = chain.times(chain);
            again = again.times(again);
        }
        // a tree of 2^60 leaves but 61 distinct nodes
        assertThat(chain.nodeCount()).isEqualTo(61);
        assertThat(chain).isEqualTo(again);
        assertThat(chain.variableNames()).containsExactly("x");
        Formula f = Formula.of(List.of("x"), chain);
        assertThat(f.program().evaluate(1.0)).containsExactly(1.0);
        assertThat(f.program().evaluate(-1.0)).containsExactly(1.0);
        assertThat(f.program().evaluate(1.5)).containsExactly(Double.POSITIVE_INFINITY);
    }

    @Test
    void constantsFromDoublesAreExact() {
        assertThat(Expression.constant(1.5)).isEqualTo(new Constant(Rational.of(3, 2)));
        assertThatThrownBy(() -> Expression.constant(Double.NaN))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.INVALID_ARGUMENT));
    }

    @Test
    void rejectsOperationsOfTheWrongArity() {
        assertThatThrownBy(() -> new Unary(Op.ADD, X)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Binary(Op.SIN, X, Y)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsVariableNamesThatAreNotIdentifiers() {
        for (String bad : List.of("", "1x", "x-y", "é", "x y")) {
            assertThatThrownBy(() -> new Variable(bad)).as(bad)
                    .isInstanceOfSatisfying(PartialsException.class,
                            e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.INVALID_VARIABLE_NAME));
        }
        assertThat(new Variable("x_2").name()).isEqualTo("x_2");
        assertThat(new Variable("_alpha9").name()).isEqualTo("_alpha9");
    }
}
