package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The Dual value type, against the tape evaluator on the same functions, and its own contract. */
class DualNumberTests {

    private static final PartialDerivative DUAL = PartialDerivative.of("dual");

    private static Dual[] variables(double... point) {
        Dual[] v = new Dual[point.length];
        for (int i = 0; i < point.length; i++) {
            v[i] = Dual.variable(point.length, i, point[i]);
        }
        return v;
    }

    /** The Dual computation and the tape agree on the value and every partial, to a few ulps. */
    private static void agree(Formula formula, double[] point, Function<Dual[], Dual> code) {
        Dual r = code.apply(variables(point));
        Derivatives d = DUAL.prepare(formula);
        Close.ulps(r.value(), d.value(point), 2);
        double[] g = d.gradient(point);
        assertThat(r.dimension()).isEqualTo(point.length);
        for (int j = 0; j < point.length; j++) {
            Close.ulps(r.partial(j), g[j], 4);
        }
    }

    @Test
    void seedExampleMatchesTheTape() {
        agree(Functions.SEED, Functions.SEED_POINT, v -> v[0].pow(2).add(v[0].multiply(3).multiply(v[1])));
        Dual x = Dual.variable(2, 0, 1);
        Dual y = Dual.variable(2, 1, 2);
        Dual f = x.pow(2).add(x.multiply(3).multiply(y));
        assertThat(f.value()).isEqualTo(7.0);
        assertThat(f.gradient()).containsExactly(8.0, 3.0);
    }

    @Test
    void neuronMatchesTheTape() {
        agree(Functions.NEURON, Functions.NEURON_POINT,
                v -> v[0].multiply(1.5).add(v[1].multiply(-2.0)).add(v[2]).sigmoid().subtract(1.0).pow(2));
    }

    @Test
    void rat43MatchesTheTape() {
        agree(Functions.RAT43, Functions.RAT43_POINT, v -> {
            Dual one = Dual.constant(4, 1);
            return v[0].divide(one.add(v[1].subtract(v[2].multiply(9.0)).exp()).pow(one.divide(v[3]))).subtract(16.08);
        });
    }

    @Test
    void rosenbrockMatchesTheTape() {
        int n = 10;
        agree(Functions.rosenbrock(n), Functions.rosenbrockPoint(n), v -> {
            Dual sum = Dual.constant(n, 0);
            for (int i = 0; i < n - 1; i++) {
                sum = sum.add(v[i + 1].subtract(v[i].pow(2)).pow(2).multiply(100))
                        .add(Dual.constant(n, 1).subtract(v[i]).pow(2));
            }
            return sum;
        });
    }

    @Test
    void everyOperationMatchesTheTape() {
        Formula f = Formula.parse("sin(x*y) + cos(x)*tan(y/3) + asin(x/4) + acos(y/5) + atan(x-y) + sinh(x/2)*cosh(y/2)"
                + " + tanh(x*y) + exp(-x) * log(y + 3) + sqrt(x*x + y*y) + abs(x - 2*y) + sigmoid(x + y)"
                + " + relu(x - y) + softplus(x*y) + x^y + x^3 + atan2(x, y) + min(x*x, y) + max(x, y*y)", "x", "y");
        for (double[] point : new double[][] {{0.7, 1.3}, {1.9, 0.4}, {1.1, -0.4}}) {
            agree(f, point, v -> {
                Dual x = v[0];
                Dual y = v[1];
                return x.multiply(y).sin().add(x.cos().multiply(y.divide(3).tan())).add(x.divide(4).asin())
                        .add(y.divide(5).acos()).add(x.subtract(y).atan()).add(x.divide(2).sinh().multiply(y.divide(2).cosh()))
                        .add(x.multiply(y).tanh()).add(x.negate().exp().multiply(y.add(3).log()))
                        .add(x.multiply(x).add(y.multiply(y)).sqrt()).add(x.subtract(y.multiply(2)).abs())
                        .add(x.add(y).sigmoid()).add(x.subtract(y).relu()).add(x.multiply(y).softplus())
                        .add(x.pow(y)).add(x.pow(3)).add(x.atan2(y)).add(x.multiply(x).min(y)).add(x.max(y.multiply(y)));
            });
        }
    }

    @Test
    void aStructuralZeroStaysZeroThroughAnInfiniteDerivative() {
        Dual x = Dual.variable(2, 0, 2);
        Dual y = Dual.variable(2, 1, 0);
        Dual f = x.add(y.log().multiply(0));
        assertThat(f.partial(0)).isEqualTo(1.0);
        assertThat(f.partial(1)).isNaN();
    }

    @Test
    void kinksFollowTheConventions() {
        Dual x = Dual.variable(2, 0, 0);
        Dual y = Dual.variable(2, 1, 0);
        assertThat(x.abs().gradient()).containsExactly(0.0, 0.0);
        assertThat(x.relu().gradient()).containsExactly(0.0, 0.0);
        assertThat(x.min(y).gradient()).containsExactly(0.5, 0.5);
        assertThat(x.max(y).gradient()).containsExactly(0.5, 0.5);
        assertThat(x.sqrt().partial(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(x.pow(0).value()).isEqualTo(1.0);
        assertThat(x.pow(0).partial(0)).isEqualTo(0.0);
        assertThat(x.pow(y.add(2)).gradient()).containsExactly(0.0, 0.0);
        assertThat(Dual.variable(1, 0, -2).pow(3).partial(0)).isEqualTo(12.0);
    }

    @Test
    void variablesAndConstantsHaveUnitAndZeroPartials() {
        assertThat(Dual.variable(3, 1, 4.5).gradient()).containsExactly(0.0, 1.0, 0.0);
        assertThat(Dual.variable(3, 1, 4.5).value()).isEqualTo(4.5);
        assertThat(Dual.constant(3, 2).gradient()).containsExactly(0.0, 0.0, 0.0);
        assertThat(Dual.constant(0, 2).dimension()).isZero();
    }

    @Test
    void isImmutable() {
        Dual x = Dual.variable(2, 0, 1);
        x.gradient()[0] = 42;
        assertThat(x.partial(0)).isEqualTo(1.0);
        Dual y = x.add(1);
        assertThat(x.value()).isEqualTo(1.0);
        assertThat(y.value()).isEqualTo(2.0);
    }

    @Test
    void rejectsMismatchedDimensionsAndBadIndices() {
        assertThatThrownBy(() -> Dual.variable(2, 0, 1).add(Dual.variable(3, 0, 1)))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.DIMENSION_MISMATCH));
        assertThatThrownBy(() -> Dual.variable(2, 2, 1))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.DIMENSION_MISMATCH));
        assertThatThrownBy(() -> Dual.constant(-1, 1))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> Dual.variable(2, 0, 1).partial(5))
                .isInstanceOfSatisfying(PartialsException.class,
                        e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.DIMENSION_MISMATCH));
    }

    @Test
    void equalityIsByValueAndPartials() {
        Dual a = Dual.variable(2, 0, 1).multiply(3);
        Dual b = Dual.variable(2, 0, 1).add(Dual.variable(2, 0, 1)).add(Dual.variable(2, 0, 1));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Dual.variable(2, 1, 1).multiply(3));
        assertThat(a).hasToString("Dual[3.0; 3.0, 0.0]");
    }
}
