package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Formula;
import org.junit.jupiter.api.Test;

/**
 * The shape of the generated code, counted by hand: the output's own gradient is never computed for
 * its Hessian, and a long sum keeps only a short window of its terms alive, so that what one
 * generated method passes to the next stays small however long the sum is.
 */
class GeneratedCodeShapeTests {

    private static CodeGenerator.Compiled hessianCode(String source) {
        Tape tape = new Tape(Formula.parse(source).program());
        return HessianCompiler.compile(tape, new HessianPlan(tape, 0), 0);
    }

    @Test
    void theHessianCodeLeavesOutTheOutputsOwnGradient() {
        // sin x: value, f'', H = f''·1·1, the output entry; g = f'·1 is read by nothing
        assertThat(hessianCode("sin(x)").statements()).isEqualTo(4);
        // x·y: value; H00 = y·0, H11 = x·0 (a partial that may be infinite meets every zero), H01 = 1·1·1;
        // three output entries; the gradient (y, x) is read by nothing
        assertThat(hessianCode("x*y").statements()).isEqualTo(7);
    }

    @Test
    void aLongSumKeepsOnlyAShortWindowOfItsTermsAlive() {
        int n = 400;
        Formula f = TestData.rosenbrock(n);
        Tape tape = new Tape(f.program());
        CodeGenerator.Compiled gradient = GradientCompiler.compile(tape);
        CodeGenerator.Compiled hessian = HessianCompiler.compile(tape, new HessianPlan(tape, 0), 0);
        assertThat(gradient.methods()).isGreaterThan(10);
        assertThat(hessian.methods()).isGreaterThan(10);
        // each term is added to the sum (and each result entry written out) as soon as it is known: the
        // state passed between methods is a few cells per method, far fewer than the 2(n − 1) terms,
        // whose values and tangents would all be passed on if the sum were formed at its end
        assertThat(gradient.stateSize()).isLessThan(n).isLessThan(8 * gradient.methods());
        assertThat(hessian.stateSize()).isLessThan(n).isLessThan(8 * hessian.methods());
    }
}
