package dev.partials.simd;

import dev.partials.Op;
import dev.partials.spi.Program;

/**
 * The {@link Program} of a formula recast for block execution: one kernel code per slot, flat operand
 * arrays, and for every operand the <em>local partial</em> the chain rule multiplies its tangent by.
 *
 * <p>The workspace of a block is a flat {@code double[]} of rows of {@code B} lanes (one lane per
 * point): row {@code s} holds slot {@code s}, rows {@code size() ...} hold the local partials that the
 * value pass stores ({@link #pl}, {@link #pr}), then a row of ones and one of minus ones; the
 * tangent rows follow ({@link TangentPlan}). A local partial that is already a value row
 * is not stored again: ∂(a·b)/∂a is row b, ∂exp(a)/∂a is the row of exp(a) itself. The partials of
 * the linear operations (+, −, negation) are ±1 and are applied as signs, not multiplications.
 *
 * <p>For {@code x^2 + 3*x*y} (program in {@link Program}'s documentation): row 3 = {@code pow(s0, 2)}
 * is {@link #POW_SQUARE} with one stored partial row (2·x); row 5 = {@code s4 * s0} refers to row 4
 * (the constant 3) as ∂/∂s0; row 7 = {@code s3 + s6} has signs +1, +1.
 */
final class Layout {

    // Kernel codes. Inputs and constants have no kernel.
    static final int INPUT = -1;
    static final int CONSTANT = -2;
    static final int ADD2 = 0;
    static final int ADDN = 1;
    static final int SUB = 2;
    static final int NEG = 3;
    static final int MUL = 4;
    static final int DIV = 5;
    static final int POW = 6;
    static final int POW_SQUARE = 7;
    static final int POW_CONST = 8;
    static final int ATAN2 = 9;
    static final int MIN = 10;
    static final int MAX = 11;
    static final int SIN = 12;
    static final int COS = 13;
    static final int TAN = 14;
    static final int ASIN = 15;
    static final int ACOS = 16;
    static final int ATAN = 17;
    static final int SINH = 18;
    static final int COSH = 19;
    static final int TANH = 20;
    static final int EXP = 21;
    static final int LOG = 22;
    static final int SQRT = 23;
    static final int ABS = 24;
    static final int SIGMOID = 25;
    static final int RELU = 26;
    static final int SOFTPLUS = 27;
    /** Lane by lane with the scalar {@link Op} functions (an operation without a lane-wise kernel). */
    static final int SCALAR = 28;

    /** The partial reference of an operand that depends on no variable (never used). */
    static final int NONE = Integer.MIN_VALUE;

    final Program program;
    final int n;
    final int m;
    final int size;
    final int[] code;
    final Op[] ops;
    final int[] argStart;
    final int[] args;
    /**
     * Aligned with {@link #args}: for a linear slot the sign (+1 or −1) of the operand's tangent; for
     * any other slot the value-workspace row holding ∂slot/∂operand; {@link #NONE} for operands that
     * depend on no variable.
     */
    final int[] pref;
    final boolean[] linear;
    /** Per slot: the row where the value pass stores ∂/∂(first operand), or −1. */
    final int[] pl;
    /** Per slot: the row where the value pass stores ∂/∂(second operand), or −1. */
    final int[] pr;
    /** Per slot: the exponent of {@link #POW_CONST}. */
    final double[] exponent;
    /** Per slot: the variables it depends on, sorted. */
    final int[][] deps;
    /** A constant row of 1 and one of −1: the tangents ∂x_j/∂x_j and ∂(−x_j)/∂x_j, shared by every pass. */
    final int ones;
    final int minusOnes;
    final int valueRows;
    final int maxOperands;

    /**
     * @param scalarOnly run every non-linear operation through {@link #SCALAR} (for tests: the scalar
     *                   path must agree with the lane-wise kernels)
     */
    Layout(Program program, boolean scalarOnly) {
        this.program = program;
        this.n = program.variableCount();
        this.m = program.outputCount();
        this.size = program.size();
        this.code = new int[size];
        this.ops = new Op[size];
        this.argStart = new int[size + 1];
        this.linear = new boolean[size];
        this.pl = new int[size];
        this.pr = new int[size];
        this.exponent = new double[size];
        this.deps = new int[size][];
        int total = 0;
        int most = 0;
        for (int s = 0; s < size; s++) {
            argStart[s] = total;
            total += program.operandCount(s);
            most = Math.max(most, program.operandCount(s));
            deps[s] = program.dependencies(s);
        }
        argStart[size] = total;
        this.maxOperands = Math.max(most, 1);
        this.args = new int[total];
        this.pref = new int[total];
        int rows = size;
        for (int s = 0; s < size; s++) {
            pl[s] = -1;
            pr[s] = -1;
            exponent[s] = Double.NaN;
            if (program.isInput(s)) {
                code[s] = INPUT;
                continue;
            }
            if (program.isConstant(s)) {
                code[s] = CONSTANT;
                continue;
            }
            Op op = program.op(s);
            ops[s] = op;
            int start = argStart[s];
            int count = program.operandCount(s);
            for (int k = 0; k < count; k++) {
                args[start + k] = program.operand(s, k);
            }
            int c = scalarOnly && op != Op.ADD && op != Op.SUBTRACT && op != Op.NEGATE ? SCALAR : kernel(op, s, count);
            code[s] = c;
            linear[s] = c == ADD2 || c == ADDN || c == SUB || c == NEG;
            for (int k = 0; k < count; k++) {
                int o = args[start + k];
                if (deps[o].length == 0) {
                    pref[start + k] = NONE;
                } else if (linear[s]) {
                    pref[start + k] = (c == SUB && k == 1) || c == NEG ? -1 : 1;
                } else if (c == MUL) {
                    pref[start + k] = args[start + 1 - k];
                } else if (c == EXP) {
                    pref[start + k] = s;
                } else if (k == 0) {
                    pl[s] = rows;
                    pref[start + k] = rows++;
                } else {
                    pr[s] = rows;
                    pref[start + k] = rows++;
                }
            }
        }
        this.ones = rows++;
        this.minusOnes = rows++;
        this.valueRows = rows;
    }

    private int kernel(Op op, int s, int count) {
        return switch (op) {
            case ADD -> count == 2 ? ADD2 : ADDN;
            case SUBTRACT -> SUB;
            case NEGATE -> NEG;
            case MULTIPLY -> MUL;
            case DIVIDE -> DIV;
            case POWER -> power(s);
            case ATAN2 -> ATAN2;
            case MIN -> MIN;
            case MAX -> MAX;
            case SIN -> SIN;
            case COS -> COS;
            case TAN -> TAN;
            case ASIN -> ASIN;
            case ACOS -> ACOS;
            case ATAN -> ATAN;
            case SINH -> SINH;
            case COSH -> COSH;
            case TANH -> TANH;
            case EXP -> EXP;
            case LOG -> LOG;
            case SQRT -> SQRT;
            case ABS -> ABS;
            case SIGMOID -> SIGMOID;
            case RELU -> RELU;
            case SOFTPLUS -> SOFTPLUS;
            // An operation added to Op later runs lane by lane through its scalar functions until it
            // gets a kernel: correct at once, never silently wrong.
            default -> SCALAR;
        };
    }

    /** {@code x^c} with a finite constant c has kernels of its own ({@code x^2} is {@code x*x}, as in {@link Op#pow}). */
    private int power(int s) {
        int e = program.operand(s, 1);
        if (program.isConstant(e) && Double.isFinite(program.constant(e))) {
            double c = program.constant(e);
            exponent[s] = c;
            return c == 2.0 ? POW_SQUARE : POW_CONST;
        }
        return POW;
    }

    boolean isInstruction(int s) {
        return code[s] >= 0;
    }

    /** The slots needed to compute the given outputs. */
    boolean[] live(int[] outputs) {
        boolean[] live = new boolean[size];
        for (int k : outputs) {
            live[program.outputSlot(k)] = true;
        }
        for (int s = size - 1; s >= 0; s--) {
            if (live[s] && isInstruction(s)) {
                for (int i = argStart[s]; i < argStart[s + 1]; i++) {
                    live[args[i]] = true;
                }
            }
        }
        return live;
    }
}
