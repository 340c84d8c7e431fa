package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mode {@code auto} (the default): the first {@link DualDerivatives#COMPILE_AFTER} − 1 calls are
 * interpreted and the {@link DualDerivatives#COMPILE_AFTER}-th generates the code — counted over
 * gradients, Jacobians and batches alike for first order, per output for Hessians — while a Hessian
 * beyond {@link DualDerivatives#HESSIAN_BUDGET} stays interpreted for good (and mode {@code always}
 * compiles it anyway). The size estimates are checked against counts by hand.
 */
class AutoCompileThresholdTests {

    private static DualDerivatives prepare(String mode, Formula f) {
        return CompileModes.prepare(mode, f);
    }

    @Test
    void firstOrderCodeIsGeneratedOnExactlyTheHundredthCallOfAnyKind() {
        Formula f = Formula.parse("x*y + sin(x)*z", "x", "y", "z");
        DualDerivatives d = prepare(null, f);
        double[] p = {0.5, 2, -1};
        double[] g = new double[3];
        double[][] columns = {{0.5}, {2}, {-1}};
        double[][] grads = new double[3][1];
        double[][] jacs = new double[3][1];
        int calls = 0;
        while (calls < DualDerivatives.COMPILE_AFTER - 1) {
            switch (calls % 4) {
                case 0 -> d.gradient(p, g);
                case 1 -> d.jacobian(p, g);
                case 2 -> d.gradientBatch(columns, null, grads);
                default -> d.jacobianBatch(columns, null, jacs);
            }
            calls++;
            assertThat(d.isCompiled()).as("after %d calls", calls).isFalse();
        }
        // values, JVPs, partials and Hessians do not count
        d.value(p);
        d.directional(p, p);
        d.hessian(p, new double[9]);
        assertThat(d.isCompiled()).isFalse();
        d.gradient(p, g);
        assertThat(d.isCompiled()).isTrue();
        // ∇(xy + z sin x) = (y + z cos x, x, sin x)
        assertThat(g).containsExactly(2 - Math.cos(0.5), 0.5, Math.sin(0.5));
        d.gradient(new double[] {0, 1, 3}, g);
        assertThat(g).containsExactly(1 + 3.0, 0.0, 0.0);
    }

    @Test
    void theGradientOfAVectorFormulaNeverRunsTheJacobianCode() {
        Formula f = Formula.parse("[x*y, x - y^2]", "x", "y");
        DualDerivatives d = prepare(null, f);
        double[] g = new double[2];
        for (int i = 0; i < 2 * DualDerivatives.COMPILE_AFTER; i++) {
            d.gradient(1, new double[] {3, 2}, g);
        }
        assertThat(d.isCompiled()).isFalse();
        assertThat(g).containsExactly(1.0, -4.0);
        double[] j = new double[4];
        for (int i = 0; i < DualDerivatives.COMPILE_AFTER; i++) {
            d.jacobian(new double[] {3, 2}, j);
        }
        assertThat(d.isCompiled()).isTrue();
        assertThat(j).containsExactly(2.0, 3.0, 1.0, -4.0);
        d.gradient(0, new double[] {3, 2}, g);
        assertThat(g).containsExactly(2.0, 3.0);
    }

    @Test
    void theHessianOfEachOutputIsGeneratedOnItsOwnHundredthCall() {
        Formula f = Formula.parse("[x*x*y, sin(x)*y*y]", "x", "y");
        DualDerivatives d = prepare(null, f);
        double[] p = {1.5, -2};
        double[] h = new double[4];
        for (int i = 1; i < DualDerivatives.COMPILE_AFTER; i++) {
            d.hessian(0, p, h);
            assertThat(d.isHessianCompiled(0)).as("after %d calls", i).isFalse();
        }
        assertThat(d.isHessianCompiled(1)).isFalse();
        d.hessian(0, p, h);
        assertThat(d.isHessianCompiled(0)).isTrue();
        assertThat(d.isHessianCompiled(1)).isFalse();
        // H(x²y) = [[2y, 2x], [2x, 0]]
        assertThat(h).containsExactly(-4.0, 3.0, 3.0, 0.0);
        for (int i = 1; i < DualDerivatives.COMPILE_AFTER; i++) {
            d.hessian(1, p, h);
        }
        assertThat(d.isHessianCompiled(1)).isFalse();
        d.hessian(1, p, h);
        assertThat(d.isHessianCompiled(1)).isTrue();
        // H(y² sin x) = [[−y² sin x, 2y cos x], [2y cos x, 2 sin x]]
        assertThat(h).containsExactly(-4 * Math.sin(1.5), -4 * Math.cos(1.5), -4 * Math.cos(1.5), 2 * Math.sin(1.5));
    }

    /** s = Σ x_j² over 60 variables, then 14 nested sines: 14 dense 60 × 60 Hessian blocks. */
    private static Formula denseHessian() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 60; j++) {
            names.add("x" + j);
        }
        return Formula.trace(names, v -> {
            Expression s = Expression.constant(0);
            for (int j = 0; j < 60; j++) {
                s = s.plus(v.get(j).times(v.get(j)));
            }
            for (int k = 0; k < 14; k++) {
                s = s.sin();
            }
            return s;
        });
    }

    @Test
    void aHessianOverTheBudgetStaysInterpretedInModeAutoButIsCompiledInModeAlways() {
        Formula f = denseHessian();
        Tape tape = new Tape(f.program());
        long bound = HessianCompiler.statementsBound(new HessianPlan(tape, 0));
        assertThat(bound).isGreaterThan(DualDerivatives.HESSIAN_BUDGET).isLessThanOrEqualTo(CodeGenerator.HARD_LIMIT);
        double[] p = new double[60];
        for (int j = 0; j < 60; j++) {
            p[j] = 0.01 * (j - 30);
        }
        DualDerivatives auto = prepare(null, f);
        double[] h = new double[3600];
        for (int i = 0; i < DualDerivatives.COMPILE_AFTER + 2; i++) {
            auto.hessian(p, h);
        }
        assertThat(auto.isHessianCompiled(0)).isFalse();
        DualDerivatives never = prepare("never", f);
        double[] expected = new double[3600];
        never.hessian(p, expected);
        assertThat(h).containsExactly(expected);
        DualDerivatives always = prepare("always", f);
        double[] compiled = new double[3600];
        always.hessian(p, compiled);
        assertThat(always.isHessianCompiled(0)).isTrue();
        assertThat(compiled).containsExactly(expected);
    }

    @Test
    void theSizeEstimatesCountWhatTheCodeComputes() {
        // x·y (2 tangents), sin x (1), x·z (2), and the sum adds 2 + 1 + 2 operand tangents: 10
        Tape tape = new Tape(Formula.parse("x*y + sin(x) + x*z", "x", "y", "z").program());
        assertThat(GradientCompiler.tangentOperations(tape)).isEqualTo(10);
        // inputs and constants alone cost nothing
        Tape inputs = new Tape(Formula.parse("[x, 3]", "x").program());
        assertThat(GradientCompiler.tangentOperations(inputs)).isZero();
        // a chain of k sines of a sum of n variables: n + k·n
        List<String> names = List.of("a", "b", "c", "d");
        Tape chain = new Tape(Formula.trace(names, v -> v.get(0).plus(v.get(1)).plus(v.get(2)).plus(v.get(3))
                .sin().sin().sin()).program());
        assertThat(GradientCompiler.tangentOperations(chain)).isEqualTo(4 + 3 * 4);
    }
}
