package dev.partials.dual.internal;

import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.partials.Op;
import java.lang.constant.MethodTypeDesc;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Compiles a {@link HessianPlan} to JVM bytecode ({@link CodeGenerator}): the same second-order
 * forward mode in local coordinates, the same operations in the same order, as straight-line code.
 * Values and local partials are computed inline (as {@link GradientCompiler} does), second partials
 * by the plan's own {@link HessianPlan.Second} (so {@link Taylor} and {@link Jets} stay the one source
 * of higher-order rules), and every gradient and Hessian entry of every slot by the plan's formulas:
 * {@code g = f'·g_u}, {@code H = f'·H_u + (f''·g_u,i)·g_u,j} for a unary operation,
 * {@code H = dl·H_a + dr·H_b} plus the cross and outer products for a binary one.
 *
 * <p>The plan keeps each slot's Hessian dense over its dependency set; the generated code knows at
 * compile time which entries are still the plan's initial +0 (an n-ary sum over Rosenbrock's terms
 * touches only the tridiagonal band of its 100 × 100 block) and neither stores nor adds them. An entry
 * the plan multiplies by a local partial that is not a finite constant is computed even when it is
 * zero, so an infinite or NaN partial spreads exactly as in the plan. The entries are therefore bit
 * for bit the plan's: both return each entry as {@code x + 0.0}, so that even the sign of a zero agrees
 * (the plan's initial +0 the code leaves out could only change that); structural zeros are +0.
 */
final class HessianCompiler extends CodeGenerator {

    private static final int SECOND_PARTIALS = FIRST_KIND;    // f'' (haa, hab, hbb) of slot s
    private static final int TERM = FIRST_KIND + 1;           // cell (+)= term argX
    private static final int OUTPUT = FIRST_KIND + 2;         // out[i·n+j] = out[j·n+i] = H cell
    private static final int ZERO = FIRST_KIND + 3;           // out[from .. to) = +0

    // references in terms: a cell (>= 0), a literal, or a local partial
    private static final int LIT_ZERO = -1;
    private static final int LIT_ONE = -2;
    private static final int PARTIAL = -10;    // PARTIAL - (2·s + side)

    // term shapes
    private static final int COPY = 0;      // r1
    private static final int PRODUCT = 1;   // r1·r2
    private static final int TRIPLE = 2;    // (r1·r2)·r3
    private static final int DOUBLED = 3;   // 2·((r1·r2)·r3)
    private static final int CHAIN = 4;     // r1·r2 + (r3·r4)·r5, the first product left out when r1 is null (r1 = NONE)
    private static final int NONE = Integer.MIN_VALUE;

    private static final MethodTypeDesc MTD_UNARY = MethodTypeDesc.of(CD_double, CD_OP, CD_double, CD_double);
    private static final MethodTypeDesc MTD_BINARY = MethodTypeDesc.of(CD_void, CD_OP, CD_double, CD_double,
            CD_double, CD_boolean, CD_boolean);

    private final HessianPlan plan;
    private final int[] base;        // per plan entry: first cell of its block (gradient, then packed Hessian)
    private final int[] entryOf;     // per slot: plan entry or -1
    private final byte[] known;      // per cell: 0 +0 (never written), 1 the literal 1, 2 computed
    private final int outSlot;

    // the terms: shape, target and references
    private int[] termShape = new int[256];
    private int[] termTarget = new int[256];
    private int[] termRefs = new int[256 * 5];
    private int terms;

    private HessianCompiler(Tape tape, HessianPlan plan, int output) {
        super(tape);
        this.plan = plan;
        this.outSlot = tape.outputs[output];
        this.base = new int[plan.count];
        this.entryOf = new int[size];
        Arrays.fill(entryOf, -1);
        cellCount = 6 * size; // values, dl, dr; then haa, hab, hbb
        for (int e = 0; e < plan.count; e++) {
            entryOf[plan.slot[e]] = e;
            base[e] = cellCount;
            cellCount = Math.addExact(cellCount, blockSize(plan.dim[e]));
        }
        this.known = new byte[cellCount];
    }

    private static int blockSize(int d) {
        return d + d * (d + 1) / 2;
    }

    /**
     * An upper bound of the statements the code would have: the size estimate compared with the
     * budget before compiling.
     */
    static long statementsBound(HessianPlan plan) {
        long total = 0;
        for (int e = 0; e < plan.count; e++) {
            if (plan.kind[e] == HessianPlan.SUM) {
                for (int r = plan.opStart[e]; r < plan.opStart[e + 1]; r++) {
                    total += blockSize(plan.dim[plan.opEntry[r]]);
                }
            } else {
                total += 3L * blockSize(plan.dim[e]);
            }
        }
        return total;
    }

    /** Compiles the Hessian of output {@code output}, or null when the code would be too large for the JIT. */
    static Compiled compile(Tape tape, HessianPlan plan, int output) {
        if (statementsBound(plan) > HARD_LIMIT) {
            return null;
        }
        HessianCompiler c = new HessianCompiler(tape, plan, output);
        c.schedule();
        return c.generate();
    }

    // ------------------------------------------------------------------------------------------------
    // Cells and references

    private int haaCell(int s) {
        return 3 * size + s;
    }

    private int habCell(int s) {
        return 4 * size + s;
    }

    private int hbbCell(int s) {
        return 5 * size + s;
    }

    private static int packed(int i, int j, int d) {
        return i * d - i * (i - 1) / 2 + (j - i);
    }

    private int mapped(int r, int i) {
        int ms = plan.mapStart[r];
        return ms < 0 ? i : plan.maps[ms + i];
    }

    /** The reference to entry e's block cell at offset x: a literal when known, else the cell. */
    private int ref(int e, int x) {
        int cell = base[e] + x;
        return switch (known[cell]) {
            case 0 -> LIT_ZERO;
            case 1 -> LIT_ONE;
            default -> cell;
        };
    }

    private static int partialRef(int s, int side) {
        return PARTIAL - (2 * s + side);
    }

    /** Whether the local partial of s for a side is a finite constant (so that partial·0 is a zero). */
    private boolean finiteLiteralPartial(int s, int side) {
        return switch (tape.op[s]) {
            case SUBTRACT, NEGATE -> true;
            case MULTIPLY -> {
                int o = operand(s, 1 - side);
                yield tape.constant[o] && Double.isFinite(tape.constants[o]);
            }
            default -> false;
        };
    }

    /** Adds statement {@code cell (+)= term}; the target is then computed. */
    private void term(int shape, int cell, int r1, int r2, int r3, int r4, int r5) {
        if (terms == termShape.length) {
            termShape = Arrays.copyOf(termShape, terms * 2);
            termTarget = Arrays.copyOf(termTarget, terms * 2);
            termRefs = Arrays.copyOf(termRefs, terms * 10);
        }
        termShape[terms] = shape;
        termTarget[terms] = cell;
        termRefs[5 * terms] = r1;
        termRefs[5 * terms + 1] = r2;
        termRefs[5 * terms + 2] = r3;
        termRefs[5 * terms + 3] = r4;
        termRefs[5 * terms + 4] = r5;
        boolean first = known[cell] == 0;
        add(TERM, 0, first ? 1 : 0, 0, terms);
        known[cell] = 2;
        terms++;
    }

    // ------------------------------------------------------------------------------------------------
    // Scheduling, in the plan's order per entry

    private void schedule() {
        boolean[] live = live(tape, outSlot);
        int[] next = new int[size];
        nextRef = new int[size];
        for (int t = 0; t <= outSlot; t++) {
            if (!live[t]) {
                continue;
            }
            Op o = tape.op[t];
            int e = entryOf[t];
            if (o == Op.ADD) {
                accumulate(t, next, operandCount(t));
            } else if (o != null) {
                add(VALUE, t, 0, 0, 0);
                if (plan.kind[e] == HessianPlan.UNARY || plan.kind[e] == HessianPlan.BINARY) {
                    add(SECOND_PARTIALS, t, 0, 0, 0);
                }
                entry(e);
            } else if (e >= 0) {
                known[base[e]] = 1; // an input: gradient 1, Hessian 0
            }
            // sums reading t accumulate their ready operands now, in order
            for (int u : users(t, live)) {
                int ready = next[u];
                while (ready < operandCount(u) && operand(u, ready) <= t) {
                    ready++;
                }
                accumulate(u, next, ready);
            }
        }
        // the result: zeros, then the computed entries of the output's block, mirrored
        int n2 = n * n;
        boolean[] written = new boolean[n2];
        int oe = plan.outEntry;
        int[] outputs = new int[16];
        int outputCount = 0;
        if (oe >= 0) {
            int d = plan.dim[oe];
            int idx = 0;
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++, idx++) {
                    int cell = base[oe] + d + idx;
                    if (known[cell] == 2) {
                        int vi = plan.outVars[i];
                        int vj = plan.outVars[j];
                        written[vi * n + vj] = true;
                        written[vj * n + vi] = true;
                        if (outputCount + 3 > outputs.length) {
                            outputs = Arrays.copyOf(outputs, outputs.length * 2);
                        }
                        outputs[outputCount++] = cell;
                        outputs[outputCount++] = vi;
                        outputs[outputCount++] = vj;
                    }
                }
            }
        }
        int from = 0;
        for (int x = 0; x <= n2; x++) {
            if (x == n2 || written[x]) {
                if (x > from) {
                    add(ZERO, from, x, 0, 0);
                }
                from = x + 1;
            }
        }
        // each computed entry of the result is stored right after its last write, so it dies there
        int[] lastWrite = new int[cellCount];
        for (int e = 0; e < count; e++) {
            if (kind[e] == TERM) {
                lastWrite[termTarget[argX[e]]] = e;
            }
        }
        int[] outAt = new int[outputCount / 3];
        for (int x = 0; x < outputCount; x += 3) {
            outAt[x / 3] = lastWrite[outputs[x]];
        }
        Integer[] order = new Integer[outAt.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Integer.compare(outAt[p], outAt[q]));
        int[] k0 = kind;
        int[] s0 = argS;
        int[] a0 = argK;
        int[] i0 = argI;
        int[] x0 = argX;
        int c0 = count;
        kind = new int[c0 + outAt.length + 16];
        argS = new int[kind.length];
        argK = new int[kind.length];
        argI = new int[kind.length];
        argX = new int[kind.length];
        count = 0;
        int o = 0;
        for (int e = 0; e < c0; e++) {
            add(k0[e], s0[e], a0[e], i0[e], x0[e]);
            while (o < order.length && outAt[order[o]] == e) {
                int x = 3 * order[o++];
                add(OUTPUT, 0, outputs[x], outputs[x + 1], outputs[x + 2]);
            }
        }
        while (o < order.length) {
            int x = 3 * order[o++];
            add(OUTPUT, 0, outputs[x], outputs[x + 1], outputs[x + 2]);
        }
        pruneDeadTerms();
    }

    /**
     * Drops the terms whose result nothing reads (the output's own gradient, for one): a backward pass
     * over the statements with the set of cells still to be read.
     */
    private void pruneDeadTerms() {
        boolean[] needed = new boolean[cellCount];
        boolean[] keep = new boolean[count];
        for (int e = count - 1; e >= 0; e--) {
            if (kind[e] == TERM) {
                int target = termTarget[argX[e]];
                if (!needed[target]) {
                    continue;
                }
                if (argK[e] == 1) {
                    needed[target] = false; // assigned here: not needed before
                }
            }
            keep[e] = true;
            reads(e, c -> needed[c] = true);
        }
        int c = 0;
        for (int e = 0; e < count; e++) {
            if (keep[e]) {
                kind[c] = kind[e];
                argS[c] = argS[e];
                argK[c] = argK[e];
                argI[c] = argI[e];
                argX[c] = argX[e];
                c++;
            }
        }
        count = c;
    }

    private int[][] users;
    private int[] nextRef;   // per sum: its next operand reference

    /** The live sums that read slot t, each once, in slot order. */
    private int[] users(int t, boolean[] live) {
        if (users == null) {
            int[] countOf = new int[size];
            int[][] u = new int[size][];
            for (int s = 0; s < size; s++) {
                if (live[s] && tape.op[s] == Op.ADD) {
                    for (int k = 0; k < operandCount(s); k++) {
                        int o = operand(s, k);
                        if (u[o] == null) {
                            u[o] = new int[2];
                        }
                        if (countOf[o] > 0 && u[o][countOf[o] - 1] == s) {
                            continue;
                        }
                        if (countOf[o] == u[o].length) {
                            u[o] = Arrays.copyOf(u[o], countOf[o] * 2);
                        }
                        u[o][countOf[o]++] = s;
                    }
                }
            }
            for (int s = 0; s < size; s++) {
                u[s] = u[s] == null ? new int[0] : Arrays.copyOf(u[s], countOf[s]);
            }
            users = u;
        }
        return users[t];
    }

    /** Operands {@code next[s] .. upTo} of the sum s: its value, gradient and Hessian (HessianPlan's SUM). */
    private void accumulate(int s, int[] next, int upTo) {
        int e = entryOf[s];
        for (int k = next[s]; k < upTo; k++) {
            add(SUMVAL, s, k, 0, 0);
            int a = operand(s, k);
            if (entryOf[a] < 0) {
                continue; // a constant: no derivatives
            }
            // the reference of operand k: references are the varying operands, in order
            int r = plan.opStart[e] + nextRef[s]++;
            int o = plan.opEntry[r];
            int d = plan.dim[e];
            int dOp = plan.dim[o];
            int idx = 0;
            for (int i = 0; i < dOp; i++) {
                int mi = mapped(r, i);
                sumTerm(base[e] + mi, ref(o, i));
                for (int j = i; j < dOp; j++, idx++) {
                    sumTerm(base[e] + d + packed(mi, mapped(r, j), d), ref(o, dOp + idx));
                }
            }
        }
        next[s] = Math.max(next[s], upTo);
    }

    /** cell += 1.0·x, which changes nothing (but the sign of a zero) when x is a known +0. */
    private void sumTerm(int cell, int x) {
        if (x != LIT_ZERO) {
            term(COPY, cell, x, NONE, NONE, NONE, NONE);
        }
    }

    /** The statements of a non-sum entry, in the order of {@link HessianPlan#evaluate}. */
    private void entry(int e) {
        int s = plan.slot[e];
        int d = plan.dim[e];
        int g = base[e];
        int h = g + d;
        int tri = d * (d + 1) / 2;
        int kindE = plan.kind[e];
        switch (kindE) {
            case HessianPlan.SCALE -> {
                int side = plan.role[e];
                int o = plan.opEntry[plan.opStart[e]];
                for (int i = 0; i < d + tri; i++) {
                    scaled(g + i, s, side, ref(o, i));
                }
            }
            case HessianPlan.UNARY -> {
                int side = plan.role[e];
                int o = plan.opEntry[plan.opStart[e]];
                int c2 = tape.op[s].arity() == 1 || side == 0 ? haaCell(s) : hbbCell(s);
                for (int i = 0; i < d; i++) {
                    scaled(g + i, s, side, ref(o, i));
                }
                int idx = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++, idx++) {
                        int ho = ref(o, d + idx);
                        int first = ho == LIT_ZERO && finiteLiteralPartial(s, side) ? NONE : partialRef(s, side);
                        term(CHAIN, h + idx, first, first == NONE ? NONE : ho, c2, ref(o, i), ref(o, j));
                    }
                }
            }
            default -> { // LINEAR2, PRODUCT, BINARY: a zero block, then the plan's additions
                int ra = plan.opStart[e];
                int rb = ra + 1;
                addScaled(e, s, 0, ra);
                addScaled(e, s, 1, rb);
                if (kindE == HessianPlan.PRODUCT) {
                    addCross(e, LIT_ONE, ra, rb);
                } else if (kindE == HessianPlan.BINARY) {
                    addOuter(e, haaCell(s), ra);
                    addCross(e, habCell(s), ra, rb);
                    addOuter(e, hbbCell(s), rb);
                }
            }
        }
    }

    /** cell = partial·x, as the plan's SCALE and UNARY gradient; a known zero when that is certain. */
    private void scaled(int cell, int s, int side, int x) {
        if (x == LIT_ZERO && finiteLiteralPartial(s, side)) {
            return; // c·0 with c finite: the cell stays a (signed) zero; the plan's value is ±0
        }
        term(PRODUCT, cell, partialRef(s, side), x, NONE, NONE, NONE);
    }

    /** The plan's addScaled: g_e += c·g_o and H_e += c·H_o for operand reference r. */
    private void addScaled(int e, int s, int side, int r) {
        int o = plan.opEntry[r];
        int d = plan.dim[e];
        int dOp = plan.dim[o];
        int g = base[e];
        int h = g + d;
        boolean skipZeros = finiteLiteralPartial(s, side);
        int idx = 0;
        for (int i = 0; i < dOp; i++) {
            int mi = mapped(r, i);
            int x = ref(o, i);
            if (x != LIT_ZERO || !skipZeros) {
                term(PRODUCT, g + mi, partialRef(s, side), x, NONE, NONE, NONE);
            }
            for (int j = i; j < dOp; j++, idx++) {
                int y = ref(o, dOp + idx);
                if (y != LIT_ZERO || !skipZeros) {
                    term(PRODUCT, h + packed(mi, mapped(r, j), d), partialRef(s, side), y, NONE, NONE, NONE);
                }
            }
        }
    }

    /** The plan's addOuter: H_e += c·g_o g_oᵀ. */
    private void addOuter(int e, int c, int r) {
        int o = plan.opEntry[r];
        int d = plan.dim[e];
        int h = base[e] + d;
        for (int i = 0; i < plan.dim[o]; i++) {
            int mi = mapped(r, i);
            for (int j = i; j < plan.dim[o]; j++) {
                term(TRIPLE, h + packed(mi, mapped(r, j), d), c, ref(o, i), ref(o, j), NONE, NONE);
            }
        }
    }

    /** The plan's addCross: H_e += c·(g_a g_bᵀ + g_b g_aᵀ). */
    private void addCross(int e, int c, int ra, int rb) {
        int a = plan.opEntry[ra];
        int b = plan.opEntry[rb];
        int d = plan.dim[e];
        int h = base[e] + d;
        for (int i = 0; i < plan.dim[a]; i++) {
            int p = mapped(ra, i);
            for (int j = 0; j < plan.dim[b]; j++) {
                int q = mapped(rb, j);
                if (p == q) {
                    term(DOUBLED, h + packed(p, p, d), c, ref(a, i), ref(b, j), NONE, NONE);
                } else {
                    term(TRIPLE, h + packed(Math.min(p, q), Math.max(p, q), d), c, ref(a, i), ref(b, j), NONE, NONE);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Reads and emission

    private void readRef(int r, IntConsumer sink) {
        if (r >= 0) {
            sink.accept(r);
        } else if (r <= PARTIAL) {
            int code = PARTIAL - r;
            readPartial(code >> 1, code & 1, sink);
        }
    }

    @Override
    void reads(int e, IntConsumer sink) {
        switch (kind[e]) {
            case VALUE, SUMVAL -> baseReads(e, sink);
            case SECOND_PARTIALS -> {
                int s = argS[e];
                for (int k = 0; k < tape.op[s].arity(); k++) {
                    readValue(operand(s, k), sink);
                }
                sink.accept(valueCell(s));
            }
            case TERM -> {
                int t = argX[e];
                if (argK[e] == 0) {
                    sink.accept(termTarget[t]);
                }
                for (int x = 0; x < 5; x++) {
                    int r = termRefs[5 * t + x];
                    if (r != NONE) {
                        readRef(r, sink);
                    }
                }
            }
            case OUTPUT -> sink.accept(argK[e]);
            default -> {
            }
        }
    }

    private void push(Emitter em, int r) {
        if (r >= 0) {
            em.load(r);
        } else if (r == LIT_ZERO) {
            em.constant(0.0);
        } else if (r == LIT_ONE) {
            em.constant(1.0);
        } else {
            int code = PARTIAL - r;
            em.partial(code >> 1, code & 1);
        }
    }

    @Override
    void emit(int e, Emitter em) {
        switch (kind[e]) {
            case SECOND_PARTIALS -> secondPartials(em, argS[e]);
            case TERM -> {
                int t = argX[e];
                int cell = termTarget[t];
                boolean first = argK[e] == 1;
                if (!first) {
                    em.load(cell);
                }
                int[] r = termRefs;
                int b = 5 * t;
                switch (termShape[t]) {
                    case COPY -> push(em, r[b]);
                    case PRODUCT -> {
                        push(em, r[b]);
                        push(em, r[b + 1]);
                        em.cb.dmul();
                    }
                    case TRIPLE, DOUBLED -> {
                        if (termShape[t] == DOUBLED) {
                            em.constant(2.0);
                        }
                        push(em, r[b]);
                        push(em, r[b + 1]);
                        em.cb.dmul();
                        push(em, r[b + 2]);
                        em.cb.dmul();
                        if (termShape[t] == DOUBLED) {
                            em.cb.dmul();
                        }
                    }
                    default -> { // CHAIN
                        if (r[b] != NONE) {
                            push(em, r[b]);
                            push(em, r[b + 1]);
                            em.cb.dmul();
                        }
                        push(em, r[b + 2]);
                        push(em, r[b + 3]);
                        em.cb.dmul();
                        push(em, r[b + 4]);
                        em.cb.dmul();
                        if (r[b] != NONE) {
                            em.cb.dadd();
                        }
                    }
                }
                if (!first) {
                    em.cb.dadd();
                }
                em.store(cell);
            }
            case OUTPUT -> {
                int cell = argK[e];
                int vi = argI[e];
                int vj = argX[e];
                em.cb.aload(OUT); // cell + 0.0: −0 → +0, as HessianPlan#evaluate does
                em.cb.loadConstant(vi * n + vj);
                em.load(cell);
                em.cb.dconst_0();
                em.cb.dadd();
                em.cb.dastore();
                if (vi != vj) {
                    em.cb.aload(OUT);
                    em.cb.loadConstant(vj * n + vi);
                    em.load(cell);
                    em.cb.dconst_0();
                    em.cb.dadd();
                    em.cb.dastore();
                }
            }
            default -> em.zero(argS[e], argK[e]); // ZERO
        }
    }

    /** The plan's second partials of s, by its {@link HessianPlan.Second}. */
    private void secondPartials(Emitter em, int s) {
        int e = entryOf[s];
        Op o = tape.op[s];
        int a = operand(s, 0);
        if (o.arity() == 1) {
            em.cb.aload(SECOND);
            em.opConstant(o);
            em.value(a);
            em.value(s);
            em.cb.invokevirtual(CD_SECOND, "unary", MTD_UNARY);
            em.store(haaCell(s));
            return;
        }
        int b = operand(s, 1);
        boolean both = plan.kind[e] == HessianPlan.BINARY;
        boolean left = both || plan.role[e] == 0;
        boolean right = both || plan.role[e] == 1;
        if (o == Op.POWER && !right) {
            em.value(a);
            em.value(b);
            em.cb.invokestatic(CD_SECOND, "powerBase", MTD_D_DD);
            em.store(haaCell(s));
            return;
        }
        em.cb.aload(SECOND);
        em.opConstant(o);
        em.value(a);
        em.value(b);
        em.value(s);
        em.cb.loadConstant(left ? 1 : 0);
        em.cb.loadConstant(right ? 1 : 0);
        em.cb.invokevirtual(CD_SECOND, "binary", MTD_BINARY);
        if (left) {
            em.cb.aload(SECOND);
            em.cb.getfield(CD_SECOND, "haa", CD_double);
            em.store(haaCell(s));
        }
        if (both) {
            em.cb.aload(SECOND);
            em.cb.getfield(CD_SECOND, "hab", CD_double);
            em.store(habCell(s));
        }
        if (right) {
            em.cb.aload(SECOND);
            em.cb.getfield(CD_SECOND, "hbb", CD_double);
            em.store(hbbCell(s));
        }
    }
}
