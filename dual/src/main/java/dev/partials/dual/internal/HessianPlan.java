package dev.partials.dual.internal;

import dev.partials.Op;
import dev.partials.spi.Program;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Hessian of one output by second-order forward mode in <em>local coordinates</em>: every slot
 * carries its gradient and its Hessian (packed upper triangle) over exactly the variables it
 * structurally depends on, d of them: d + d(d+1)/2 numbers. Partials with respect to other variables
 * are structural zeros and are never stored, so the cost is Σ d² over the slots — Rosenbrock (every
 * term depends on two variables) costs O(n) plus writing the n × n result — and each mixed partial is
 * computed once and mirrored.
 *
 * <p>A unary operation f applies {@code g = f'·g_u}, {@code H = f'·H_u + f''·g_u g_uᵀ}; a binary one
 * {@code H = g_a H_a + g_b H_b + h_aa g_a g_aᵀ + h_ab (g_a g_bᵀ + g_b g_aᵀ) + h_bb g_b g_bᵀ}, operands
 * scattered into the result's coordinates by precomputed index maps. First partials come from
 * {@link Op} (via the local partials of {@link Tape#linearize}); second partials from
 * {@link Taylor} ({@code f'' = 2 c_2}) or, for {@code /}, {@code ^} and {@code atan2}, from a
 * two-variable {@link Jets} box. Piecewise-linear operations (abs, relu, min, max, −) and products
 * have structurally zero second partials, which are skipped.
 *
 * <p>Blocks are assigned to slots by liveness at plan time, so memory follows the widest live set,
 * not the tape length. Immutable; built once per output, on first use.
 */
final class HessianPlan {

    static final int INPUT = 0;
    static final int SCALE = 1;    // one varying operand, linear in it
    static final int UNARY = 2;    // one varying operand, nonlinear
    static final int LINEAR2 = 3;  // two varying operands, linear (-, min, max)
    static final int PRODUCT = 4;  // two varying operands, a product
    static final int BINARY = 5;   // two varying operands, nonlinear (/, ^, atan2)
    static final int SUM = 6;      // n-ary sum of its varying operands

    final int n;
    final int count;
    final int[] slot;
    final int[] kind;
    final int[] role;       // SCALE/UNARY: 0 when the varying operand is the left or only one, 1 right
    final int[] dim;
    final int[] block;      // gradient at block[e], Hessian at block[e] + dim[e]
    final int[] opStart;    // operand references of entry e: opStart[e] .. opStart[e+1]
    final int[] opEntry;
    final int[] mapStart;   // per reference: -1 (identity) or the start of its index map in maps
    final int[] maps;
    final int poolSize;
    final int outEntry;     // -1 when the output depends on no variable
    final int[] outVars;

    HessianPlan(Tape tape, int output) {
        Program program = tape.program;
        this.n = tape.n;
        int size = tape.size;
        int outSlot = tape.outputs[output];
        boolean[] cone = new boolean[size];
        cone[outSlot] = true;
        for (int s = outSlot; s >= 0; s--) {
            if (cone[s] && tape.op[s] != null) {
                for (int k = tape.start[s]; k < tape.start[s + 1]; k++) {
                    cone[tape.operands[k]] = true;
                }
            }
        }
        int[] entryOf = new int[size];
        Arrays.fill(entryOf, -1);
        int c = 0;
        for (int s = 0; s <= outSlot; s++) {
            if (cone[s] && program.dependencyCount(s) > 0) {
                entryOf[s] = c++;
            }
        }
        this.count = c;
        this.slot = new int[c];
        this.kind = new int[c];
        this.role = new int[c];
        this.dim = new int[c];
        this.block = new int[c];
        this.opStart = new int[c + 1];
        int[] refs = new int[16];
        int refCount = 0;
        int[][] deps = new int[c][];
        for (int s = 0; s <= outSlot; s++) {
            int e = entryOf[s];
            if (e < 0) {
                continue;
            }
            slot[e] = s;
            deps[e] = program.dependencies(s);
            dim[e] = deps[e].length;
            opStart[e] = refCount;
            Op o = tape.op[s];
            if (o == null) {
                kind[e] = INPUT;
            } else if (o == Op.ADD) {
                kind[e] = SUM;
                for (int k = tape.start[s]; k < tape.start[s + 1]; k++) {
                    int oe = entryOf[tape.operands[k]];
                    if (oe >= 0) {
                        refs = push(refs, refCount++, oe);
                    }
                }
            } else if (o.arity() == 1) {
                kind[e] = Taylor.isLinear(o) ? SCALE : UNARY;
                refs = push(refs, refCount++, entryOf[tape.operands[tape.start[s]]]);
            } else {
                int a = entryOf[tape.operands[tape.start[s]]];
                int b = entryOf[tape.operands[tape.start[s] + 1]];
                boolean linear = o == Op.SUBTRACT || o == Op.MIN || o == Op.MAX;
                if (a >= 0 && b >= 0) {
                    kind[e] = linear ? LINEAR2 : o == Op.MULTIPLY ? PRODUCT : BINARY;
                    refs = push(refs, refCount++, a);
                    refs = push(refs, refCount++, b);
                } else if (a >= 0) {
                    kind[e] = linear || o == Op.MULTIPLY || o == Op.DIVIDE ? SCALE : UNARY;
                    refs = push(refs, refCount++, a);
                } else {
                    kind[e] = linear || o == Op.MULTIPLY ? SCALE : UNARY;
                    role[e] = 1;
                    refs = push(refs, refCount++, b);
                }
            }
        }
        opStart[c] = refCount;
        this.opEntry = Arrays.copyOf(refs, refCount);
        this.mapStart = new int[refCount];
        int[] mapBuf = new int[16];
        int mapCount = 0;
        for (int e = 0; e < c; e++) {
            for (int r = opStart[e]; r < opStart[e + 1]; r++) {
                int o = opEntry[r];
                if (dim[o] == dim[e]) {
                    mapStart[r] = -1; // deps(o) ⊆ deps(e) and the same size: the same set
                    continue;
                }
                mapStart[r] = mapCount;
                int[] from = deps[o];
                int[] to = deps[e];
                int j = 0;
                for (int v : from) {
                    while (to[j] != v) {
                        j++;
                    }
                    mapBuf = push(mapBuf, mapCount++, j);
                }
            }
        }
        this.maps = Arrays.copyOf(mapBuf, mapCount);
        this.outEntry = entryOf[outSlot];
        this.outVars = outEntry >= 0 ? deps[outEntry] : new int[0];
        // liveness: a block is free after the last entry that reads it
        int[] lastUse = new int[c];
        Arrays.fill(lastUse, -1);
        for (int e = 0; e < c; e++) {
            for (int r = opStart[e]; r < opStart[e + 1]; r++) {
                lastUse[opEntry[r]] = e;
            }
        }
        Allocator alloc = new Allocator();
        for (int e = 0; e < c; e++) {
            block[e] = alloc.allocate(blockSize(dim[e]));
            for (int r = opStart[e]; r < opStart[e + 1]; r++) {
                int o = opEntry[r];
                if (lastUse[o] == e && o != outEntry) {
                    alloc.release(block[o], blockSize(dim[o]));
                    lastUse[o] = -1; // an operand used twice (x*x) is released once
                }
            }
        }
        this.poolSize = alloc.top;
    }

    private static int blockSize(int d) {
        return Math.addExact(d, Math.multiplyExact(d, d + 1) / 2);
    }

    private static int[] push(int[] a, int at, int value) {
        if (at == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[at] = value;
        return a;
    }

    /** First-fit allocation of pool ranges, coalescing freed neighbours. */
    private static final class Allocator {
        private final TreeMap<Integer, Integer> free = new TreeMap<>();
        int top;

        int allocate(int length) {
            for (Map.Entry<Integer, Integer> f : free.entrySet()) {
                if (f.getValue() >= length) {
                    int start = f.getKey();
                    int rest = f.getValue() - length;
                    free.remove(start);
                    if (rest > 0) {
                        free.put(start + length, rest);
                    }
                    return start;
                }
            }
            int start = top;
            top = Math.addExact(top, length);
            return start;
        }

        void release(int start, int length) {
            Map.Entry<Integer, Integer> next = free.ceilingEntry(start);
            if (next != null && start + length == next.getKey()) {
                length += next.getValue();
                free.remove(next.getKey());
            }
            Map.Entry<Integer, Integer> prev = free.floorEntry(start);
            if (prev != null && prev.getKey() + prev.getValue() == start) {
                free.put(prev.getKey(), prev.getValue() + length);
            } else {
                free.put(start, length);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Evaluation

    /**
     * Writes the n × n Hessian into {@code out}, given the values and local partials of
     * {@link Tape#linearize} in {@code v}, {@code dl}, {@code dr}.
     */
    void evaluate(Tape tape, double[] v, double[] dl, double[] dr, double[] pool, Second second, double[] out) {
        final int[] st = tape.start;
        final int[] opd = tape.operands;
        for (int e = 0; e < count; e++) {
            int s = slot[e];
            int d = dim[e];
            int g = block[e];
            int h = g + d;
            int tri = d * (d + 1) / 2;
            switch (kind[e]) {
                case INPUT -> {
                    pool[g] = 1.0;
                    pool[h] = 0.0;
                }
                case SCALE -> {
                    double c1 = role[e] == 0 ? dl[s] : dr[s];
                    int go = block[opEntry[opStart[e]]];
                    for (int i = 0; i < d + tri; i++) {
                        pool[g + i] = c1 * pool[go + i];
                    }
                }
                case UNARY -> {
                    Op o = tape.op[s];
                    int k = st[s];
                    double c1;
                    double c2;
                    if (o.arity() == 1) {
                        c1 = dl[s];
                        c2 = second.unary(o, v[opd[k]], v[s]);
                    } else {
                        double a = v[opd[k]];
                        double b = v[opd[k + 1]];
                        boolean left = role[e] == 0;
                        c1 = left ? dl[s] : dr[s];
                        second.binary(o, a, b, v[s], left, !left);
                        c2 = left ? second.haa : second.hbb;
                    }
                    int go = block[opEntry[opStart[e]]];
                    int ho = go + d;
                    for (int i = 0; i < d; i++) {
                        pool[g + i] = c1 * pool[go + i];
                    }
                    int idx = 0;
                    for (int i = 0; i < d; i++) {
                        double gi = c2 * pool[go + i];
                        for (int j = i; j < d; j++, idx++) {
                            pool[h + idx] = c1 * pool[ho + idx] + gi * pool[go + j];
                        }
                    }
                }
                case SUM -> {
                    Arrays.fill(pool, g, g + d + tri, 0.0);
                    for (int r = opStart[e]; r < opStart[e + 1]; r++) {
                        addScaled(1.0, r, g, d, pool);
                    }
                }
                default -> { // LINEAR2, PRODUCT, BINARY
                    Arrays.fill(pool, g, g + d + tri, 0.0);
                    int ra = opStart[e];
                    int rb = ra + 1;
                    addScaled(dl[s], ra, g, d, pool);
                    addScaled(dr[s], rb, g, d, pool);
                    if (kind[e] == PRODUCT) {
                        addCross(1.0, ra, rb, g, d, pool);
                    } else if (kind[e] == BINARY) {
                        int k = st[s];
                        second.binary(tape.op[s], v[opd[k]], v[opd[k + 1]], v[s], true, true);
                        addOuter(second.haa, ra, g, d, pool);
                        addCross(second.hab, ra, rb, g, d, pool);
                        addOuter(second.hbb, rb, g, d, pool);
                    }
                }
            }
        }
        int nn = n * n;
        Arrays.fill(out, 0, nn, 0.0);
        if (outEntry < 0) {
            return;
        }
        int d = dim[outEntry];
        int h = block[outEntry] + d;
        int idx = 0;
        for (int i = 0; i < d; i++) {
            int vi = outVars[i];
            for (int j = i; j < d; j++, idx++) {
                int vj = outVars[j];
                double x = pool[h + idx] + 0.0; // −0 → +0, as HessianCompiler's code does
                out[vi * n + vj] = x;
                out[vj * n + vi] = x;
            }
        }
    }

    /** The packed index of (i, j), i ≤ j, in dimension d. */
    private static int packed(int i, int j, int d) {
        return i * d - i * (i - 1) / 2 + (j - i);
    }

    private int mapped(int r, int i) {
        int ms = mapStart[r];
        return ms < 0 ? i : maps[ms + i];
    }

    /** g_e += c·g_o and H_e += c·H_o, operand reference r scattered into e's coordinates. */
    private void addScaled(double c, int r, int g, int d, double[] pool) {
        int o = opEntry[r];
        int dOp = dim[o];
        int go = block[o];
        int ho = go + dOp;
        int h = g + d;
        if (mapStart[r] < 0) {
            int tri = d * (d + 1) / 2;
            for (int i = 0; i < d + tri; i++) {
                pool[g + i] += c * pool[go + i];
            }
            return;
        }
        int ms = mapStart[r];
        int idx = 0;
        for (int i = 0; i < dOp; i++) {
            int mi = maps[ms + i];
            pool[g + mi] += c * pool[go + i];
            int row = h + packed(mi, mi, d) - mi;
            for (int j = i; j < dOp; j++, idx++) {
                pool[row + maps[ms + j]] += c * pool[ho + idx];
            }
        }
    }

    /** H_e += c·g_o g_oᵀ for operand reference r. */
    private void addOuter(double c, int r, int g, int d, double[] pool) {
        int o = opEntry[r];
        int dOp = dim[o];
        int go = block[o];
        int h = g + d;
        for (int i = 0; i < dOp; i++) {
            int mi = mapped(r, i);
            double gi = c * pool[go + i];
            int row = h + packed(mi, mi, d) - mi;
            for (int j = i; j < dOp; j++) {
                pool[row + mapped(r, j)] += gi * pool[go + j];
            }
        }
    }

    /** H_e += c·(g_a g_bᵀ + g_b g_aᵀ) for operand references ra and rb. */
    private void addCross(double c, int ra, int rb, int g, int d, double[] pool) {
        int a = opEntry[ra];
        int b = opEntry[rb];
        int ga = block[a];
        int gb = block[b];
        int h = g + d;
        for (int i = 0; i < dim[a]; i++) {
            int p = mapped(ra, i);
            double x = c * pool[ga + i];
            for (int j = 0; j < dim[b]; j++) {
                int q = mapped(rb, j);
                double val = x * pool[gb + j];
                if (p < q) {
                    pool[h + packed(p, q, d)] += val;
                } else if (p > q) {
                    pool[h + packed(q, p, d)] += val;
                } else {
                    pool[h + packed(p, p, d)] += 2.0 * val;
                }
            }
        }
    }

    /**
     * Second partials of one operation at one point, from the Taylor table: per-thread scratch for
     * the two-variable jets of {@code /}, {@code ^} and {@code atan2}.
     */
    static final class Second {
        private final Jets jets = new Jets(new int[] {2, 2});
        private final double[] left = new double[9];
        private final double[] right = new double[9];
        private final double[] result = new double[9];
        private final double[] coef = new double[3];
        private final double[] scratch = new double[8];
        double haa;
        double hab;
        double hbb;

        /** ∂²(a^b)/∂a² for a constant exponent b: {@code 2·c[2]} of {@link Taylor#power}. */
        static double powerBase(double a, double b) {
            return 2.0 * Taylor.powerSecond(a, b);
        }

        /** f''(a) of a unary operation whose value at a is {@code value}. */
        double unary(Op op, double a, double value) {
            Taylor.coefficients(op, a, value, 2, coef, scratch);
            return 2.0 * coef[2];
        }

        /**
         * Sets {@link #haa}, {@link #hab}, {@link #hbb} for {@code op(a, b) = value}; an operand that
         * does not vary is held constant (its second partials are then not meaningful).
         */
        void binary(Op op, double a, double b, double value, boolean leftVaries, boolean rightVaries) {
            if (op == Op.POWER && !rightVaries) {
                haa = powerBase(a, b);
                hab = 0.0;
                hbb = 0.0;
                return;
            }
            long ma = leftVaries ? 1L : 0L;
            long mb = rightVaries ? 2L : 0L;
            if (leftVaries) {
                jets.variable(0, a, left);
            } else {
                jets.constant(a, left);
            }
            if (rightVaries) {
                jets.variable(1, b, right);
            } else {
                jets.constant(b, right);
            }
            jets.binary(op, left, ma, right, mb, value, result);
            haa = 2.0 * result[2];   // (2, 0)
            hab = result[4];         // (1, 1)
            hbb = 2.0 * result[6];   // (0, 2)
        }
    }
}
