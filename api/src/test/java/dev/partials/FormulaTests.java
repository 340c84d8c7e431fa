package dev.partials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaTests {

    @Test
    void seedParsesPrintsAndEvaluates() {
        Formula f = Formula.parse("x^2 + 3*x*y");
        assertThat(f.variables()).containsExactly("x", "y");
        assertThat(f.text()).isEqualTo("x^2 + 3*x*y");
        assertThat(f.program().evaluate(1, 2)).containsExactly(7.0);
        assertThat(f).hasToString("f(x, y) = x^2 + 3*x*y");
    }

    @Test
    void variablesAreInNaturalOrderUnlessDeclared() {
        assertThat(Formula.parse("x10 + x2 + x1 + b").variables()).containsExactly("b", "x1", "x2", "x10");
        assertThat(Formula.parse("x^2 + 3*x*y", "y", "x").variables()).containsExactly("y", "x");
        assertThat(Formula.parse("x", "x", "unused").dimension()).isEqualTo(2);
        assertThat(Formula.NATURAL_ORDER.compare("w2", "w10")).isNegative();
        assertThat(Formula.NATURAL_ORDER.compare("a", "b")).isNegative();
        assertThat(Formula.NATURAL_ORDER.compare("x01", "x1")).isNotZero();
    }

    @Test
    void aDeclaredVariableMayUseAConstantsName() {
        Formula f = Formula.parse("e^2", "e");
        assertThat(f.program().evaluate(3)).containsExactly(9.0);
        assertThat(Formula.parse("e^x").variables()).containsExactly("x");
        assertThat(Formula.parse("e^x").program().evaluate(1)[0]).isEqualTo(Math.E);
    }

    @Test
    void vectorFormulasHaveSeveralOutputs() {
        Formula f = Formula.parse("[x*y, sin(x)]");
        assertThat(f.isVector()).isTrue();
        assertThat(f.outputCount()).isEqualTo(2);
        assertThat(f.text()).isEqualTo("[x*y, sin(x)]");
        assertThat(f.program().evaluate(2, 3)).containsExactly(6, Math.sin(2));
    }

    @Test
    void rejectsUndeclaredAndDuplicateVariables() {
        assertKind(() -> Formula.parse("x + z", "x", "y"), PartialsException.Kind.UNKNOWN_VARIABLE);
        assertKind(() -> Formula.parse("x", "x", "x"), PartialsException.Kind.INVALID_VARIABLE_NAME);
        assertKind(() -> Formula.of(List.of("x"), Expression.variable("y")), PartialsException.Kind.UNKNOWN_VARIABLE);
        assertKind(() -> Formula.parse("x", "2x"), PartialsException.Kind.INVALID_VARIABLE_NAME);
        assertKind(() -> Formula.parse("x").indexOf("y"), PartialsException.Kind.UNKNOWN_VARIABLE);
        assertKind(() -> Formula.parse("x").output(1), PartialsException.Kind.NO_SUCH_OUTPUT);
    }

    @Test
    void traceRecordsJavaCodeAndKeepsSharing() {
        double[][] xs = {{1, 2}, {3, 4}, {-1, 0.5}};
        double[] ys = {0, 1, 1};
        Formula loss = Formula.trace(List.of("w1", "w2"), v -> {
            Expression sum = Expression.constant(0);
            for (int i = 0; i < xs.length; i++) {
                Expression out = v.get(0).times(xs[i][0]).plus(v.get("w2").times(xs[i][1])).sigmoid();
                Expression err = out.minus(ys[i]);
                sum = sum.plus(err.times(err));
            }
            return sum;
        });
        double w1 = 0.3;
        double w2 = -0.2;
        double expected = 0;
        for (int i = 0; i < xs.length; i++) {
            double o = 1 / (1 + Math.exp(-(w1 * xs[i][0] + w2 * xs[i][1])));
            expected += (o - ys[i]) * (o - ys[i]);
        }
        assertThat(loss.program().evaluate(w1, w2)[0]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
        // err is used twice but exists once
        Expression root = loss.output(0);
        assertThat(root.nodeCount()).isLessThan(45);
        assertKind(() -> Formula.trace(List.of("a"), v -> v.get("b")), PartialsException.Kind.UNKNOWN_VARIABLE);
    }

    @Test
    void traceVectorGivesAJacobianShapedFormula() {
        Formula f = Formula.traceVector(List.of("x", "y"), v -> List.of(v.get(0).times(v.get(1)), v.get(0).sin()));
        assertThat(f).isEqualTo(Formula.parse("[x*y, sin(x)]"));
    }

    private static void assertKind(Runnable r, PartialsException.Kind kind) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(PartialsException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
