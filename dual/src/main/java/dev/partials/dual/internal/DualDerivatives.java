package dev.partials.dual.internal;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.spi.Checks;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The derivatives of one formula by forward mode: a {@link Tape} compiled once, per-thread
 * {@link Workspace}s, and per-output {@link HessianPlan}s built on first use.
 *
 * <ul>
 * <li>value, gradient, Jacobian: one {@link Tape#linearize} pass, then one {@link Tape#chunk} pass per
 *     chunk of {@link Tape#CHUNK} variables over that chunk's sub-tape; every output read from the same
 *     passes;</li>
 * <li>JVP: one fused pass with the direction as the tangent;</li>
 * <li>Hessian: {@link HessianPlan};</li>
 * <li>{@link #partial}: order 0 from the value pass, order 1 from one chunk pass (bit for bit the
 *     gradient's number), order ≥ 2 from a {@link JetPass}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: the shared state (tape, plans) is never modified after publication
 * (plans are published through an {@link AtomicReferenceArray}; two threads racing to build one both
 * build the same plan), and all mutable arrays are per thread.
 */
final class DualDerivatives implements Derivatives {

    private final DualProvider provider;
    private final Formula formula;
    private final Tape tape;
    private final int n;
    private final int m;
    private final ThreadLocal<Workspace> workspaces;
    private final AtomicReferenceArray<HessianPlan> hessianPlans;

    DualDerivatives(DualProvider provider, Formula formula) {
        this.provider = provider;
        this.formula = formula;
        this.tape = new Tape(formula.program());
        this.n = tape.n;
        this.m = tape.m;
        Tape t = tape;
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(t));
        this.hessianPlans = new AtomicReferenceArray<>(m);
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public PartialDerivative provider() {
        return provider;
    }

    // ------------------------------------------------------------------------------------------------
    // Values

    @Override
    public void values(double[] point, double[] out) {
        Checks.point(formula, point);
        Checks.length("values", out, m);
        Workspace w = workspaces.get();
        tape.values(point, w.v);
        for (int k = 0; k < m; k++) {
            out[k] = w.v[tape.outputs[k]];
        }
    }

    @Override
    public double value(double... point) {
        Checks.point(formula, point);
        Workspace w = workspaces.get();
        tape.values(point, w.v);
        return w.v[tape.outputs[0]];
    }

    // ------------------------------------------------------------------------------------------------
    // Partials of any order

    @Override
    public double partial(int output, MultiIndex index, double[] point) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.index(provider.id(), provider.capabilities(), formula, index);
        Workspace w = workspaces.get();
        int order = index.order();
        if (order == 0) {
            tape.values(point, w.v);
            return w.v[tape.outputs[output]];
        }
        if (order == 1) {
            int j = index.firstVariable();
            int q = j / Tape.CHUNK;
            if (!tape.touches(q, output)) {
                return 0.0;
            }
            tape.linearize(point, w.v, w.dl, w.dr);
            tape.chunk(q, w.dl, w.dr, w.t);
            tape.readChunk(q, output, w.t, w.row, 0);
            return w.row[j - q * Tape.CHUNK];
        }
        tape.values(point, w.v);
        return w.jetPass().partial(output, index.counts(), point, w.v);
    }

    // ------------------------------------------------------------------------------------------------
    // First order

    @Override
    public void gradient(double[] point, double[] out) {
        gradient(0, point, out);
    }

    @Override
    public void gradient(int output, double[] point, double[] out) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.length("gradient", out, n);
        Workspace w = workspaces.get();
        gradientPasses(output, point, w, out);
    }

    /** Values and the gradient of {@code output} at {@code point}, into {@code w.v} and {@code out}. */
    private void gradientPasses(int output, double[] point, Workspace w, double[] out) {
        tape.linearize(point, w.v, w.dl, w.dr);
        for (int q = 0; q < tape.chunkCount; q++) {
            if (tape.touches(q, output)) {
                tape.chunk(q, w.dl, w.dr, w.t);
            }
            tape.readChunk(q, output, w.t, out, q * Tape.CHUNK);
        }
    }

    @Override
    public void jacobian(double[] point, double[] out) {
        Checks.point(formula, point);
        Checks.length("Jacobian", out, (long) m * n);
        Workspace w = workspaces.get();
        jacobianPasses(point, w, out);
    }

    /** Values and the Jacobian at {@code point}, into {@code w.v} and {@code out}. */
    private void jacobianPasses(double[] point, Workspace w, double[] out) {
        tape.linearize(point, w.v, w.dl, w.dr);
        for (int q = 0; q < tape.chunkCount; q++) {
            tape.chunk(q, w.dl, w.dr, w.t);
            for (int k = 0; k < m; k++) {
                tape.readChunk(q, k, w.t, out, k * n + q * Tape.CHUNK);
            }
        }
    }

    @Override
    public void jvp(double[] point, double[] direction, double[] out) {
        Checks.point(formula, point);
        Checks.direction(formula, direction);
        Checks.length("JVP", out, m);
        Workspace w = workspaces.get();
        tape.jvp(point, direction, w.v, w.dl, w.dr, w.jt, w.act);
        for (int k = 0; k < m; k++) {
            int o = tape.outputs[k];
            out[k] = w.act[o] ? w.jt[o] : 0.0;
        }
    }

    @Override
    public double directional(double[] point, double[] direction) {
        Checks.point(formula, point);
        Checks.direction(formula, direction);
        Workspace w = workspaces.get();
        tape.jvp(point, direction, w.v, w.dl, w.dr, w.jt, w.act);
        int o = tape.outputs[0];
        return w.act[o] ? w.jt[o] : 0.0;
    }

    // ------------------------------------------------------------------------------------------------
    // Second order

    @Override
    public void hessian(double[] point, double[] out) {
        hessian(0, point, out);
    }

    @Override
    public void hessian(int output, double[] point, double[] out) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.order(provider.id(), provider.capabilities(), 2);
        Checks.length("Hessian", out, (long) n * n);
        HessianPlan plan = hessianPlan(output);
        Workspace w = workspaces.get();
        tape.linearize(point, w.v, w.dl, w.dr);
        plan.evaluate(tape, w.v, w.dl, w.dr, w.pool(plan.poolSize), w.second(), out);
    }

    private HessianPlan hessianPlan(int output) {
        HessianPlan plan = hessianPlans.get(output);
        if (plan == null) {
            plan = new HessianPlan(tape, output);
            if (!hessianPlans.compareAndSet(output, null, plan)) {
                plan = hessianPlans.get(output);
            }
        }
        return plan;
    }

    // ------------------------------------------------------------------------------------------------
    // Batches: one point at a time through the same workspace

    @Override
    public void valuesBatch(double[][] points, double[][] values) {
        int count = Checks.batch(formula, points);
        Checks.batchOut("values", values, m, count);
        Workspace w = workspaces.get();
        for (int p = 0; p < count; p++) {
            gather(points, p, w.point);
            tape.values(w.point, w.v);
            for (int k = 0; k < m; k++) {
                values[k][p] = w.v[tape.outputs[k]];
            }
        }
    }

    @Override
    public void gradientBatch(double[][] points, double[] values, double[][] gradients) {
        int count = Checks.batch(formula, points);
        Checks.batchOut("gradients", gradients, n, count);
        if (values != null) {
            Checks.length("values", values, count);
        }
        Workspace w = workspaces.get();
        int out0 = tape.outputs[0];
        for (int p = 0; p < count; p++) {
            gather(points, p, w.point);
            gradientPasses(0, w.point, w, w.row);
            for (int j = 0; j < n; j++) {
                gradients[j][p] = w.row[j];
            }
            if (values != null) {
                values[p] = w.v[out0];
            }
        }
    }

    @Override
    public void jacobianBatch(double[][] points, double[][] values, double[][] jacobians) {
        int count = Checks.batch(formula, points);
        Checks.batchOut("Jacobians", jacobians, m * n, count);
        if (values != null) {
            Checks.batchOut("values", values, m, count);
        }
        Workspace w = workspaces.get();
        double[] jac = w.jacobian();
        for (int p = 0; p < count; p++) {
            gather(points, p, w.point);
            jacobianPasses(w.point, w, jac);
            for (int r = 0; r < m * n; r++) {
                jacobians[r][p] = jac[r];
            }
            if (values != null) {
                for (int k = 0; k < m; k++) {
                    values[k][p] = w.v[tape.outputs[k]];
                }
            }
        }
    }

    @Override
    public void jvpBatch(double[][] points, double[][] directions, double[][] out) {
        int count = Checks.batch(formula, points);
        Checks.batchOut("directions", directions, n, count);
        Checks.batchOut("JVPs", out, m, count);
        Workspace w = workspaces.get();
        for (int p = 0; p < count; p++) {
            gather(points, p, w.point);
            gather(directions, p, w.direction);
            Checks.direction(formula, w.direction);
            tape.jvp(w.point, w.direction, w.v, w.dl, w.dr, w.jt, w.act);
            for (int k = 0; k < m; k++) {
                int o = tape.outputs[k];
                out[k][p] = w.act[o] ? w.jt[o] : 0.0;
            }
        }
    }

    private static void gather(double[][] columns, int p, double[] point) {
        for (int j = 0; j < point.length; j++) {
            point[j] = columns[j][p];
        }
    }

    @Override
    public String toString() {
        return "dual derivatives of " + formula;
    }
}
