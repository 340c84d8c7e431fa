package dev.partials.dual.internal;

import dev.partials.Op;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Compiles a {@link Tape} to JVM bytecode: the first-order passes of {@link Tape#linearize} and
 * {@link Tape#chunk} as straight-line <em>sparse forward mode in local coordinates</em>, defined as a
 * hidden class of this package ({@link GeneratedCode}).
 *
 * <h2>What the code computes</h2>
 * Every slot s gets its value and, for each variable j it structurally depends on (and only those),
 * its tangent ∂s/∂x_j; Rosenbrock therefore costs O(n) with no dispatch and no padding lanes. The
 * arithmetic is that of the interpreter, operation for operation and in the same order, so the results
 * are bit for bit those of the tape: a structural zero the interpreter adds as ±0 is simply absent,
 * which could change only the sign of a zero, and both engines return every partial as {@code x + 0.0}
 * (−0 becomes +0), so not even that differs:
 * <ul>
 * <li>values and local partials: {@code +}, {@code −}, {@code ×}, {@code ÷} and negation inline,
 *     exactly as {@link Op} defines their partials (∂(a−b) = (1, −1), ∂(a·b) = (b, a),
 *     ∂(a/b) = (1/b, −(a/b)/b), ∂(−a) = −1); powers through {@link Op#pow}, {@link Op#powPartialBase},
 *     {@link Op#powPartialExponent}; every other operation through {@link Op#apply},
 *     {@link Rules#derivative}, {@link Op#partialLeft} and {@link Op#partialRight} — {@link Op} stays the
 *     one table of first-derivative rules;</li>
 * <li>tangents: {@code dl·t_a + dr·t_b} over the operands that depend on the variable; n-ary sums
 *     accumulate their operands' tangents left to right, as soon as each operand is known (so a long
 *     sum such as Rosenbrock's never holds all its terms alive);</li>
 * <li>an infinite or NaN local partial never meets a structural zero (it is never multiplied by a
 *     tangent that is not there), and a structural zero of the result is written as +0.</li>
 * </ul>
 *
 * <p>The code shape (methods under C2's size limit, state passed between them) is that of
 * {@link CodeGenerator}.
 */
final class GradientCompiler extends CodeGenerator {

    // statement kinds
    private static final int TAN = FIRST_KIND;          // tangent i of a non-sum instruction
    private static final int SUMTAN = FIRST_KIND + 1;   // tangent i of a sum: operand k added
    private static final int SUMTAN_FIRST = FIRST_KIND + 2; // tangent i of a sum: its first operand depending on it
    private static final int OUTTAN = FIRST_KIND + 3;   // out[k·n + j] = tangent
    private static final int OUTVAL = FIRST_KIND + 4;   // values[k] = value
    private static final int ZERO = FIRST_KIND + 5;     // out[from .. to) = +0

    private final int[] tanBase;    // per slot: first tangent cell

    private GradientCompiler(Tape tape) {
        super(tape);
        this.tanBase = new int[size];
        for (int s = 0; s < size; s++) {
            tanBase[s] = cellCount;
            cellCount += deps[s].length;
        }
    }

    /**
     * The number of tangent operations the generated code would perform: Σ over the live slots of the
     * number of variables each depends on, plus one per (sum operand, variable) pair — the size
     * estimate {@link DualDerivatives} compares with its budget before compiling.
     */
    static long tangentOperations(Tape tape) {
        boolean[] live = live(tape, tape.outputs);
        long total = 0;
        for (int s = tape.n; s < tape.size; s++) {
            if (!live[s] || tape.op[s] == null) {
                continue;
            }
            if (tape.op[s] == Op.ADD) {
                for (int p = tape.start[s]; p < tape.start[s + 1]; p++) {
                    total += tape.program.dependencyCount(tape.operands[p]);
                }
            } else {
                total += tape.program.dependencyCount(s);
            }
        }
        return total;
    }

    /**
     * Compiles the Jacobian of {@code tape}, or returns null when the code would be too large for the
     * JIT (see {@link CodeGenerator#generate}).
     */
    static Compiled compile(Tape tape) {
        if (tangentOperations(tape) > HARD_LIMIT) {
            return null;
        }
        GradientCompiler c = new GradientCompiler(tape);
        c.schedule();
        return c.generate();
    }

    // ------------------------------------------------------------------------------------------------
    // Scheduling: the statements in an order that keeps values short-lived

    private void schedule() {
        boolean[] live = live(tape, tape.outputs);
        int m = tape.m;
        // sums that read each slot, and each sum's next operand to accumulate
        int[] userCount = new int[size];
        for (int s = 0; s < size; s++) {
            if (live[s] && tape.op[s] == Op.ADD) {
                for (int p = tape.start[s]; p < tape.start[s + 1]; p++) {
                    userCount[tape.operands[p]]++;
                }
            }
        }
        int[] userStart = new int[size + 1];
        for (int s = 0; s < size; s++) {
            userStart[s + 1] = userStart[s] + userCount[s];
        }
        int[] users = new int[userStart[size]];
        int[] fill = Arrays.copyOf(userStart, size);
        for (int s = 0; s < size; s++) {
            if (live[s] && tape.op[s] == Op.ADD) {
                for (int p = tape.start[s]; p < tape.start[s + 1]; p++) {
                    int o = tape.operands[p];
                    if (fill[o] == userStart[o] || users[fill[o] - 1] != s) { // x + x: once
                        users[fill[o]++] = s;
                    }
                }
            }
        }
        int[] next = new int[size];          // per sum: operands accumulated so far
        boolean[][] started = new boolean[size][]; // per sum: tangent idx written
        // structural zeros of the Jacobian first
        for (int k = 0; k < m; k++) {
            int[] d = deps[tape.outputs[k]];
            int from = k * n;
            for (int j : d) {
                if (k * n + j > from) {
                    add(ZERO, from, k * n + j, 0, 0);
                }
                from = k * n + j + 1;
            }
            if ((k + 1) * n > from) {
                add(ZERO, from, (k + 1) * n, 0, 0);
            }
        }
        for (int t = 0; t < size; t++) {
            if (!live[t]) {
                continue;
            }
            Op o = tape.op[t];
            if (o == Op.ADD) {
                accumulate(t, next, started, tape.start[t + 1] - tape.start[t]);
            } else if (o != null) {
                add(VALUE, t, 0, 0, 0);
                for (int i = 0; i < deps[t].length; i++) {
                    add(TAN, t, 0, i, 0);
                }
            }
            for (int u = userStart[t]; u < fill[t]; u++) {
                int s = users[u];
                // accumulate the ready prefix of the sum's operands (every operand ≤ t is known)
                int ready = next[s];
                int operandCount = tape.start[s + 1] - tape.start[s];
                while (ready < operandCount && tape.operands[tape.start[s] + ready] <= t) {
                    ready++;
                }
                accumulate(s, next, started, ready);
            }
        }
        // outputs: tangents right after their last write, values at the end
        int[] lastWrite = new int[cellCount];
        Arrays.fill(lastWrite, -1);
        for (int e = 0; e < count; e++) {
            if (kind[e] == TAN || kind[e] == SUMTAN || kind[e] == SUMTAN_FIRST) {
                lastWrite[tanBase[argS[e]] + argI[e]] = e;
            }
        }
        int[][] after = new int[count + 1][]; // output statements (k, slot, idx) to insert after e (index e+1)
        int[] afterCount = new int[count + 1];
        for (int k = 0; k < m; k++) {
            int o = tape.outputs[k];
            for (int i = 0; i < deps[o].length; i++) {
                int at = o < n ? 0 : lastWrite[tanBase[o] + i] + 1;
                if (after[at] == null) {
                    after[at] = new int[6];
                } else if (afterCount[at] * 3 + 3 > after[at].length) {
                    after[at] = Arrays.copyOf(after[at], after[at].length * 2);
                }
                after[at][afterCount[at] * 3] = k;
                after[at][afterCount[at] * 3 + 1] = o;
                after[at][afterCount[at] * 3 + 2] = i;
                afterCount[at]++;
            }
        }
        int[] k0 = kind;
        int[] s0 = argS;
        int[] a0 = argK;
        int[] i0 = argI;
        int c0 = count;
        kind = new int[c0 + 16];
        argS = new int[c0 + 16];
        argK = new int[c0 + 16];
        argI = new int[c0 + 16];
        argX = new int[c0 + 16];
        count = 0;
        for (int e = 0; e <= c0; e++) {
            for (int x = 0; x < afterCount[e]; x++) {
                add(OUTTAN, after[e][3 * x + 1], after[e][3 * x], after[e][3 * x + 2], 0);
            }
            if (e < c0) {
                add(k0[e], s0[e], a0[e], i0[e], 0);
            }
        }
        for (int k = 0; k < m; k++) {
            add(OUTVAL, tape.outputs[k], k, 0, 0);
        }
    }

    /** Adds operands {@code next[s] .. upTo} of the sum s to its value and tangents. */
    private void accumulate(int s, int[] next, boolean[][] started, int upTo) {
        if (started[s] == null) {
            started[s] = new boolean[deps[s].length];
        }
        int[] d = deps[s];
        for (int k = next[s]; k < upTo; k++) {
            int a = tape.operands[tape.start[s] + k];
            add(SUMVAL, s, k, 0, 0);
            int[] da = deps[a];
            int i = 0;
            for (int j : da) {
                while (d[i] != j) {
                    i++;
                }
                add(started[s][i] ? SUMTAN : SUMTAN_FIRST, s, k, i, 0);
                started[s][i] = true;
            }
        }
        next[s] = Math.max(next[s], upTo);
    }

    // ------------------------------------------------------------------------------------------------
    // Cells

    private int tangentCell(int s, int i) {
        return tanBase[s] + i;
    }

    /** The position of variable j in deps[s], or a negative number. */
    private int position(int s, int j) {
        return Arrays.binarySearch(deps[s], j);
    }

    @Override
    void reads(int e, IntConsumer sink) {
        int s = argS[e];
        switch (kind[e]) {
            case VALUE, SUMVAL -> baseReads(e, sink);
            case TAN -> {
                int j = deps[s][argI[e]];
                int a = operand(s, 0);
                int ia = position(a, j);
                int b = tape.op[s].arity() == 2 ? operand(s, 1) : -1;
                int ib = b >= 0 ? position(b, j) : -1;
                if (ia >= 0) {
                    readTangent(a, ia, sink);
                    readPartial(s, 0, sink);
                }
                if (ib >= 0) {
                    readTangent(b, ib, sink);
                    readPartial(s, 1, sink);
                }
            }
            case SUMTAN, SUMTAN_FIRST -> {
                if (kind[e] == SUMTAN) {
                    sink.accept(tangentCell(s, argI[e]));
                }
                int a = operand(s, argK[e]);
                readTangent(a, position(a, deps[s][argI[e]]), sink);
            }
            case OUTTAN -> readTangent(s, argI[e], sink);
            case OUTVAL -> readValue(s, sink);
            default -> {
            }
        }
    }

    private void readTangent(int s, int i, IntConsumer sink) {
        if (computed(s)) {
            sink.accept(tangentCell(s, i));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Emission

    /** Pushes ∂s/∂x_{deps[s][i]}: 1 for an input, else a cell. */
    private void tangent(Emitter em, int s, int i) {
        if (s < n) {
            em.cb.dconst_1();
        } else {
            em.load(tangentCell(s, i));
        }
    }

    @Override
    void emit(int e, Emitter em) {
        int s = argS[e];
        switch (kind[e]) {
            case TAN -> tangentStatement(em, s, argI[e]);
            case SUMTAN, SUMTAN_FIRST -> {
                int a = operand(s, argK[e]);
                int ia = position(a, deps[s][argI[e]]);
                if (kind[e] == SUMTAN) {
                    em.load(tangentCell(s, argI[e]));
                    tangent(em, a, ia);
                    em.cb.dadd();
                } else {
                    tangent(em, a, ia);
                }
                em.store(tangentCell(s, argI[e]));
            }
            case OUTTAN -> { // tangent + 0.0: −0 → +0, as Tape#readChunk does
                em.cb.aload(OUT);
                em.cb.loadConstant(argK[e] * n + deps[s][argI[e]]);
                tangent(em, s, argI[e]);
                em.cb.dconst_0();
                em.cb.dadd();
                em.cb.dastore();
            }
            case OUTVAL -> em.outputValue(argK[e], s);
            default -> em.zero(s, argK[e]); // ZERO
        }
    }

    /** ∂s/∂x_j = dl·∂a/∂x_j + dr·∂b/∂x_j over the operands that depend on x_j, as {@link Tape#chunk}. */
    private void tangentStatement(Emitter em, int s, int i) {
        Op o = tape.op[s];
        int j = deps[s][i];
        int a = operand(s, 0);
        int ia = position(a, j);
        int b = o.arity() == 2 ? operand(s, 1) : -1;
        int ib = b >= 0 ? position(b, j) : -1;
        switch (o) {
            case SUBTRACT -> { // 1·t_a + (−1)·t_b, exactly t_a − t_b
                if (ia >= 0 && ib >= 0) {
                    tangent(em, a, ia);
                    tangent(em, b, ib);
                    em.cb.dsub();
                } else if (ia >= 0) {
                    tangent(em, a, ia);
                } else {
                    tangent(em, b, ib);
                    em.cb.dneg();
                }
            }
            case NEGATE -> { // (−1)·t_a, exactly −t_a
                tangent(em, a, ia);
                em.cb.dneg();
            }
            default -> {
                if (ia >= 0) {
                    em.partial(s, 0);
                    tangent(em, a, ia);
                    em.cb.dmul();
                }
                if (ib >= 0) {
                    em.partial(s, 1);
                    tangent(em, b, ib);
                    em.cb.dmul();
                    if (ia >= 0) {
                        em.cb.dadd();
                    }
                }
            }
        }
        em.store(tangentCell(s, i));
    }
}
