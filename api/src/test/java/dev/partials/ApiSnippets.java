package dev.partials;

import dev.partials.spi.Checks;
import dev.partials.spi.Program;
import java.util.List;

/**
 * The code examples of the api's Javadoc, compiled with the tests and shown through
 * {@code {@snippet class=dev.partials.ApiSnippets region=…}} (javadoc runs with
 * {@code --snippet-path src/test/java}). {@link ApiSnippetsTests} runs the ones that need no provider.
 */
final class ApiSnippets {

    private ApiSnippets() {
    }

    /** Needs a provider named "dual" on the path. */
    static double[] usingPartials() {
        // @start region="using"
        Formula f = Formula.parse("x^2 + 3*x*y");
        Derivatives d = PartialDerivative.getDefault().prepare(f);
        double[] gradient = d.gradient(1, 2);           // {8, 3}: ∂f/∂x = 2x + 3y, ∂f/∂y = 3x
        // @end
        return gradient;
    }

    /** Needs a provider named "dual" on the path. */
    static double[][] derivatives() {
        // @start region="derivatives"
        Derivatives d = PartialDerivative.of("dual").prepare(Formula.parse("x^2 + 3*x*y"));
        double value = d.value(1, 2);                              // 7
        double[] grad = d.gradient(1, 2);                          // {8, 3}
        double[][] hess = d.hessian(1, 2);                         // {{2, 3}, {3, 0}}
        double dxdy = d.partial(MultiIndex.of(1, 1), 1, 2);        // 3
        // @end
        return new double[][] {{value}, grad, hess[0], hess[1], {dxdy}};
    }

    static List<Formula> formulas() {
        // @start region="formulas"
        Formula seed = Formula.parse("x^2 + 3*x*y");            // variables (x, y), natural order
        Formula yx = Formula.parse("x^2 + 3*x*y", "y", "x");    // variables in the order given
        Formula vec = Formula.parse("[x*y, sin(x)]");           // two outputs
        Formula neuron = Formula.trace(List.of("w1", "w2", "b"), v ->
                v.get("w1").times(1.5).plus(v.get("w2").times(-2.0)).plus(v.get("b")).sigmoid());
        // @end
        return List.of(seed, yx, vec, neuron);
    }

    static Formula trace() {
        // @start region="trace"
        double[][] xs = {{1, 2}, {3, 4}};
        double[] ys = {0, 1};
        Formula loss = Formula.trace(List.of("w1", "w2"), v -> {
            Expression sum = Expression.constant(0);
            for (int i = 0; i < xs.length; i++) {
                Expression out = v.get(0).times(xs[i][0]).plus(v.get(1).times(xs[i][1])).sigmoid();
                sum = sum.plus(out.minus(ys[i]).pow(2));
            }
            return sum;
        });
        // @end
        return loss;
    }

    static String expression() {
        // @start region="expression"
        Expression x = Expression.variable("x");
        Expression y = Expression.variable("y");
        Expression f = x.pow(2).plus(x.times(y).times(3));    // x^2 + x*y*3
        String text = f.text();                              // "x^2 + x*y*3"
        // @end
        return text;
    }

    static double[] program() {
        // @start region="program"
        Program p = Formula.parse("x^2 + 3*x*y").program();
        double[] out = p.evaluate(1, 2);      // {7}
        // @end
        return out;
    }

    static int parseError() {
        int column = 0;
        // @start region="error"
        try {
            Formula.parse("x^2 + * y");
        } catch (PartialsException e) {
            if (e.kind() == PartialsException.Kind.SYNTAX) {
                column = e.column().orElse(0);   // 7
            }
        }
        // @end
        return column;
    }

    /** A provider's batch loop that checks the points range by range, as it computes them. */
    static double[] checkedBatch(Formula formula, double[][] points) {
        // @start region="batch-ranges"
        int count = Checks.batchShape(formula, points);
        double[] values = new double[count];
        double[] point = new double[formula.dimension()];
        for (int from = 0; from < count; from += 2048) {
            int to = Math.min(from + 2048, count);
            Checks.batchPoints(formula, points, from, to);  // NON_FINITE_POINT: the first bad point
            for (int p = from; p < to; p++) {
                for (int j = 0; j < point.length; j++) {
                    point[j] = points[j][p];
                }
                values[p] = formula.program().evaluate(point)[0];
            }
        }
        // @end
        return values;
    }
}
