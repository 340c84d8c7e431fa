package dev.partials.simd;

import static dev.partials.Expression.constant;
import static dev.partials.Expression.variable;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The formulas the tests run, each with the centre and radius of the box its random points come from. */
record Formulas(String name, Formula formula, double[] centre, double radius) {

    @Override
    public String toString() {
        return name;
    }

    static final Expression X = variable("x");
    static final Expression Y = variable("y");
    static final Expression Z = variable("z");

    /** {@code x^2 + 3*x*y} around (1, 2). */
    static Formulas seed() {
        return new Formulas("seed", Formula.of(List.of("x", "y"), X.pow(2).plus(constant(3).times(X).times(Y))),
                new double[] {1, 2}, 0.5);
    }

    /** {@code (sigmoid(w1*1.5 + w2*(-2.0) + b) - 1.0)^2} around (0.3, -0.7, 0.1). */
    static Formulas neuron() {
        Expression w1 = variable("w1");
        Expression w2 = variable("w2");
        Expression b = variable("b");
        Expression f = w1.times(1.5).plus(w2.times(-2.0)).plus(b).sigmoid().minus(1.0).pow(2);
        return new Formulas("neuron", Formula.of(List.of("w1", "w2", "b"), f), new double[] {0.3, -0.7, 0.1}, 0.5);
    }

    /** Rosenbrock in n variables, traced as a loop (one n-ary sum), around x_i = 0.5 + 0.01 i. */
    static Formulas rosenbrock(int n) {
        List<String> names = new ArrayList<>();
        double[] centre = new double[n];
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
            centre[i] = 0.5 + 0.01 * i;
        }
        Formula f = Formula.trace(names, v -> {
            Expression sum = null;
            for (int i = 0; i < n - 1; i++) {
                Expression term = constant(100).times(v.get(i + 1).minus(v.get(i).pow(2)).pow(2))
                        .plus(constant(1).minus(v.get(i)).pow(2));
                sum = sum == null ? term : sum.plus(term);
            }
            return sum;
        });
        return new Formulas("rosenbrock-" + n, f, centre, 0.5);
    }

    /** Five outputs over (x, y, z), one of them a variable and one a constant. */
    static Formulas vector() {
        Formula f = Formula.of(List.of("x", "y", "z"), List.of(
                X.times(Y).plus(Z.sin()),
                X.exp().minus(Y.div(Z)),
                Y.atan2(X),
                Y,
                constant(3)));
        return new Formulas("vector", f, new double[] {0.7, -0.4, 1.3}, 0.5);
    }

    /** Every operation of the language, in a box where all are defined. */
    static Formulas everyOperation() {
        Expression one = constant(1);
        Expression[] terms = {
            X.sin(), Y.cos(), X.times(0.3).tan(), X.times(0.4).asin(), Y.times(0.4).acos(), Z.atan(),
            X.sinh(), Y.cosh(), Z.tanh(), X.times(0.5).exp(), Y.times(Y).plus(one).log(),
            Z.times(Z).plus(one).sqrt(), X.minus(Y).abs(), Z.sigmoid(), X.minus(Z).relu(), Y.softplus(),
            X.times(X).plus(one).pow(Y), Y.atan2(X), X.min(Y), Y.max(Z), X.div(Z.times(Z).plus(2)),
            Y.negate().negate(), X.pow(3), Z.times(Z).plus(one).pow(0.5), Y.pow(-2), X.pow(0), X.pow(1),
            X.times(Z).minus(Y.times(Y)),
        };
        Expression f = terms[0];
        for (int i = 1; i < terms.length; i++) {
            f = f.plus(terms[i]);
        }
        Formula formula = Formula.of(List.of("x", "y", "z"), List.of(f, X.times(Y).sin().times(Z.exp())));
        return new Formulas("every-operation", formula, new double[] {0.3, 0.6, -0.4}, 0.5);
    }

    static List<Formulas> all() {
        return List.of(seed(), neuron(), rosenbrock(10), rosenbrock(40), vector(), everyOperation());
    }

    /** {@code count} points as columns {@code [j][p]}, uniform in the box. */
    double[][] points(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = formula.dimension();
        double[][] columns = new double[n][count];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < n; j++) {
                columns[j][p] = centre[j] + radius * (2 * random.nextDouble() - 1);
            }
        }
        return columns;
    }

    /** {@code count} directions as columns, some components exactly 0. */
    double[][] directions(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = formula.dimension();
        double[][] columns = new double[n][count];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < n; j++) {
                columns[j][p] = random.nextInt(4) == 0 ? 0.0 : 2 * random.nextDouble() - 1;
            }
        }
        return columns;
    }

    static double[] point(double[][] columns, int p) {
        double[] point = new double[columns.length];
        for (int j = 0; j < point.length; j++) {
            point[j] = columns[j][p];
        }
        return point;
    }
}
