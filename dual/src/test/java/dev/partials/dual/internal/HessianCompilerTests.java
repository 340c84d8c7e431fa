package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.partials.Formula;
import dev.partials.conformance.KitSettings;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The generated Hessian code against the {@link HessianPlan} it replaces: on random programs with
 * every operation, kinks and domain boundaries, every entry is bit for bit the plan's, even the sign
 * of a zero, and structural zeros are +0.
 */
class HessianCompilerTests {

    private static final KitSettings SETTINGS = KitSettings.fromSystemProperties();

    private static double[] planned(Tape tape, HessianPlan plan, double[] point) {
        int n = tape.n;
        Workspace w = new Workspace(tape);
        double[] out = new double[n * n];
        tape.linearize(point, w.v, w.dl, w.dr);
        plan.evaluate(tape, w.v, w.dl, w.dr, w.pool(plan.poolSize), w.second(), out);
        return out;
    }

    private static void check(Formula f, Tape tape, int output, double[] point) {
        HessianPlan plan = new HessianPlan(tape, output);
        CodeGenerator.Compiled c = HessianCompiler.compile(tape, plan, output);
        assertThat(c).isNotNull();
        check(f, tape, plan, c, output, point);
    }

    private static void check(Formula f, Tape tape, HessianPlan plan, CodeGenerator.Compiled c, int output,
                              double[] point) {
        int n = tape.n;
        double[] expected = planned(tape, plan, point);
        double[] actual = new double[n * n];
        Arrays.fill(actual, 42.0); // every entry must be written
        c.code().run(point, actual, null, new double[c.stateSize()], new HessianPlan.Second());
        int o = tape.outputs[output];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = expected[i * n + j];
                double a = actual[i * n + j];
                if (Double.doubleToLongBits(e) != Double.doubleToLongBits(a)) { // even the sign of a zero
                    fail("∂²f%d/∂x%d∂x%d of %s at %s: plan %s, compiled %s", output, i, j, f,
                            Arrays.toString(point), e, a);
                }
                if (!tape.program.dependsOn(o, i) || !tape.program.dependsOn(o, j)) {
                    assertThat(Double.doubleToRawLongBits(a)).as("structural zero (%d, %d)", i, j).isZero();
                }
            }
        }
    }

    @Test
    void randomProgramsWithEveryOperationMatchThePlan() {
        int tries = SETTINGS.scaledTries(1) * 3;
        for (int i = 0; i < tries; i++) {
            RandomGenerator r = SETTINGS.randomForTry(i);
            Formula f = GradientCompilerTests.randomFormula(r);
            Tape tape = new Tape(f.program());
            for (int k = 0; k < tape.m; k++) {
                HessianPlan plan = new HessianPlan(tape, k);
                CodeGenerator.Compiled c = HessianCompiler.compile(tape, plan, k);
                assertThat(c).isNotNull();
                for (int p = 0; p < 3; p++) {
                    check(f, tape, plan, c, k, GradientCompilerTests.randomPoint(r, f.dimension()));
                }
            }
        }
    }

    @Test
    void kinksAndDomainBoundariesMatchThePlan() {
        String[] sources = {"abs(x) * relu(y) + x*x", "min(x, y) * max(x, y)", "log(x) * y", "sqrt(x) * y * y",
            "sqrt(x*y)", "x^y", "(x - y)^0.5", "atan2(x, y)", "y^0 + x^1 + x^0.5 * y", "x / y", "2^x * y",
            "log(x - y) + sqrt(y) * x", "0*log(x) + y*y", "relu(x - y) * abs(y - x)", "exp(x)^y", "(x*y)^3",
            "sin(x)*cos(y)/tan(x+y)", "-(x*y) * -(x)"};
        double[][] points = {{0, 0}, {0, 1}, {1, 0}, {-1, 2}, {2, 2}, {-0.0, 0}, {1e-320, 3}, {0.5, -0.25}};
        for (String src : sources) {
            Formula f = Formula.parse(src, "x", "y");
            Tape tape = new Tape(f.program());
            for (double[] p : points) {
                check(f, tape, 0, p);
            }
        }
    }

    @Test
    void rosenbrockIsSplitIntoMethodsAndStillMatches() {
        int n = 100;
        Formula f = TestData.rosenbrock(n);
        Tape tape = new Tape(f.program());
        HessianPlan plan = new HessianPlan(tape, 0);
        CodeGenerator.Compiled c = HessianCompiler.compile(tape, plan, 0);
        assertThat(c.methods()).isGreaterThan(3);
        double[] point = new double[n];
        for (int i = 0; i < n; i++) {
            point[i] = 0.5 + 0.01 * i;
        }
        check(f, tape, plan, c, 0, point);
        // the band only: the sum's 100 × 100 block is never formed
        assertThat(c.statements()).isLessThan(40 * n);
    }

    @Test
    void autoModeCompilesTheHessianAfterSomeCalls() {
        DualDerivatives d = (DualDerivatives) new DualProvider().prepare(TestData.rosenbrock(10));
        double[] point = new double[10];
        Arrays.fill(point, 0.5);
        double[] h = new double[100];
        assertThat(d.isHessianCompiled(0)).isFalse();
        for (int i = 0; i < DualDerivatives.COMPILE_AFTER + 1; i++) {
            d.hessian(point, h);
        }
        assertThat(d.isHessianCompiled(0)).isTrue();
        // closed form: ∂²/∂x0² = 1200·x0² − 400·x1 + 2, ∂²/∂x0∂x1 = −400·x0, ∂²/∂x9² = 200
        assertThat(h[0]).isEqualTo(102.0);
        assertThat(h[1]).isEqualTo(-200.0);
        assertThat(h[10]).isEqualTo(-200.0);
        assertThat(h[2]).isEqualTo(0.0);
        assertThat(h[99]).isEqualTo(200.0);
    }
}
