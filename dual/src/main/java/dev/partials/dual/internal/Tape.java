package dev.partials.dual.internal;

import dev.partials.Op;
import dev.partials.spi.Program;
import java.util.Arrays;

/**
 * A {@link Program} flattened into int and double arrays for the first-order passes, with one
 * precomputed <em>sub-tape</em> per chunk of variables.
 *
 * <h2>Passes</h2>
 * <ol>
 * <li>{@link #linearize}: values of every slot and the local partials of every instruction
 *     ({@code dl} for the left or only operand, {@code dr} for the right one), from
 *     {@link Op#derivative} (through {@link Rules}), {@link Op#partialLeft}, {@link Op#partialRight} and
 *     the power rules {@link Op#powPartialBase}/{@link Op#powPartialExponent} — the one table of
 *     first-derivative rules. A local partial is computed only for an operand that depends on a
 *     variable, so {@code x^2} never evaluates {@code x^2·log x}.</li>
 * <li>{@link #chunk}: the tangents of the chunk's variables {@code [q·C, q·C + C)}, C = {@link #CHUNK}
 *     lanes, through the chunk's sub-tape only: the slots that depend on one of its variables, each
 *     n-ary sum restricted to its operands that do. A sparse problem such as Rosenbrock therefore
 *     costs O(slots touched) per chunk, not O(slots), and O(n) per gradient.</li>
 * </ol>
 *
 * <h2>Sub-tape storage</h2>
 * Chunk q is one int stream, an entry per slot that depends on the chunk, in execution order:
 * <pre>
 * SEED  dst lane                       t[dst..dst+C) = unit vector of the lane (an input)
 * LEFT  slot dst a aSlot               t[dst..] = dl[slot]·t[a..]          (unary, or only the left operand varies)
 * RIGHT slot dst b bSlot               t[dst..] = dr[slot]·t[b..]          (only the right operand varies)
 * BOTH  slot dst a aSlot b bSlot       t[dst..] = dl[slot]·t[a..] + dr[slot]·t[b..]
 * SUM   dst count a1 … a_count         t[dst..] = Σ t[a_i..]              (the operands that depend on the chunk)
 * </pre>
 * {@code dst} and the operand offsets are <em>registers</em> of the chunk's tangent array, C doubles
 * each, assigned at prepare time and reused once a tangent has been read for the last time, so the
 * workspace follows the widest live set, not the tape length. Every register holds all C lanes, so
 * the inner loops have a constant trip count.
 *
 * <p>A lane whose variable a slot does not depend on holds ±0 as long as every local partial is
 * finite; when a local partial is infinite or NaN (log at 0, sqrt at 0) the pass consults the
 * dependency sets lane by lane instead, so that {@code ∞·0} never turns a structural zero into NaN.
 * Outputs are read through a per-chunk dependency mask, so a structural zero is returned as +0, and
 * every zero partial is returned as +0 (the sign of a computed zero is normalised away).
 */
final class Tape {

    /**
     * Lanes per chunk: tangents propagated per pass. 8 doubles fill one AVX-512 register and one
     * cache line; ForwardDiff.jl uses up to 12. A default to be tuned by the {@code bench} module.
     */
    static final int CHUNK = 8;

    // operation codes of the passes (a tableswitch); the rarely hot operations share UNARY/BINARY
    private static final int ADD = 0;
    private static final int SUBTRACT = 1;
    private static final int MULTIPLY = 2;
    private static final int DIVIDE = 3;
    private static final int POWER = 4;
    private static final int NEGATE = 5;
    private static final int UNARY = 6;
    private static final int BINARY = 7;

    // sub-tape entry kinds
    static final int SEED = 0;
    static final int LEFT = 1;
    static final int RIGHT = 2;
    static final int BOTH = 3;
    static final int SUM = 4;

    final Program program;
    final int n;
    final int m;
    final int size;
    final Op[] op;              // per slot, null for inputs and constants
    final int[] code;           // per slot: operation code, -1 for inputs and constants
    final int[] start;          // operands of slot s: operands[start[s] .. start[s+1])
    final int[] operands;
    final boolean[] operandVaries; // per operand position: the operand depends on a variable
    final double[] constants;   // per slot (NaN unless constant)
    final boolean[] constant;   // per slot
    final int[] instructions;   // instruction slots, in order
    final boolean[] leftVaries; // per slot: operand 0 depends on a variable
    final boolean[] rightVaries;
    final int[] outputs;

    final int chunkCount;
    final int[][] stream;       // per chunk
    final int[] outRegister;    // [q*m + k]: offset of output k's tangents in chunk q, or -1
    final long[] outMask;       // [q*m + k]: lanes output k depends on
    final int registers;        // the most registers any chunk uses

    Tape(Program program) {
        this.program = program;
        this.n = program.variableCount();
        this.m = program.outputCount();
        this.size = program.size();
        this.op = new Op[size];
        this.code = new int[size];
        this.start = new int[size + 1];
        this.constants = new double[size];
        this.constant = new boolean[size];
        this.leftVaries = new boolean[size];
        this.rightVaries = new boolean[size];
        int total = 0;
        int instructionCount = 0;
        for (int s = 0; s < size; s++) {
            start[s] = total;
            total += program.operandCount(s);
            constants[s] = program.constant(s);
            constant[s] = program.isConstant(s);
            code[s] = -1;
            if (program.isInstruction(s)) {
                Op o = program.op(s);
                op[s] = o;
                code[s] = switch (o) {
                    case ADD -> ADD;
                    case SUBTRACT -> SUBTRACT;
                    case MULTIPLY -> MULTIPLY;
                    case DIVIDE -> DIVIDE;
                    case POWER -> POWER;
                    case NEGATE -> NEGATE;
                    default -> o.arity() == 1 ? UNARY : BINARY;
                };
                instructionCount++;
            }
        }
        start[size] = total;
        this.operands = new int[total];
        this.operandVaries = new boolean[total];
        this.instructions = new int[instructionCount];
        int i = 0;
        for (int s = 0; s < size; s++) {
            for (int k = 0; k < program.operandCount(s); k++) {
                int o = program.operand(s, k);
                operands[start[s] + k] = o;
                operandVaries[start[s] + k] = program.dependencyCount(o) > 0;
            }
            if (op[s] != null) {
                instructions[i++] = s;
                leftVaries[s] = operandVaries[start[s]];
                if (op[s].arity() == 2 && op[s] != Op.ADD) {
                    rightVaries[s] = operandVaries[start[s] + 1];
                }
            }
        }
        this.outputs = new int[m];
        for (int k = 0; k < m; k++) {
            outputs[k] = program.outputSlot(k);
        }
        this.chunkCount = (n + CHUNK - 1) / CHUNK;
        this.stream = new int[chunkCount][];
        this.outRegister = new int[chunkCount * m];
        this.outMask = new long[chunkCount * m];
        ChunkBuilder b = new ChunkBuilder();
        for (int q = 0; q < chunkCount; q++) {
            b.chunk(q);
        }
        this.registers = b.maxRegisters;
    }

    /** Builds the sub-tape streams, assigning tangent registers by liveness. */
    private final class ChunkBuilder {
        private final int[] register = new int[size];   // slot → register offset in the current chunk
        private final int[] lastUse = new int[size];    // slot → index (in the chunk) of its last reader
        private int[] buffer = new int[64];
        private int length;
        private int[] free = new int[16];
        private int freeCount;
        private int used;
        int maxRegisters;

        void chunk(int q) {
            int from = q * CHUNK;
            int to = Math.min(n, from + CHUNK);
            int[] slots = program.slotsDependingOn(from, to);
            boolean[] in = new boolean[size];
            for (int s : slots) {
                in[s] = true;
                lastUse[s] = -1;
            }
            for (int e = 0; e < slots.length; e++) {
                int s = slots[e];
                for (int k = start[s]; k < start[s + 1]; k++) {
                    if (in[operands[k]]) {
                        lastUse[operands[k]] = e;
                    }
                }
            }
            boolean[] output = new boolean[size];
            for (int k = 0; k < m; k++) {
                output[outputs[k]] = true;
            }
            length = 0;
            freeCount = 0;
            used = 0;
            for (int e = 0; e < slots.length; e++) {
                int s = slots[e];
                int dst = allocate();
                register[s] = dst;
                Op o = op[s];
                if (o == null) {
                    emit(SEED, dst, s - from);
                } else if (o == Op.ADD) {
                    int count = 0;
                    for (int k = start[s]; k < start[s + 1]; k++) {
                        count += in[operands[k]] ? 1 : 0;
                    }
                    emit(SUM, dst, count);
                    for (int k = start[s]; k < start[s + 1]; k++) {
                        if (in[operands[k]]) {
                            emit(register[operands[k]]);
                        }
                    }
                } else {
                    int a = operands[start[s]];
                    int c = o.arity() == 2 ? operands[start[s] + 1] : -1;
                    boolean ia = in[a];
                    boolean ic = c >= 0 && in[c];
                    if (ia && ic) {
                        emit(BOTH, s, dst, register[a], a);
                        emit(register[c], c);
                    } else if (ia) {
                        emit(LEFT, s, dst, register[a], a);
                    } else {
                        emit(RIGHT, s, dst, register[c], c);
                    }
                }
                // release the registers read here for the last time (once, even for x*x)
                for (int k = start[s]; k < start[s + 1]; k++) {
                    int o2 = operands[k];
                    if (in[o2] && lastUse[o2] == e && !output[o2]) {
                        release(register[o2]);
                        lastUse[o2] = -2;
                    }
                }
            }
            stream[q] = Arrays.copyOf(buffer, length);
            maxRegisters = Math.max(maxRegisters, used);
            for (int k = 0; k < m; k++) {
                int o = outputs[k];
                outRegister[q * m + k] = in[o] ? register[o] : -1;
                long mask = 0;
                for (int v = from; v < to; v++) {
                    if (program.dependsOn(o, v)) {
                        mask |= 1L << (v - from);
                    }
                }
                outMask[q * m + k] = mask;
            }
        }

        private int allocate() {
            if (freeCount > 0) {
                return free[--freeCount];
            }
            return CHUNK * used++;
        }

        private void release(int reg) {
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, free.length * 2);
            }
            free[freeCount++] = reg;
        }

        private void emit(int... values) {
            if (length + values.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + values.length));
            }
            System.arraycopy(values, 0, buffer, length, values.length);
            length += values.length;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Value passes

    /** Writes every slot's value into {@code v}; constant slots must already hold their values. */
    void values(double[] point, double[] v) {
        System.arraycopy(point, 0, v, 0, n);
        final int[] instr = instructions;
        final int[] st = start;
        final int[] opd = operands;
        for (int i = 0; i < instr.length; i++) {
            int s = instr[i];
            int k = st[s];
            switch (code[s]) {
                case ADD -> {
                    double sum = v[opd[k]];
                    for (int j = k + 1, end = st[s + 1]; j < end; j++) {
                        sum += v[opd[j]];
                    }
                    v[s] = sum;
                }
                case SUBTRACT -> v[s] = v[opd[k]] - v[opd[k + 1]];
                case MULTIPLY -> v[s] = v[opd[k]] * v[opd[k + 1]];
                case DIVIDE -> v[s] = v[opd[k]] / v[opd[k + 1]];
                case POWER -> v[s] = Op.pow(v[opd[k]], v[opd[k + 1]]);
                case NEGATE -> v[s] = -v[opd[k]];
                case UNARY -> v[s] = op[s].apply(v[opd[k]]);
                default -> v[s] = op[s].apply(v[opd[k]], v[opd[k + 1]]);
            }
        }
    }

    /**
     * Writes every slot's value into {@code v} and every instruction's local partials into
     * {@code dl} (left or only operand) and {@code dr} (right operand), for operands that depend on
     * a variable. n-ary sums need none (every local partial is 1).
     */
    void linearize(double[] point, double[] v, double[] dl, double[] dr) {
        System.arraycopy(point, 0, v, 0, n);
        final int[] instr = instructions;
        for (int i = 0; i < instr.length; i++) {
            linearizeOne(instr[i], v, dl, dr);
        }
    }

    /** The value and local partials of instruction {@code s}, from the values of its operands. */
    private void linearizeOne(int s, double[] v, double[] dl, double[] dr) {
        final int k = start[s];
        final int[] opd = operands;
        switch (code[s]) {
            case ADD -> {
                double sum = v[opd[k]];
                for (int j = k + 1, end = start[s + 1]; j < end; j++) {
                    sum += v[opd[j]];
                }
                v[s] = sum;
            }
            case SUBTRACT -> {
                double a = v[opd[k]];
                double b = v[opd[k + 1]];
                double r = a - b;
                v[s] = r;
                dl[s] = Op.SUBTRACT.partialLeft(a, b, r);
                dr[s] = Op.SUBTRACT.partialRight(a, b, r);
            }
            case MULTIPLY -> {
                double a = v[opd[k]];
                double b = v[opd[k + 1]];
                double r = a * b;
                v[s] = r;
                dl[s] = Op.MULTIPLY.partialLeft(a, b, r);
                dr[s] = Op.MULTIPLY.partialRight(a, b, r);
            }
            case DIVIDE -> {
                double a = v[opd[k]];
                double b = v[opd[k + 1]];
                double r = a / b;
                v[s] = r;
                dl[s] = Op.DIVIDE.partialLeft(a, b, r);
                if (rightVaries[s]) {
                    dr[s] = Op.DIVIDE.partialRight(a, b, r);
                }
            }
            case POWER -> {
                // Op.partialLeft/partialRight of POWER are these two functions of Op
                double a = v[opd[k]];
                double b = v[opd[k + 1]];
                double r = Op.pow(a, b);
                v[s] = r;
                if (leftVaries[s]) {
                    dl[s] = Op.powPartialBase(a, b);
                }
                if (rightVaries[s]) {
                    dr[s] = Op.powPartialExponent(a, b, r);
                }
            }
            case NEGATE -> {
                double a = v[opd[k]];
                double r = -a;
                v[s] = r;
                dl[s] = Op.NEGATE.derivative(a, r);
            }
            case UNARY -> {
                Op o = op[s];
                double a = v[opd[k]];
                double r = o.apply(a);
                v[s] = r;
                dl[s] = Rules.derivative(o, a, r);
            }
            default -> {
                Op o = op[s];
                double a = v[opd[k]];
                double b = v[opd[k + 1]];
                double r = o.apply(a, b);
                v[s] = r;
                if (leftVaries[s]) {
                    dl[s] = o.partialLeft(a, b, r);
                }
                if (rightVaries[s]) {
                    dr[s] = o.partialRight(a, b, r);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Chunk pass

    /**
     * Propagates the tangents of chunk {@code q} through its sub-tape into the registers of
     * {@code t}, given the local partials of {@link #linearize}.
     */
    void chunk(int q, double[] dl, double[] dr, double[] t) {
        final int[] p = stream[q];
        final int c8 = CHUNK;
        int i = 0;
        while (i < p.length) {
            switch (p[i]) {
                case SEED -> {
                    int dst = p[i + 1];
                    for (int c = 0; c < c8; c++) {
                        t[dst + c] = 0.0;
                    }
                    t[dst + p[i + 2]] = 1.0;
                    i += 3;
                }
                case LEFT, RIGHT -> {
                    int s = p[i + 1];
                    double d = p[i] == LEFT ? dl[s] : dr[s];
                    int dst = p[i + 2];
                    int a = p[i + 3];
                    if (Double.isFinite(d)) {
                        for (int c = 0; c < c8; c++) {
                            t[dst + c] = d * t[a + c];
                        }
                    } else {
                        for (int c = 0; c < c8; c++) {
                            t[dst + c] = 0.0;
                        }
                        accumulateByLane(d, t, dst, a, p[i + 4], q);
                    }
                    i += 5;
                }
                case BOTH -> {
                    int s = p[i + 1];
                    double da = dl[s];
                    double db = dr[s];
                    int dst = p[i + 2];
                    int a = p[i + 3];
                    int b = p[i + 5];
                    if (Double.isFinite(da) && Double.isFinite(db)) {
                        for (int c = 0; c < c8; c++) {
                            t[dst + c] = da * t[a + c] + db * t[b + c];
                        }
                    } else {
                        for (int c = 0; c < c8; c++) {
                            t[dst + c] = 0.0;
                        }
                        accumulateByLane(da, t, dst, a, p[i + 4], q);
                        accumulateByLane(db, t, dst, b, p[i + 6], q);
                    }
                    i += 7;
                }
                default -> { // SUM: every local partial is 1, so no structural zero can turn into NaN
                    int dst = p[i + 1];
                    int count = p[i + 2];
                    int a = p[i + 3];
                    for (int c = 0; c < c8; c++) {
                        t[dst + c] = t[a + c];
                    }
                    for (int j = 1; j < count; j++) {
                        int b = p[i + 3 + j];
                        for (int c = 0; c < c8; c++) {
                            t[dst + c] += t[b + c];
                        }
                    }
                    i += 3 + count;
                }
            }
        }
    }

    /**
     * {@code t[dst+c] += d · t[src+c]} on the lanes whose variable the operand depends on: the rare
     * path for an infinite or NaN local partial, which must not meet a structural zero.
     */
    private void accumulateByLane(double d, double[] t, int dst, int src, int operandSlot, int q) {
        int from = q * CHUNK;
        for (int c = 0; c < CHUNK; c++) {
            if (from + c < n && program.dependsOn(operandSlot, from + c)) {
                t[dst + c] += d * t[src + c];
            }
        }
    }

    /**
     * Writes ∂output_k/∂x_j for the chunk's variables into {@code out[offset + j - q·C]}: the lane when
     * the output depends on x_j, else +0.
     */
    void readChunk(int q, int k, double[] t, double[] out, int offset) {
        int from = q * CHUNK;
        int width = Math.min(n, from + CHUNK) - from;
        int reg = outRegister[q * m + k];
        long mask = outMask[q * m + k];
        if (reg < 0 || mask == 0) {
            for (int c = 0; c < width; c++) {
                out[offset + c] = 0.0;
            }
            return;
        }
        for (int c = 0; c < width; c++) {
            // + 0.0 turns −0 into +0: a zero's sign depends on which structural zeros were added on the
            // way, which the generated code (GradientCompiler) does not add; so both engines agree bit for bit
            out[offset + c] = (mask >>> c & 1L) != 0 ? t[reg + c] + 0.0 : 0.0;
        }
    }

    /** The number of entries (slots) in the sub-tape of chunk q. */
    int entries(int q) {
        int[] p = stream[q];
        int count = 0;
        for (int i = 0; i < p.length; count++) {
            i += switch (p[i]) {
                case SEED -> 3;
                case LEFT, RIGHT -> 5;
                case BOTH -> 7;
                default -> 3 + p[i + 2];
            };
        }
        return count;
    }

    /** Whether output k depends on a variable of chunk q. */
    boolean touches(int q, int k) {
        return outMask[q * m + k] != 0;
    }

    // ------------------------------------------------------------------------------------------------
    // JVP pass

    /**
     * Values and one directional tangent in one pass: {@code t[s]} is the derivative of slot s along
     * {@code dir}, {@code act[s]} whether s depends on a variable with a non-zero direction component
     * (inactive slots contribute nothing, even where their local partial is NaN).
     */
    void jvp(double[] point, double[] dir, double[] v, double[] dl, double[] dr, double[] t, boolean[] act) {
        for (int j = 0; j < n; j++) {
            v[j] = point[j];
            t[j] = dir[j];
            act[j] = dir[j] != 0.0;
        }
        final int[] instr = instructions;
        final int[] st = start;
        final int[] opd = operands;
        for (int i = 0; i < instr.length; i++) {
            int s = instr[i];
            int k = st[s];
            linearizeOne(s, v, dl, dr);
            if (code[s] == ADD) {
                boolean on = false;
                double ts = 0.0;
                for (int j = k, end = st[s + 1]; j < end; j++) {
                    int a = opd[j];
                    if (act[a]) {
                        ts = on ? ts + t[a] : t[a];
                        on = true;
                    }
                }
                t[s] = ts;
                act[s] = on;
            } else {
                int a = opd[k];
                boolean aa = act[a];
                boolean ab = op[s].arity() == 2 && act[opd[k + 1]];
                if (aa && ab) {
                    t[s] = dl[s] * t[a] + dr[s] * t[opd[k + 1]];
                } else if (aa) {
                    t[s] = dl[s] * t[a];
                } else if (ab) {
                    t[s] = dr[s] * t[opd[k + 1]];
                } else {
                    t[s] = 0.0;
                }
                act[s] = aa || ab;
            }
        }
    }
}
