package dev.partials.conformance;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.PartialDerivative;
import dev.partials.spi.Checks;
import dev.partials.spi.Program;

/**
 * A test-only approximate provider: Richardson-extrapolated central differences of order 1 and 2
 * with error estimates, to exercise the contract's approximate tolerances and
 * {@code errorEstimatesAreHonest}.
 *
 * <p>Error model: the extrapolated quotient {@code R(h) = (4·D(h) - D(2h))/3} has truncation error
 * {@code O(h^4)} and rounding error about {@code u·A/h^k} for order k, where A is the absolute
 * evaluation of f (every operation on absolute values) over the samples; the step balances the two,
 * {@code h ≈ u^(1/(4+k))·max(1, |x|)}, rounded to a power of two. The estimate is
 * {@code |R(h) - R(2h)|} (truncation) plus {@code 4·u·A/h^k} (rounding).
 * With {@code lying}, the estimate is divided by 10^4.
 */
final class CentralDifferenceProvider implements PartialDerivative {

    private static final double U = 0x1p-53;

    private final boolean lying;

    CentralDifferenceProvider(boolean lying) {
        this.lying = lying;
    }

    @Override
    public String id() {
        return lying ? "central-difference-lying" : "central-difference";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(false, 2, true, false, false, true);
    }

    @Override
    public Derivatives prepare(Formula formula) {
        Program program = formula.program();
        return new Derivatives() {
            @Override
            public Formula formula() {
                return formula;
            }

            @Override
            public PartialDerivative provider() {
                return CentralDifferenceProvider.this;
            }

            @Override
            public void values(double[] point, double[] out) {
                Checks.point(formula, point);
                Checks.length("values", out, formula.outputCount());
                double[] all = new double[formula.outputCount()];
                program.evaluate(point, new double[program.size()], all);
                System.arraycopy(all, 0, out, 0, all.length);
            }

            @Override
            public double partial(int output, MultiIndex index, double[] point) {
                return partialEstimate(output, index, point).value();
            }

            @Override
            public Estimate partialEstimate(int output, MultiIndex index, double[] point) {
                Checks.output(formula, output);
                Checks.point(formula, point);
                Checks.index(id(), capabilities(), formula, index);
                int slot = program.outputSlot(output);
                for (int v : index.variables()) {
                    if (!program.dependsOn(slot, v)) {
                        return new Estimate(0, 0); // structural zero
                    }
                }
                if (index.order() == 0) {
                    return new Estimate(values(point)[output], 0);
                }
                int[] vars = index.variables();
                int k = vars.length;
                double[] h = new double[point.length];
                for (int v : vars) {
                    double step = Math.pow(U, 1.0 / (4 + k)) * Math.max(1, Math.abs(point[v]));
                    h[v] = Math.scalb(1.0, Math.getExponent(step));
                }
                double[] a = new double[1];
                double d1 = quotient(output, vars, point, h, 1, a);
                double d2 = quotient(output, vars, point, h, 2, a);
                double d4 = quotient(output, vars, point, h, 4, a);
                double r1 = (4 * d1 - d2) / 3;
                double r2 = (4 * d2 - d4) / 3;
                double hk = 1;
                for (int v : vars) {
                    hk *= h[v];
                }
                double rounding = 4 * U * a[0] / hk;
                double error = Math.abs(r1 - r2) + rounding;
                return new Estimate(r1, lying ? error / 1e4 : error);
            }

            /** The central difference quotient of order 1 or 2 with steps {@code scale·h}; tracks the absolute evaluation. */
            private double quotient(int output, int[] vars, double[] point, double[] h, double scale, double[] absMax) {
                double sum = 0;
                double[] x = point.clone();
                if (vars.length == 1) {
                    int v = vars[0];
                    double s = scale * h[v];
                    sum = sample(output, x, v, s, absMax) - sample(output, x, v, -s, absMax);
                    return sum / (2 * s);
                }
                int i = vars[0];
                int j = vars[1];
                double si = scale * h[i];
                double sj = scale * h[j];
                if (i == j) {
                    double center = sample(output, x, i, 0, absMax);
                    sum = sample(output, x, i, si, absMax) - 2 * center + sample(output, x, i, -si, absMax);
                    return sum / (si * si);
                }
                for (int a = -1; a <= 1; a += 2) {
                    for (int b = -1; b <= 1; b += 2) {
                        x[i] = point[i] + a * si;
                        x[j] = point[j] + b * sj;
                        sum += a * b * evaluate(output, x, absMax);
                    }
                }
                return sum / (4 * si * sj);
            }

            private double sample(int output, double[] x, int v, double step, double[] absMax) {
                double keep = x[v];
                x[v] = keep + step;
                double f = evaluate(output, x, absMax);
                x[v] = keep;
                return f;
            }

            /** f_output at x, recording the largest absolute evaluation seen. */
            private double evaluate(int output, double[] x, double[] absMax) {
                double[] work = new double[program.size()];
                program.evaluate(x, work, new double[formula.outputCount()]);
                double[] abs = new double[program.size()];
                for (int s = 0; s < abs.length; s++) {
                    abs[s] = absolute(s, work, abs);
                }
                absMax[0] = Math.max(absMax[0], abs[program.outputSlot(output)]);
                return work[program.outputSlot(output)];
            }

            /** The value of slot s with every operation on absolute values (|value| for non-polynomial ops). */
            private double absolute(int s, double[] work, double[] abs) {
                if (!program.isInstruction(s)) {
                    return Math.abs(work[s]);
                }
                Op op = program.op(s);
                int a = program.operand(s, 0);
                return switch (op) {
                    case ADD -> {
                        double t = 0;
                        for (int i = 0; i < program.operandCount(s); i++) {
                            t += abs[program.operand(s, i)];
                        }
                        yield t;
                    }
                    case SUBTRACT -> abs[a] + abs[program.operand(s, 1)];
                    case MULTIPLY -> abs[a] * abs[program.operand(s, 1)];
                    case DIVIDE -> abs[a] / Math.abs(work[program.operand(s, 1)]);
                    case NEGATE -> abs[a];
                    case POWER -> program.isConstant(program.operand(s, 1))
                            ? Math.pow(abs[a], work[program.operand(s, 1)]) : Math.abs(work[s]);
                    default -> Math.abs(work[s]);
                };
            }
        };
    }
}
