package dev.partials.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/**
 * The accuracy table of the numeric providers: the median relative error of first partials against
 * closed forms, on sin, exp, the seed example, Rosenbrock (n = 10) and a polynomial of degree 8, for
 * single central stencils of order 2, 4 and 6 (step from the error model), the default Ridders
 * extrapolation, and the complex step. The table is printed (run
 * {@code ./mvnw -pl numeric -am verify -Dtest=FiniteDifferenceAccuracyTests -Dsurefire.failIfNoSpecifiedTests=false})
 * and the targets are asserted: central order 2 ≤ 1e-9, Richardson ≤ 1e-12, complex step ≤ 1e-15; the
 * median Richardson estimate lies between 1 and 100 times the median error (the contract's honesty
 * measure). The median over the points of estimate / true error is printed as well.
 */
class FiniteDifferenceAccuracyTests {

    private static final Expression X = Expression.variable("x");
    private static final Expression Y = Expression.variable("y");

    /** A function, its points, and its exact gradient in closed form. */
    private record Case(String name, Formula formula, List<double[]> points, ToDoubleBiFunction<double[], Integer> partial) {
    }

    private static List<double[]> points(SplittableRandom random, int count, int n, double bound) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] p = new double[n];
            for (int j = 0; j < n; j++) {
                p[j] = random.nextDouble(-bound, bound);
            }
            out.add(p);
        }
        return out;
    }

    private static final double[] POLY = {1, -2, 0.5, 3, -1.25, 0.75, -0.3, 0.1, 0.05};

    private static List<Case> cases() {
        SplittableRandom random = new SplittableRandom(20261126);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("sin", Formula.of(List.of("x"), X.sin()), points(random, 25, 1, 3),
                (p, j) -> Math.cos(p[0])));
        cases.add(new Case("exp", Formula.of(List.of("x"), X.exp()), points(random, 25, 1, 3),
                (p, j) -> Math.exp(p[0])));
        List<double[]> seedPoints = points(random, 12, 2, 3);
        seedPoints.add(new double[] {1, 2});
        cases.add(new Case("x^2 + 3*x*y", Formula.of(List.of("x", "y"), X.pow(2).plus(X.times(Y).times(3))),
                seedPoints, (p, j) -> j == 0 ? 2 * p[0] + 3 * p[1] : 3 * p[0]));
        int n = 10;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        Formula rosenbrock = Formula.trace(names, v -> {
            Expression s = Expression.constant(0);
            for (int i = 0; i < n - 1; i++) {
                s = s.plus(v.get(i + 1).minus(v.get(i).pow(2)).pow(2).times(100))
                        .plus(Expression.constant(1).minus(v.get(i)).pow(2));
            }
            return s;
        });
        List<double[]> rosenbrockPoints = points(random, 3, n, 1.5);
        double[] bench = new double[n];
        for (int i = 0; i < n; i++) {
            bench[i] = 0.5 + 0.01 * i;
        }
        rosenbrockPoints.add(bench);
        cases.add(new Case("Rosenbrock n=10", rosenbrock, rosenbrockPoints, (x, j) -> {
            double g = 0;
            if (j < n - 1) {
                g += -400 * x[j] * (x[j + 1] - x[j] * x[j]) - 2 * (1 - x[j]);
            }
            if (j > 0) {
                g += 200 * (x[j] - x[j - 1] * x[j - 1]);
            }
            return g;
        }));
        Expression poly = Expression.constant(0);
        for (int k = 0; k < POLY.length; k++) {
            poly = poly.plus(X.pow(k).times(POLY[k]));
        }
        cases.add(new Case("degree-8 polynomial", Formula.of(List.of("x"), poly), points(random, 25, 1, 1.5), (p, j) -> {
            double d = 0;
            for (int k = POLY.length - 1; k >= 1; k--) {
                d = d * p[0] + k * POLY[k];
            }
            return d;
        }));
        return cases;
    }

    private static Map<String, PartialDerivative> methods() {
        Map<String, PartialDerivative> m = new LinkedHashMap<>();
        m.put("central O(h^2)", FiniteDifference.builder().accuracy(2).richardsonTerms(1).build());
        m.put("central O(h^4)", FiniteDifference.builder().accuracy(4).richardsonTerms(1).build());
        m.put("central O(h^6)", FiniteDifference.builder().accuracy(6).richardsonTerms(1).build());
        m.put("Richardson (default)", PartialDerivative.of("finite-difference"));
        m.put("complex step", PartialDerivative.of("complex-step"));
        return m;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[v.length / 2];
    }

    @Test
    void medianRelativeErrorsMeetTheTargets() {
        List<Case> cases = cases();
        Map<String, PartialDerivative> methods = methods();
        Map<String, double[]> table = new LinkedHashMap<>();
        double[] estimates = new double[cases.size()];
        double[] ratios = new double[cases.size()];
        for (Map.Entry<String, PartialDerivative> m : methods.entrySet()) {
            double[] row = new double[cases.size()];
            for (int c = 0; c < cases.size(); c++) {
                Case k = cases.get(c);
                Derivatives d = m.getValue().prepare(k.formula());
                List<Double> errors = new ArrayList<>();
                List<Double> estimated = new ArrayList<>();
                List<Double> ratio = new ArrayList<>();
                for (double[] p : k.points()) {
                    for (int j = 0; j < p.length; j++) {
                        double exact = k.partial().applyAsDouble(p, j);
                        if (exact == 0) {
                            continue;
                        }
                        MultiIndex unit = MultiIndex.unit(p.length, j);
                        double value;
                        if (d.capabilities().errorEstimates()) {
                            Estimate e = d.partialEstimate(0, unit, p);
                            value = e.value();
                            estimated.add(e.error() / Math.abs(exact));
                            if (value != exact) {
                                ratio.add(e.error() / Math.abs(value - exact));
                            }
                        } else {
                            value = d.partial(0, unit, p);
                        }
                        errors.add(Math.abs(value - exact) / Math.abs(exact));
                    }
                }
                row[c] = median(errors);
                if (m.getKey().startsWith("Richardson")) {
                    estimates[c] = median(estimated);
                    ratios[c] = median(ratio);
                }
            }
            table.put(m.getKey(), row);
        }
        table.put("Richardson: estimated error", estimates);
        table.put("Richardson: median of estimate / true error", ratios);
        print(cases, table);

        for (int c = 0; c < cases.size(); c++) {
            String name = cases.get(c).name();
            assertThat(table.get("central O(h^2)")[c]).as("central O(h^2) on %s", name).isLessThanOrEqualTo(1e-9);
            assertThat(table.get("central O(h^4)")[c]).as("central O(h^4) on %s", name).isLessThanOrEqualTo(1e-11);
            assertThat(table.get("Richardson (default)")[c]).as("Richardson on %s", name).isLessThanOrEqualTo(1e-12);
            assertThat(table.get("complex step")[c]).as("complex step on %s", name).isLessThanOrEqualTo(1e-15);
            // The contract's measure: the median estimate covers the median error, and by at most 100×.
            assertThat(estimates[c] / table.get("Richardson (default)")[c]).as("median estimate / median error on %s", name)
                    .isBetween(1.0, 100.0);
        }
    }

    private static void print(List<Case> cases, Map<String, double[]> table) {
        StringBuilder sb = new StringBuilder("\nMedian relative error of first partials against closed forms\n\n| method |");
        for (Case c : cases) {
            sb.append(' ').append(c.name()).append(" |");
        }
        sb.append("\n|---|").append("---:|".repeat(cases.size())).append('\n');
        for (Map.Entry<String, double[]> row : table.entrySet()) {
            sb.append("| ").append(row.getKey()).append(" |");
            Arrays.stream(row.getValue()).forEach(v -> sb.append(String.format(java.util.Locale.ROOT, " %.1e |", v)));
            sb.append('\n');
        }
        System.out.println(sb);
    }
}
