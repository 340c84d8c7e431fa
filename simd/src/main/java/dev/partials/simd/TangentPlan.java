package dev.partials.simd;

import java.util.Arrays;

/**
 * One tangent pass: for a chunk of variables {@code [from, from + width)}, the tangents ∂slot/∂x_v of
 * every slot that depends on one of them, in execution order.
 *
 * <p>An <em>entry</em> is a slot with the mask of the chunk's variables it depends on (bit
 * {@code v - from}); its tangent for variable v has the <em>logical row</em>
 * {@code base + rank(mask, v)}, where rank counts the lower bits set, so rows exist only for the
 * (slot, variable) pairs that are not structurally zero. Its <em>terms</em> are its operands that depend
 * on a chunk variable: the tangent of the entry for v sums, over the terms whose mask has bit v,
 * partial × operand tangent. An operand whose mask lacks bit v is skipped, not multiplied by a zero
 * tangent, so a NaN or infinite local partial never reaches a partial that is structurally zero.
 *
 * <p>Logical rows map to rows of the workspace through {@link #phys}. Logical row 0 is the row of ones
 * (an input's entry has base 0: ∂x_j/∂x_j = 1), rows 1 … n the direction of a Jacobian-vector product,
 * rows above n the tangents of the pass. A tangent that is an exact copy of a row that already exists
 * is not computed but <em>aliased</em> to it: a sum with one term for v ({@code +t}), a product with a
 * variable itself ({@code p · 1 = p}, the local partial's row: for {@code 3*x} the row of the constant 3),
 * a negated one ({@code −1}). Aliasing copies no bits differently: results are those of the plain rule.
 */
final class TangentPlan {

    final int from;
    final int width;
    final long[] mask;
    final int[] base;
    final boolean[] linear;
    /** Entry e has terms {@code termStart[e] … termStart[e + 1] - 1}. */
    final int[] termStart;
    final long[] termMask;
    final int[] termBase;
    /** The operand's sign (linear entries) or the value row of its local partial. */
    final int[] termPartial;
    /** Per target output: its variable mask in this chunk (0 when it depends on none) and first logical row. */
    final long[] outMask;
    final int[] outBase;
    /** The number of logical rows. */
    final int rows;
    /** Per logical row, the workspace row that holds it. */
    final int[] phys;
    /** Per logical row, whether the pass computes it (false: an alias, or a row filled by the caller). */
    final boolean[] computed;

    private TangentPlan(Builder b, long[] outMask, int[] outBase, Layout layout) {
        int entries = b.entries;
        this.from = b.from;
        this.width = b.width;
        this.mask = Arrays.copyOf(b.mask, entries);
        this.base = Arrays.copyOf(b.base, entries);
        this.linear = Arrays.copyOf(b.linear, entries);
        this.termStart = Arrays.copyOf(b.termStart, entries + 1);
        this.termStart[entries] = b.terms;
        this.termMask = Arrays.copyOf(b.termMask, b.terms);
        this.termBase = Arrays.copyOf(b.termBase, b.terms);
        this.termPartial = Arrays.copyOf(b.termPartial, b.terms);
        this.outMask = outMask;
        this.outBase = outBase;
        this.rows = b.row;
        this.phys = new int[rows];
        this.computed = new boolean[rows];
        resolve(layout);
    }

    /** Assigns every logical row its workspace row, aliasing the tangents that copy an existing row. */
    private void resolve(Layout layout) {
        int first = layout.valueRows;
        phys[0] = layout.ones;
        for (int r = 1; r < rows; r++) {
            phys[r] = first + r;
        }
        for (int e = 0; e < mask.length; e++) {
            int row = base[e];
            for (long bits = mask[e]; bits != 0; bits &= bits - 1, row++) {
                int v = Long.numberOfTrailingZeros(bits);
                int only = -1;
                int count = 0;
                for (int k = termStart[e]; k < termStart[e + 1]; k++) {
                    if ((termMask[k] >>> v & 1) != 0) {
                        only = k;
                        count++;
                    }
                }
                int alias = -1;
                if (count == 1) {
                    int source = phys[row(termMask[only], termBase[only], v)];
                    int partial = termPartial[only];
                    if (linear[e] && partial > 0) {
                        alias = source;
                    } else if (linear[e] && source == layout.ones) {
                        alias = layout.minusOnes;
                    } else if (linear[e] && source == layout.minusOnes) {
                        alias = layout.ones;
                    } else if (!linear[e] && source == layout.ones) {
                        alias = partial;
                    }
                }
                if (alias >= 0) {
                    phys[row] = alias;
                } else {
                    computed[row] = true;
                }
            }
        }
    }

    /** Logical row of variable {@code v} (chunk-relative) in a mask whose first logical row is {@code base}. */
    static int row(long mask, int base, int v) {
        return base + Long.bitCount(mask & ((1L << v) - 1));
    }

    /** The workspace row of the tangent of target output {@code q} for variable {@code v}, or −1 (structural zero). */
    int outputRow(int q, int v) {
        long m = outMask[q];
        return (m >>> v & 1) != 0 ? phys[row(m, outBase[q], v)] : -1;
    }

    /** Accumulates entries and terms in order. */
    static final class Builder {
        final int from;
        final int width;
        private int row;
        private int entries;
        private int terms;
        private long[] mask = new long[8];
        private int[] base = new int[8];
        private boolean[] linear = new boolean[8];
        private int[] termStart = new int[9];
        private long[] termMask = new long[8];
        private int[] termBase = new int[8];
        private int[] termPartial = new int[8];

        Builder(int from, int width, int firstRow) {
            this.from = from;
            this.width = width;
            this.row = firstRow;
        }

        /** Adds an entry and returns its first logical row. */
        int entry(long bits, boolean isLinear) {
            if (entries == mask.length) {
                int cap = entries * 2;
                mask = Arrays.copyOf(mask, cap);
                base = Arrays.copyOf(base, cap);
                linear = Arrays.copyOf(linear, cap);
                termStart = Arrays.copyOf(termStart, cap + 1);
            }
            int first = row;
            mask[entries] = bits;
            base[entries] = first;
            linear[entries] = isLinear;
            termStart[entries] = terms;
            entries++;
            row += Long.bitCount(bits);
            return first;
        }

        /** Adds a term to the last entry. */
        void term(long bits, int operandBase, int partial) {
            if (terms == termMask.length) {
                int cap = terms * 2;
                termMask = Arrays.copyOf(termMask, cap);
                termBase = Arrays.copyOf(termBase, cap);
                termPartial = Arrays.copyOf(termPartial, cap);
            }
            termMask[terms] = bits;
            termBase[terms] = operandBase;
            termPartial[terms] = partial;
            terms++;
        }

        TangentPlan build(long[] outMask, int[] outBase, Layout layout) {
            return new TangentPlan(this, outMask, outBase, layout);
        }
    }
}
