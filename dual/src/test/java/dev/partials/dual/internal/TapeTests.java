package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-chunk sub-tapes: structural sparsity makes a sparse problem linear in n. */
class TapeTests {

    private static Formula rosenbrock(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        return Formula.trace(names, v -> {
            Expression sum = Expression.constant(0);
            for (int i = 0; i < n - 1; i++) {
                sum = sum.plus(v.get(i + 1).minus(v.get(i).pow(2)).pow(2).times(100))
                        .plus(Expression.constant(1).minus(v.get(i)).pow(2));
            }
            return sum;
        });
    }

    @Test
    void rosenbrockSubTapesTouchEachTermAboutOnce() {
        int n = 1000;
        Tape tape = new Tape(rosenbrock(n).program());
        assertThat(tape.chunkCount).isEqualTo(125);
        // a term depends on x_i and x_{i+1}: it is in one chunk's sub-tape, two at a chunk boundary
        int entries = 0;
        int length = 0;
        for (int q = 0; q < tape.chunkCount; q++) {
            entries += tape.entries(q);
            length += tape.stream[q].length;
            // the n-ary sum appears in every sub-tape, with only the operands that depend on the chunk
            assertThat(tape.entries(q)).isLessThan(80);
        }
        assertThat(entries).isLessThan(tape.size + tape.size / 4);
        assertThat(length).isLessThan(8 * tape.size);
        // tangent registers are reused once read: the workspace does not grow with the tape
        assertThat(tape.registers).isLessThan(40);
    }

    @Test
    void aDenseFormulaHasOneSubTapePerChunkCoveringEverySlot() {
        Formula f = Formula.parse("sin(a*b*c) + d", "a", "b", "c", "d");
        Tape tape = new Tape(f.program());
        assertThat(tape.chunkCount).isEqualTo(1);
        assertThat(tape.chunkCount).isEqualTo(1);
        assertThat(tape.entries(0)).isEqualTo(tape.size - (int) java.util.stream.IntStream.range(0, tape.size)
                .filter(s -> tape.constant[s]).count());
    }
}
