package dev.partials.simd;

import java.util.Arrays;

/**
 * What a block executes to compute some outputs: the live instructions of the value pass, and the
 * tangent passes, one per chunk of at most {@link #CHUNK} variables.
 *
 * <p>Only slots that the target outputs need are executed, and in the pass of a chunk only those
 * that depend on one of its variables. Built once per prepared formula (per output for
 * {@code gradient}), in time linear in the program size plus the sizes of its dependency sets.
 */
final class Plan {

    /** Variables per tangent pass; at most 64 (a chunk's variables are the bits of a {@code long}). */
    static final int CHUNK = 16;

    final int[] outputs;
    final int[] outSlots;
    /** The variables the outputs depend on: their input rows are loaded per block. */
    final int[] inputs;
    /** The live instruction slots, in execution order. */
    final int[] instructions;
    final TangentPlan[] chunks;
    /** The logical tangent rows any pass of this plan uses (rows {@code 0 … n} included). */
    final int tangentRows;

    private Plan(int[] outputs, int[] outSlots, int[] inputs, int[] instructions, TangentPlan[] chunks) {
        this.outputs = outputs;
        this.outSlots = outSlots;
        this.inputs = inputs;
        this.instructions = instructions;
        this.chunks = chunks;
        int rows = 0;
        for (TangentPlan t : chunks) {
            rows = Math.max(rows, t.rows);
        }
        this.tangentRows = rows;
    }

    static Plan build(Layout lay, int[] outputs) {
        boolean[] live = lay.live(outputs);
        int[] outSlots = new int[outputs.length];
        for (int q = 0; q < outputs.length; q++) {
            outSlots[q] = lay.program.outputSlot(outputs[q]);
        }
        IntList inputs = new IntList();
        IntList instructions = new IntList();
        for (int s = 0; s < lay.size; s++) {
            if (live[s] && lay.code[s] == Layout.INPUT) {
                inputs.add(s);
            } else if (live[s] && lay.isInstruction(s)) {
                instructions.add(s);
            }
        }
        return new Plan(outputs.clone(), outSlots, inputs.toArray(), instructions.toArray(),
                chunks(lay, live, outSlots));
    }

    /** The tangent pass of the Jacobian-vector product: one tangent per slot, seeded by the direction rows. */
    static TangentPlan directional(Layout lay, Plan plan) {
        boolean[] live = lay.live(plan.outputs);
        int[] base = new int[lay.size];
        Arrays.fill(base, -1);
        TangentPlan.Builder b = new TangentPlan.Builder(0, lay.n, 1 + lay.n);
        for (int s = 0; s < lay.size; s++) {
            if (lay.code[s] == Layout.INPUT) {
                base[s] = 1 + s;
            } else if (live[s] && lay.isInstruction(s) && lay.deps[s].length > 0) {
                base[s] = b.entry(1L, lay.linear[s]);
                for (int i = lay.argStart[s]; i < lay.argStart[s + 1]; i++) {
                    int o = lay.args[i];
                    if (base[o] >= 0) {
                        b.term(1L, base[o], lay.pref[i]);
                    }
                }
            }
        }
        long[] outMask = new long[plan.outSlots.length];
        int[] outBase = new int[plan.outSlots.length];
        for (int q = 0; q < outMask.length; q++) {
            int os = plan.outSlots[q];
            outMask[q] = base[os] >= 0 ? 1L : 0L;
            outBase[q] = Math.max(base[os], 0);
        }
        return b.build(outMask, outBase, lay);
    }

    /**
     * Builds every chunk's pass at once: each slot is visited once, and added to the chunks its
     * dependency set touches, so the work is linear in the total size of the dependency sets (a sum
     * of 100,000 terms over 100,000 variables does not cost 100,000 × 6,250 chunk visits).
     */
    private static TangentPlan[] chunks(Layout lay, boolean[] live, int[] outSlots) {
        int n = lay.n;
        int count = (n + CHUNK - 1) / CHUNK;
        TangentPlan.Builder[] builders = new TangentPlan.Builder[count];
        for (int c = 0; c < count; c++) {
            builders[c] = new TangentPlan.Builder(c * CHUNK, Math.min(CHUNK, n - c * CHUNK), 1 + n);
        }
        // Per slot, its entries: (chunk, variable mask in the chunk, first tangent row).
        int[] start = new int[lay.size + 1];
        IntList chunk = new IntList();
        LongList mask = new LongList();
        IntList base = new IntList();
        for (int s = 0; s < lay.size; s++) {
            start[s] = chunk.size();
            if (lay.code[s] == Layout.INPUT) {
                chunk.add(s / CHUNK);
                mask.add(1L << (s % CHUNK));
                base.add(0); // the row of ones: ∂x_j/∂x_j = 1
            } else if (live[s] && lay.isInstruction(s) && lay.deps[s].length > 0) {
                int[] d = lay.deps[s];
                for (int i = 0; i < d.length; ) {
                    int c = d[i] / CHUNK;
                    long bits = 0;
                    for (; i < d.length && d[i] / CHUNK == c; i++) {
                        bits |= 1L << (d[i] % CHUNK);
                    }
                    chunk.add(c);
                    mask.add(bits);
                    base.add(builders[c].entry(bits, lay.linear[s]));
                }
                // Terms: each operand joins the entry of s in every chunk the operand touches (a
                // subset of the chunks of s, whose entry for s is the last one added there).
                for (int i = lay.argStart[s]; i < lay.argStart[s + 1]; i++) {
                    int o = lay.args[i];
                    for (int e = start[o], end = start[o + 1]; e < end; e++) {
                        builders[chunk.get(e)].term(mask.get(e), base.get(e), lay.pref[i]);
                    }
                }
            }
        }
        start[lay.size] = chunk.size();
        TangentPlan[] plans = new TangentPlan[count];
        for (int c = 0; c < count; c++) {
            long[] outMask = new long[outSlots.length];
            int[] outBase = new int[outSlots.length];
            for (int q = 0; q < outSlots.length; q++) {
                int os = outSlots[q];
                for (int e = start[os]; e < start[os + 1]; e++) {
                    if (chunk.get(e) == c) {
                        outMask[q] = mask.get(e);
                        outBase[q] = base.get(e);
                    }
                }
            }
            plans[c] = builders[c].build(outMask, outBase, lay);
        }
        return plans;
    }

    /** A growable {@code int[]}. */
    static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    /** A growable {@code long[]}. */
    static final class LongList {
        private long[] a = new long[16];
        private int size;

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        long get(int i) {
            return a[i];
        }

        long[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
