package dev.partials.simd;

import dev.partials.Formula;
import dev.partials.Op;
import dev.partials.spi.Program;

/**
 * The reference {@code simd} is checked against, one point at a time: values from the {@link Program}
 * reference interpreter, partials from a plain scalar forward mode over the program with the rules of
 * {@link Op} ({@code derivative}, {@code partialLeft}, {@code partialRight}; a unary partial is NaN where
 * the value is NaN, DESIGN.md's "outside a domain" rule), one variable per pass,
 * skipping operands that do not structurally depend on the variable.
 *
 * <p>Alongside, the conditioning of every result: for a value, the magnitude of the linearised
 * computation ({@code |v| + Σ|∂_k|·C(operand_k)}); for a partial, that of the chain rule, where a local
 * partial carries the error of the values it is computed from
 * ({@code Σ_k |p_k|·C(t_k) + |t_k|·Σ_i |∂p_k/∂operand_i|·C(operand_i)}, plus {@code |t|}; the second
 * derivatives {@code ∂p_k/∂operand_i} by central differences). {@link #tolerance} turns it into the bound
 * {@code 2·D·u·C} of the error analysis of expression evaluation (Higham, <i>Accuracy and Stability of
 * Numerical Algorithms</i>, §3.1), D the number of rounded operations along a path, with the factor 2
 * for library functions within 1 ulp.
 */
final class Reference {

    static final double U = 0x1p-53;

    final double[] values;
    final double[][] jacobian;
    final double[] valueConditioning;
    final double[][] jacobianConditioning;
    final int depth;

    private Reference(double[] values, double[][] jacobian, double[] vc, double[][] jc, int depth) {
        this.values = values;
        this.jacobian = jacobian;
        this.valueConditioning = vc;
        this.jacobianConditioning = jc;
        this.depth = depth;
    }

    static Reference at(Formula formula, double... point) {
        Program p = formula.program();
        int size = p.size();
        int n = p.variableCount();
        int m = p.outputCount();
        double[] v = new double[size];
        double[] out = new double[m];
        p.evaluate(point, v, out);
        double[] vc = new double[size];
        int instructions = 0;
        for (int s = 0; s < size; s++) {
            if (p.isInput(s)) {
                vc[s] = Math.abs(v[s]);
                continue;
            }
            if (p.isConstant(s)) {
                continue; // the same bits everywhere: no error to propagate (and a NaN partial must not meet it)
            }
            instructions++;
            Op op = p.op(s);
            double c = op == Op.ADD || op == Op.SUBTRACT || op == Op.NEGATE ? 0 : Math.abs(v[s]);
            for (int k = 0; k < p.operandCount(s); k++) {
                double e = vc[p.operand(s, k)];
                if (e != 0) {
                    c += Math.abs(partial(p, v, s, k)) * e;
                }
            }
            vc[s] = c;
        }
        double[][] jac = new double[m][n];
        double[][] jc = new double[m][n];
        double[] t = new double[size];
        double[] tc = new double[size];
        for (int j = 0; j < n; j++) {
            for (int s = 0; s < size; s++) {
                t[s] = 0;
                tc[s] = 0;
                if (!p.dependsOn(s, j)) {
                    continue;
                }
                if (p.isInput(s)) {
                    t[s] = 1;
                    tc[s] = 1;
                    continue;
                }
                double acc = 0;
                double cond = 0;
                boolean first = true;
                for (int k = 0; k < p.operandCount(s); k++) {
                    int o = p.operand(s, k);
                    if (!p.dependsOn(o, j)) {
                        continue;
                    }
                    double d = partial(p, v, s, k);
                    double term = d * t[o];
                    acc = first ? term : acc + term;
                    first = false;
                    cond += Math.abs(d) * tc[o] + Math.abs(term) + Math.abs(t[o]) * partialError(p, v, vc, s, k);
                }
                t[s] = acc;
                tc[s] = cond;
            }
            for (int k = 0; k < m; k++) {
                jac[k][j] = t[p.outputSlot(k)];
                jc[k][j] = tc[p.outputSlot(k)];
            }
        }
        for (int k = 0; k < m; k++) {
            vc[k] = vc[p.outputSlot(k)];
        }
        return new Reference(out, jac, java.util.Arrays.copyOf(vc, m), jc, instructions + 2);
    }

    /** ∂ slot s / ∂ its operand k, by the rules of {@link Op}. */
    static double partial(Program p, double[] v, int s, int k) {
        Op op = p.op(s);
        if (op == Op.ADD) {
            return 1.0;
        }
        if (op.arity() == 1) {
            return Kernels.derivative(op, v[p.operand(s, 0)], v[s]);
        }
        double a = v[p.operand(s, 0)];
        double b = v[p.operand(s, 1)];
        return k == 0 ? op.partialLeft(a, b, v[s]) : op.partialRight(a, b, v[s]);
    }

    /**
     * How much the local partial {@code ∂s/∂operand_k} moves with the errors of the values it is computed
     * from: {@code Σ_i |∂(∂s/∂operand_k)/∂operand_i|·C(operand_i)}, by central differences.
     */
    static double partialError(Program p, double[] v, double[] vc, int s, int k) {
        Op op = p.op(s);
        if (op == Op.ADD || op == Op.SUBTRACT || op == Op.NEGATE) {
            return 0; // ±1
        }
        int count = p.operandCount(s);
        double[] args = new double[count];
        for (int i = 0; i < count; i++) {
            args[i] = v[p.operand(s, i)];
        }
        double error = 0;
        for (int i = 0; i < count; i++) {
            double c = vc[p.operand(s, i)];
            if (c == 0) {
                continue;
            }
            double h = 0x1p-20 * Math.max(Math.abs(args[i]), 0x1p-20);
            double[] up = args.clone();
            double[] down = args.clone();
            up[i] += h;
            down[i] -= h;
            double slope = (partialAt(op, k, up) - partialAt(op, k, down)) / (up[i] - down[i]);
            error += Double.isNaN(slope) ? 0 : Math.abs(slope) * c;
        }
        return error;
    }

    private static double partialAt(Op op, int k, double[] args) {
        if (op.arity() == 1) {
            return Kernels.derivative(op, args[0], op.apply(args[0]));
        }
        double value = op.apply(args[0], args[1]);
        return k == 0 ? op.partialLeft(args[0], args[1], value) : op.partialRight(args[0], args[1], value);
    }

    /** The JVP as {@code Derivatives.jvp} defines it: Σ J[k][j]·d_j over d_j ≠ 0, in order of j. */
    double jvp(int k, double[] direction) {
        double s = 0;
        for (int j = 0; j < direction.length; j++) {
            if (direction[j] != 0) {
                s += jacobian[k][j] * direction[j];
            }
        }
        return s;
    }

    double jvpConditioning(int k, double[] direction) {
        double c = 0;
        for (int j = 0; j < direction.length; j++) {
            c += (jacobianConditioning[k][j] + Math.abs(jacobian[k][j])) * Math.abs(direction[j]);
        }
        return c;
    }

    /** {@code 2·D·u·C}. */
    double tolerance(double conditioning) {
        return 2.0 * depth * U * conditioning;
    }

    /**
     * Whether the lane-wise math is Java's own ({@code -Djdk.incubator.vector.VectorMathLibrary=java}):
     * then every kernel computes exactly what {@link Op} computes, and results must be bitwise equal.
     */
    static boolean javaMath() {
        return "java".equals(System.getProperty("jdk.incubator.vector.VectorMathLibrary"));
    }

    /** Null when {@code actual} is close enough to {@code expected}, else a description. */
    static String compare(double expected, double actual, double tolerance, boolean bitwise) {
        if (Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)) {
            return null;
        }
        if (!bitwise && Double.isFinite(expected) && Double.isFinite(actual)
                && Math.abs(expected - actual) <= tolerance) {
            return null;
        }
        return "expected " + expected + " but got " + actual + (bitwise ? " (bitwise)" : " (tolerance " + tolerance + ")");
    }
}
