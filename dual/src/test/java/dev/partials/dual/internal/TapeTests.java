package dev.partials.dual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Formula;
import org.junit.jupiter.api.Test;

/** The per-chunk sub-tapes: structural sparsity makes a sparse problem linear in n. */
class TapeTests {

    @Test
    void rosenbrockSubTapesTouchEachTermAboutOnce() {
        int n = 1000;
        Tape tape = new Tape(TestData.rosenbrock(n).program());
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
