package dev.partials.numeric.internal;

import dev.partials.Op;
import dev.partials.spi.Program;

/**
 * A {@link Program} flattened into arrays for re-execution of a subset of its slots: after a full
 * evaluation at a point (with {@link Program#evaluate(double[], double[], double[])}), a perturbation
 * of a few inputs needs only the slots that depend on them, in program order.
 *
 * <p>{@link #run} executes slot by slot exactly as the reference interpreter does (same {@link Op}
 * functions, n-ary sums left to right), so re-executing every slot at the unperturbed point
 * reproduces the base values bit for bit. Immutable and thread-safe; callers own the arrays.
 */
final class Tape {

    private static final Op[] OPS = Op.values();
    private static final int ADD = Op.ADD.ordinal();

    final Program program;
    final int variables;
    final int size;
    private final int[] code;       // op ordinal, or -1 for inputs and constants
    private final int[] start;      // operand ranges, start[size] = operands.length
    private final int[] operands;

    Tape(Program program) {
        this.program = program;
        this.variables = program.variableCount();
        this.size = program.size();
        this.code = new int[size];
        this.start = new int[size + 1];
        int total = 0;
        for (int s = 0; s < size; s++) {
            total += program.operandCount(s);
        }
        this.operands = new int[total];
        int k = 0;
        for (int s = 0; s < size; s++) {
            Op op = program.op(s);
            code[s] = op == null ? -1 : op.ordinal();
            start[s] = k;
            for (int i = 0; i < program.operandCount(s); i++) {
                operands[k++] = program.operand(s, i);
            }
        }
        start[size] = k;
    }

    /** The op of an instruction slot, or null. */
    Op op(int slot) {
        int c = code[slot];
        return c < 0 ? null : OPS[c];
    }

    int operandCount(int slot) {
        return start[slot + 1] - start[slot];
    }

    int operand(int slot, int k) {
        return operands[start[slot] + k];
    }

    /**
     * Writes into {@code list} the instruction slots that depend on a variable flagged in
     * {@code mark} (inputs {@code 0..n-1} flagged by the caller), in program order, flagging them in
     * {@code mark} too; returns their number. The caller clears {@code mark} afterwards with
     * {@link #clear}.
     */
    int affected(boolean[] mark, int[] list) {
        int count = 0;
        for (int s = variables; s < size; s++) {
            if (code[s] < 0) {
                continue;
            }
            for (int i = start[s], end = start[s + 1]; i < end; i++) {
                if (mark[operands[i]]) {
                    mark[s] = true;
                    list[count++] = s;
                    break;
                }
            }
        }
        return count;
    }

    /** Clears the marks of the listed slots and of every input. */
    void clear(boolean[] mark, int[] list, int count) {
        for (int i = 0; i < count; i++) {
            mark[list[i]] = false;
        }
        for (int j = 0; j < variables; j++) {
            mark[j] = false;
        }
    }

    /** Re-executes the listed slots in {@code work}, in order. */
    void run(int[] list, int count, double[] work) {
        for (int i = 0; i < count; i++) {
            int s = list[i];
            work[s] = execute(s, work);
        }
    }

    /**
     * A first-order estimate of the rounding error of every listed slot's value in {@code values} (a
     * full evaluation), given the errors of their operands in {@code error} (0 for slots not listed:
     * they take the same value at every stencil point, so their errors do not reach a difference
     * quotient). Each operation contributes its operands' errors propagated with the absolute local
     * derivatives, and its own rounding: half an ulp of its value (correctly rounded arithmetic and
     * {@code sqrt}; {@link Math}'s library functions are within one ulp and in practice close to half),
     * one ulp for the composites {@code sigmoid} and {@code softplus}, half an ulp of each partial sum
     * of an n-ary sum. The contributions are combined in quadrature, as independent roundings add up
     * (the probabilistic model of N. J. Higham and T. Mary, SIAM J. Sci. Comput. 41 (2019) A2815): a
     * worst-case sum over a long chain of additions (a Rosenbrock sum) overstates the error of f many
     * times, while a single rounding amplified by a steep function ({@code tan} near a pole, a
     * cancellation) is kept in full. A non-finite local derivative (a kink, an edge of the domain)
     * propagates nothing.
     */
    void errorBounds(int[] list, int count, double[] values, double[] error) {
        for (int i = 0; i < count; i++) {
            int s = list[i];
            int from = start[s];
            int c = code[s];
            double v = values[s];
            double e2;
            if (c == ADD) {
                double sum = values[operands[from]];
                e2 = square(error[operands[from]]);
                for (int k = from + 1, end = start[s + 1]; k < end; k++) {
                    sum += values[operands[k]];
                    e2 += square(error[operands[k]]) + square(HALF_EPS * sum);
                }
            } else {
                Op op = OPS[c];
                double a = values[operands[from]];
                if (op.arity() == 1) {
                    e2 = square(propagate(op.derivative(a, v), error[operands[from]]));
                } else {
                    double b = values[operands[from + 1]];
                    e2 = square(propagate(op.partialLeft(a, b, v), error[operands[from]]))
                            + square(propagate(op.partialRight(a, b, v), error[operands[from + 1]]));
                }
                e2 += square(ulps(op) * Steps.EPS * v);
            }
            double e = Math.sqrt(e2);
            error[s] = Double.isFinite(e) ? e : 0.0;
        }
    }

    private static final double HALF_EPS = Steps.EPS / 2;

    private static double square(double a) {
        return a * a;
    }

    private static double propagate(double derivative, double error) {
        return error == 0 || !Double.isFinite(derivative) ? 0.0 : Math.abs(derivative) * error;
    }

    /** The rounding of an operation in units of ε (one ulp of its value). */
    private static double ulps(Op op) {
        return switch (op) {
            case NEGATE, ABS, MIN, MAX, RELU -> 0.0;
            case SIGMOID, SOFTPLUS -> 1.0;
            default -> 0.5;
        };
    }

    private double execute(int s, double[] work) {
        int c = code[s];
        int from = start[s];
        if (c == ADD) {
            double sum = work[operands[from]];
            for (int i = from + 1, end = start[s + 1]; i < end; i++) {
                sum += work[operands[i]];
            }
            return sum;
        }
        Op op = OPS[c];
        return op.arity() == 1
                ? op.apply(work[operands[from]])
                : op.apply(work[operands[from]], work[operands[from + 1]]);
    }
}
