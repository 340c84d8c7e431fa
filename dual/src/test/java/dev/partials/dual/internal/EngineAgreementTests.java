package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every entry point that can run generated code — gradient of each output, Jacobian, their batches
 * with and without values, the Hessian of each output — gives bit for bit the numbers of the
 * interpreters ({@code partials.dual.compile=never}, the independent oracle) when the code is generated
 * ({@code always}), for scalar and vector formulas, formulas split over several generated methods and
 * formulas whose outputs are inputs or constants.
 */
class EngineAgreementTests {

    private static DualDerivatives prepare(String mode, Formula f) {
        return CompileModes.prepare(mode, f);
    }

    private static void sameBits(String what, double[] expected, double[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                fail("%s[%d]: interpreter %s, compiled %s", what, i, expected[i], actual[i]);
            }
        }
    }

    private static void sameBits(String what, double[][] expected, double[][] actual) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            sameBits(what + "[" + r + "]", expected[r], actual[r]);
        }
    }

    private static double[][] filled(int rows, int columns) {
        double[][] a = new double[rows][columns];
        for (double[] row : a) {
            Arrays.fill(row, 42.0); // every entry must be written
        }
        return a;
    }

    private static double[] filled(int length) {
        double[] a = new double[length];
        Arrays.fill(a, 42.0);
        return a;
    }

    /** Compares every compiled entry point of f with the interpreter at the points. */
    private static void agree(Formula f, double[][] points) {
        DualDerivatives never = prepare("never", f);
        DualDerivatives always = prepare("always", f);
        assertThat(always.isCompiled()).as("compiled %s", f).isTrue();
        assertThat(never.isCompiled()).isFalse();
        int n = f.dimension();
        int m = f.outputCount();
        for (double[] p : points) {
            String at = f + " at " + Arrays.toString(p);
            double[] ej = filled(m * n);
            double[] aj = filled(m * n);
            never.jacobian(p, ej);
            always.jacobian(p, aj);
            sameBits("Jacobian of " + at, ej, aj);
            for (int k = 0; k < m; k++) {
                double[] eg = filled(n);
                double[] ag = filled(n);
                never.gradient(k, p, eg);
                always.gradient(k, p, ag);
                sameBits("gradient " + k + " of " + at, eg, ag);
                sameBits("gradient " + k + " as Jacobian row of " + at, Arrays.copyOfRange(ej, k * n, k * n + n), ag);
                double[] eh = filled(n * n);
                double[] ah = filled(n * n);
                never.hessian(k, p, eh);
                always.hessian(k, p, ah);
                assertThat(always.isHessianCompiled(k)).isTrue();
                assertThat(never.isHessianCompiled(k)).isFalse();
                sameBits("Hessian " + k + " of " + at, eh, ah);
            }
        }
        // the batches, column by column, with and without values
        int count = points.length;
        double[][] columns = new double[n][count];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < n; j++) {
                columns[j][p] = points[p][j];
            }
        }
        double[][] ejb = filled(m * n, count);
        double[][] ajb = filled(m * n, count);
        double[][] ev = filled(m, count);
        double[][] av = filled(m, count);
        never.jacobianBatch(columns, ev, ejb);
        always.jacobianBatch(columns, av, ajb);
        sameBits("Jacobian batch of " + f, ejb, ajb);
        sameBits("values of the Jacobian batch of " + f, ev, av);
        double[][] ajb2 = filled(m * n, count);
        always.jacobianBatch(columns, null, ajb2);
        sameBits("Jacobian batch without values of " + f, ejb, ajb2);
        double[][] values = new double[m][count];
        never.valuesBatch(columns, values);
        sameBits("values of " + f, values, ev);
        if (m == 1) {
            double[][] egb = filled(n, count);
            double[][] agb = filled(n, count);
            double[] egv = filled(count);
            double[] agv = filled(count);
            never.gradientBatch(columns, egv, egb);
            always.gradientBatch(columns, agv, agb);
            sameBits("gradient batch of " + f, egb, agb);
            sameBits("values of the gradient batch of " + f, egv, agv);
            sameBits("gradient batch values against the values of " + f, values[0], agv);
            double[][] agb2 = filled(n, count);
            always.gradientBatch(columns, null, agb2);
            sameBits("gradient batch without values of " + f, egb, agb2);
        }
    }

    private static double[][] randomPoints(long seed, int n, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] points = new double[count][n];
        for (double[] p : points) {
            for (int j = 0; j < n; j++) {
                p[j] = r.nextDouble(-2, 2);
            }
        }
        return points;
    }

    @Test
    void scalarFormulasWithEveryKindOfOperation() {
        String[] sources = {"x*y + sin(x)*exp(y)", "x/y - y/x + (x - y)^3", "atan2(x, y) * min(x, y) + max(x*x, y)",
            "sqrt(x*x + y*y + 1) * log(x*x + 2) - tanh(x*y)", "-(x*y) * -(x) + abs(x - y) * relu(y)",
            "(x*x + 1)^y + 2^x * cosh(y)", "sigmoid(x*y) + softplus(x - y) + atan(x) * asin(y / 3)"};
        for (String src : sources) {
            agree(Formula.parse(src, "x", "y"), new double[][] {{0.5, -1.25}, {1.5, 0.75}, {-0.3, 1.9}, {2, 2}});
        }
    }

    @Test
    void vectorFormulasAndOutputsThatAreInputsOrConstants() {
        Formula f = Formula.traceVector(List.of("a", "b", "c"), v -> List.of(
                v.get(0).times(v.get(1)).plus(v.get(2).sin()),
                v.get(2),
                Expression.constant(3),
                v.get(1).times(v.get(1)).exp().minus(v.get(0).div(v.get(2))),
                v.get(0).plus(v.get(0)).plus(v.get(1).times(v.get(2)))));
        agree(f, randomPoints(7, 3, 5));
        agree(Formula.parse("[x*y, x - y^2, sin(x)*y]", "x", "y"), randomPoints(8, 2, 4));
    }

    @Test
    void formulasSplitOverManyMethodsAndBeyondTheFirstChunkOfVariables() {
        int n = 60;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            names.add("x" + j);
        }
        Formula chain = Formula.trace(names, v -> {
            Expression s = Expression.constant(0);
            for (int i = 0; i < n - 1; i++) {
                Expression a = v.get(i);
                Expression b = v.get(i + 1);
                s = s.plus(b.minus(a.times(a)).pow(2).times(100)).plus(Expression.constant(1).minus(a).pow(2))
                        .plus(a.times(b).sin().times(b.exp()));
            }
            return s;
        });
        Tape tape = new Tape(chain.program());
        CodeGenerator.Compiled gradientCode = GradientCompiler.compile(tape);
        CodeGenerator.Compiled hessianCode = HessianCompiler.compile(tape, new HessianPlan(tape, 0), 0);
        // several methods, passing values through the per-thread state array
        assertThat(gradientCode.methods()).isGreaterThan(1);
        assertThat(gradientCode.stateSize()).isPositive();
        assertThat(hessianCode.methods()).isGreaterThan(1);
        assertThat(hessianCode.stateSize()).isPositive();
        agree(chain, randomPoints(9, n, 3));
        // a vector formula whose outputs mix variables of several chunks
        Formula vector = Formula.traceVector(names, v -> {
            List<Expression> outs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Expression t = v.get(k);
                for (int j = k + 9; j < n; j += 7) {
                    t = t.times(v.get(j)).plus(v.get(j - 1).cos());
                }
                outs.add(t);
            }
            return outs;
        });
        agree(vector, randomPoints(10, n, 2));
    }
}
