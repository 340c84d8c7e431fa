package dev.partials.dual.internal;

import dev.partials.Op;
import java.util.Arrays;

/**
 * One partial ∂^α f of order ≥ 2 by a forward pass of {@link Jets} over the variables of α: only the
 * slots in the output's cone that depend on one of those variables carry a jet (the others are
 * constants of the pass), and jets are recycled as soon as their last reader has run. A partial with
 * respect to a variable the output does not depend on is a structural zero, returned without a pass.
 *
 * <p>Per-thread state; allocates only when a request needs a new box shape or more live jets than
 * any before.
 */
final class JetPass {

    private final Tape tape;
    private final long[] mask;
    private final int[] jetOf;
    private final int[] lastUse;
    private final boolean[] cone;
    private final int[] boxIndex;
    private Jets jets;
    private double[][] pool = new double[0][];
    private int[] free = new int[0];
    private int freeTop;
    private double[] constantLeft;
    private double[] constantRight;

    JetPass(Tape tape) {
        this.tape = tape;
        this.mask = new long[tape.size];
        this.jetOf = new int[tape.size];
        this.lastUse = new int[tape.size];
        this.cone = new boolean[tape.size];
        this.boxIndex = new int[tape.n];
        Arrays.fill(boxIndex, -1);
    }

    /**
     * ∂^counts of output {@code output} at {@code point}, whose slot values are already in {@code v}.
     */
    double partial(int output, int[] counts, double[] point, double[] v) {
        int p = 0;
        for (int c : counts) {
            if (c > 0) {
                p++;
            }
        }
        int[] vars = new int[p];
        int[] box = new int[p];
        double scale = 1.0;
        for (int j = 0, i = 0; j < counts.length; j++) {
            if (counts[j] > 0) {
                vars[i] = j;
                box[i] = counts[j];
                scale *= Taylor.factorial(counts[j]);
                i++;
            }
        }
        if (jets == null || !jets.hasCounts(box)) {
            jets = new Jets(box);
            constantLeft = new double[jets.size];
            constantRight = new double[jets.size];
            pool = new double[0][];
            free = new int[0];
        }
        int outSlot = tape.outputs[output];
        for (int i = 0; i < p; i++) {
            boxIndex[vars[i]] = i;
        }
        try {
            return scale * run(outSlot, point, v, p == 64 ? -1L : (1L << p) - 1);
        } finally {
            for (int j : vars) {
                boxIndex[j] = -1;
            }
        }
    }

    private double run(int outSlot, double[] point, double[] v, long all) {
        final int[] st = tape.start;
        final int[] opd = tape.operands;
        for (int s = 0; s <= outSlot; s++) {
            long mk = 0;
            if (s < tape.n) {
                int i = boxIndex[s];
                mk = i >= 0 ? 1L << i : 0L;
            } else if (tape.op[s] != null) {
                for (int k = st[s]; k < st[s + 1]; k++) {
                    mk |= mask[opd[k]];
                }
            }
            mask[s] = mk;
            cone[s] = false;
            lastUse[s] = -1;
        }
        if ((mask[outSlot] & all) != all) {
            return 0.0; // the output does not depend on every variable of the index: a structural zero
        }
        cone[outSlot] = true;
        for (int s = outSlot; s >= tape.n; s--) {
            if (cone[s] && tape.op[s] != null) {
                for (int k = st[s]; k < st[s + 1]; k++) {
                    int o = opd[k];
                    if (mask[o] != 0) {
                        cone[o] = true;
                        lastUse[o] = Math.max(lastUse[o], s);
                    }
                }
            }
        }
        freeTop = 0;
        int live = 0;
        for (int s = 0; s <= outSlot; s++) {
            if (!cone[s] || mask[s] == 0) {
                continue;
            }
            int j;
            if (freeTop > 0) {
                j = free[--freeTop];
            } else {
                j = live++;
                if (j == pool.length) {
                    pool = Arrays.copyOf(pool, Math.max(4, pool.length * 2));
                    free = Arrays.copyOf(free, pool.length);
                    for (int x = j; x < pool.length; x++) {
                        pool[x] = new double[jets.size];
                    }
                }
            }
            jetOf[s] = j;
            double[] out = pool[j];
            Op o = tape.op[s];
            if (o == null) {
                jets.variable(boxIndex[s], point[s], out);
                continue;
            }
            int k = st[s];
            if (o == Op.ADD) {
                Arrays.fill(out, 0.0);
                for (int x = k; x < st[s + 1]; x++) {
                    int a = opd[x];
                    if (mask[a] != 0) {
                        double[] ja = pool[jetOf[a]];
                        for (int g = 1; g < out.length; g++) {
                            out[g] += ja[g];
                        }
                    }
                }
                out[0] = v[s];
            } else if (o.arity() == 1) {
                int a = opd[k];
                jets.unary(o, pool[jetOf[a]], mask[a], v[s], out);
            } else {
                int a = opd[k];
                int b = opd[k + 1];
                jets.binary(o, operand(a, v, constantLeft), mask[a], operand(b, v, constantRight), mask[b],
                        v[s], out);
            }
            for (int x = k; x < st[s + 1]; x++) {
                int a = opd[x];
                if (mask[a] != 0 && lastUse[a] == s) {
                    free[freeTop++] = jetOf[a];
                    lastUse[a] = -1;
                }
            }
        }
        return pool[jetOf[outSlot]][jets.size - 1];
    }

    private double[] operand(int slot, double[] v, double[] constant) {
        if (mask[slot] != 0) {
            return pool[jetOf[slot]];
        }
        jets.constant(v[slot], constant);
        return constant;
    }
}
