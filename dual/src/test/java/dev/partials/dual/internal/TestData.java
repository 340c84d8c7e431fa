package dev.partials.dual.internal;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.ArrayList;
import java.util.List;

/** Formulas and batch helpers shared by the tests of both of dual's packages. */
public final class TestData {

    private TestData() {
    }

    /** Rosenbrock over x0 … x(n-1), as the traced loop a user writes (a chain of additions). */
    public static Formula rosenbrock(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        return Formula.trace(names, v -> {
            Expression sum = Expression.constant(0);
            for (int i = 0; i < n - 1; i++) {
                Expression xi = v.get(i);
                sum = sum.plus(v.get(i + 1).minus(xi.pow(2)).pow(2).times(100))
                        .plus(Expression.constant(1).minus(xi).pow(2));
            }
            return sum;
        });
    }

    /** Point {@code p} of a batch in columns {@code [j][p]}. */
    public static double[] point(double[][] columns, int p) {
        double[] x = new double[columns.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = columns[j][p];
        }
        return x;
    }
}
