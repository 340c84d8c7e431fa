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
 * <p>Gradient (of a single-output formula), Jacobian, their batches and the Hessian switch to generated
 * code ({@link GradientCompiler}, {@link HessianCompiler}) as the system property
 * {@value #COMPILE_PROPERTY} says (see the package documentation): in mode {@code auto} on the
 * {@value #COMPILE_AFTER}-th call, when the code is within budget. A program that fits one generated
 * method runs with no per-thread state at all, so small formulas skip the thread-local lookup.
 *
 * <p>Immutable and thread-safe: the shared state (tape, plans, generated code) is never modified after
 * publication (plans are published through an {@link AtomicReferenceArray}; two threads racing to build
 * one both build the same plan; code is generated once, under the object's lock, and published through
 * volatile fields), and all mutable arrays are per thread.
 */
final class DualDerivatives implements Derivatives {

    private final DualProvider provider;
    private final Formula formula;
    private final Tape tape;
    private final int n;
    private final int m;
    private final ThreadLocal<Workspace> workspaces;
    private final AtomicReferenceArray<HessianPlan> hessianPlans;
    private final AtomicReferenceArray<CodeGenerator.Compiled> hessianCode;
    private final int[] hessianCalls;       // per output, counted racily until compiled
    private final String mode;
    private final Object compileLock = new Object();
    /** The generated first-order code, once compiled; null before (and forever when not compiled). */
    private volatile CodeGenerator.Compiled compiled;
    /** Whether the code is still to be compiled after {@link #COMPILE_AFTER} calls. */
    private volatile boolean compilePending;
    /** First-order calls so far, counted (racily: it only needs to pass a threshold) until compiled. */
    private int calls;

    /** The system property that selects the first-order engine: {@code auto}, {@code always} or {@code never}. */
    static final String COMPILE_PROPERTY = "partials.dual.compile";

    /**
     * In mode {@code auto}, the first-order calls served by the interpreter before the code is
     * generated: one-shot use never pays for the class generation (about a millisecond for a small
     * formula, more for the first one in a JVM), repeated use does within microseconds.
     */
    static final int COMPILE_AFTER = 100;

    /**
     * In mode {@code auto}, the largest {@link GradientCompiler#tangentOperations} compiled; beyond,
     * the interpreter's chunked loops are as fast and the generated code would only fill the
     * instruction cache (measured cross-over, see the package documentation).
     */
    static final long COMPILE_BUDGET = 40_000;

    /** In mode {@code auto}, the largest {@link HessianCompiler#statementsBound} compiled. */
    static final long HESSIAN_BUDGET = 60_000;

    /** Marks an output whose Hessian is not compiled. */
    private static final CodeGenerator.Compiled NOT_COMPILED = new CodeGenerator.Compiled(null, 0, 0, 0);

    DualDerivatives(DualProvider provider, Formula formula) {
        this.provider = provider;
        this.formula = formula;
        this.tape = new Tape(formula.program());
        this.n = tape.n;
        this.m = tape.m;
        Tape t = tape;
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(t));
        this.hessianPlans = new AtomicReferenceArray<>(m);
        this.hessianCode = new AtomicReferenceArray<>(m);
        this.hessianCalls = new int[m];
        this.mode = System.getProperty(COMPILE_PROPERTY, "auto");
        switch (mode) {
            case "always" -> this.compiled = GradientCompiler.compile(tape);
            case "never" -> {
            }
            default -> this.compilePending = GradientCompiler.tangentOperations(tape) <= COMPILE_BUDGET;
        }
    }

    /** The generated code, compiling it on the {@link #COMPILE_AFTER}-th call; null while interpreting. */
    private CodeGenerator.Compiled compiled() {
        return compiled(1);
    }

    /**
     * The generated code for a request of {@code points} evaluations (a batch counts each of its
     * points, so one large batch compiles at once rather than after a hundred batches); null while
     * interpreting.
     */
    private CodeGenerator.Compiled compiled(int points) {
        CodeGenerator.Compiled c = compiled;
        if (c != null || !compilePending) {
            return c;
        }
        calls = (int) Math.min(COMPILE_AFTER, (long) calls + points);
        if (calls < COMPILE_AFTER) {
            return null;
        }
        synchronized (compileLock) {
            if (compilePending) {
                compiled = generated(() -> GradientCompiler.compile(tape));
                compilePending = false;
            }
        }
        return compiled;
    }

    /**
     * Generated code, or null when generation fails: in mode {@code auto} the code is an optimisation
     * and the interpreters give the same numbers, so a failure to generate (a JVM that refuses hidden
     * classes, say) leaves them in charge. Mode {@code always} lets the failure through.
     */
    private static CodeGenerator.Compiled generated(java.util.function.Supplier<CodeGenerator.Compiled> generate) {
        try {
            return generate.get();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Whether first-order calls run generated code (for tests). */
    boolean isCompiled() {
        return compiled != null;
    }

    /** The state array of {@code c} for this thread, or null when it needs none. */
    private double[] state(CodeGenerator.Compiled c) {
        return c.stateSize() == 0 ? null : workspaces.get().state(c.stateSize());
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
        if (m == 1) {
            CodeGenerator.Compiled c = compiled();
            if (c != null) {
                c.code().run(point, out, null, state(c), null);
                return;
            }
        }
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
        CodeGenerator.Compiled c = compiled();
        if (c != null) {
            c.code().run(point, out, null, state(c), null);
            return;
        }
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
        CodeGenerator.Compiled c = hessianCode(output, plan);
        Workspace w = workspaces.get();
        if (c != null) {
            c.code().run(point, out, null, c.stateSize() == 0 ? null : w.state(c.stateSize()), w.second());
            return;
        }
        tape.linearize(point, w.v, w.dl, w.dr);
        plan.evaluate(tape, w.v, w.dl, w.dr, w.pool(plan.poolSize), w.second(), out);
    }

    /** The generated Hessian code of an output, compiled on a call after the first ones; null while interpreting. */
    private CodeGenerator.Compiled hessianCode(int output, HessianPlan plan) {
        CodeGenerator.Compiled c = hessianCode.get(output);
        if (c != null) {
            return c == NOT_COMPILED ? null : c;
        }
        boolean now = switch (mode) {
            case "always" -> true;
            case "never" -> false;
            default -> ++hessianCalls[output] >= COMPILE_AFTER;
        };
        if (mode.equals("never") || now && !mode.equals("always")
                && HessianCompiler.statementsBound(plan) > HESSIAN_BUDGET) {
            hessianCode.compareAndSet(output, null, NOT_COMPILED);
            return null;
        }
        if (!now) {
            return null;
        }
        synchronized (compileLock) {
            c = hessianCode.get(output);
            if (c == null) {
                c = mode.equals("always") ? HessianCompiler.compile(tape, plan, output)
                        : generated(() -> HessianCompiler.compile(tape, plan, output));
                hessianCode.set(output, c == null ? NOT_COMPILED : c);
            }
        }
        return c == NOT_COMPILED ? null : c;
    }

    /** Whether the Hessian of an output runs generated code (for tests). */
    boolean isHessianCompiled(int output) {
        CodeGenerator.Compiled c = hessianCode.get(output);
        return c != null && c != NOT_COMPILED;
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
    // Batches: block by block (Workspace#block points), each point through the single-point code

    /*
     * A batch is columns, points[j][p]; the per-point code wants a point's coordinates in one array.
     * Gathering one point at a time from n columns and scattering its n results touched 2n + 1 arrays
     * per point, and the streams defeated the caches (rosenbrock-10: 84 ns a point against 17 ns a
     * single-point call). So each block of Workspace#block points is copied in column by column into
     * per-point arrays of the workspace, run point by point through the same code as the
     * single-point methods (so the same bits), and its results copied out column by column.
     *
     * Errors are those of the point-at-a-time loop, with the same outputs written when they leave:
     * Checks.batch checks every point before the first block (nothing written on a bad point); a JVP
     * direction is checked when its point's turn comes, after the points before it are written out.
     */

    @Override
    public void valuesBatch(double[][] points, double[][] values) {
        int count = Checks.batch(formula, points);
        Checks.batchOut("values", values, m, count);
        Workspace w = workspaces.get();
        double[][] x = w.blockPoints();
        double[][] v = w.blockValues();
        for (int start = 0; start < count; start += w.block) {
            int size = Math.min(w.block, count - start);
            gather(points, start, size, x);
            for (int i = 0; i < size; i++) {
                tape.values(x[i], w.v);
                outputValues(w, v[i]);
            }
            scatter(v, m, start, size, values);
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
        CodeGenerator.Compiled c = m == 1 ? compiled(count) : null;
        double[] state = c == null ? null : state(c);
        double[][] x = w.blockPoints();
        double[][] g = w.blockResults(n);
        double[] value = w.blockValues()[0];
        int out0 = tape.outputs[0];
        for (int start = 0; start < count; start += w.block) {
            int size = Math.min(w.block, count - start);
            gather(points, start, size, x);
            if (c != null) {
                GeneratedCode code = c.code();
                for (int i = 0; i < size; i++) {
                    code.run(x[i], g[i], value, state, null);
                    if (values != null) {
                        values[start + i] = value[0];
                    }
                }
            } else {
                for (int i = 0; i < size; i++) {
                    gradientPasses(0, x[i], w, g[i]);
                    if (values != null) {
                        values[start + i] = w.v[out0];
                    }
                }
            }
            scatter(g, n, start, size, gradients);
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
        CodeGenerator.Compiled c = compiled(count);
        double[] state = c == null ? null : state(c);
        double[][] x = w.blockPoints();
        double[][] jac = w.blockResults(m * n);
        double[][] v = w.blockValues();
        for (int start = 0; start < count; start += w.block) {
            int size = Math.min(w.block, count - start);
            gather(points, start, size, x);
            if (c != null) {
                GeneratedCode code = c.code();
                for (int i = 0; i < size; i++) {
                    code.run(x[i], jac[i], v[i], state, null);
                }
            } else {
                for (int i = 0; i < size; i++) {
                    jacobianPasses(x[i], w, jac[i]);
                    outputValues(w, v[i]);
                }
            }
            scatter(jac, m * n, start, size, jacobians);
            if (values != null) {
                scatter(v, m, start, size, values);
            }
        }
    }

    @Override
    public void jvpBatch(double[][] points, double[][] directions, double[][] out) {
        int count = Checks.batch(formula, points);
        Checks.batchOut("directions", directions, n, count);
        Checks.batchOut("JVPs", out, m, count);
        Workspace w = workspaces.get();
        double[][] x = w.blockPoints();
        double[][] dx = w.blockDirections();
        double[][] r = w.blockValues();
        for (int start = 0; start < count; start += w.block) {
            int size = Math.min(w.block, count - start);
            gather(points, start, size, x);
            gather(directions, start, size, dx);
            for (int i = 0; i < size; i++) {
                if (!finite(dx[i])) {
                    scatter(r, m, start, i, out); // the points before it, then the direction's error
                    Checks.direction(formula, dx[i]);
                }
                tape.jvp(x[i], dx[i], w.v, w.dl, w.dr, w.jt, w.act);
                for (int k = 0; k < m; k++) {
                    int o = tape.outputs[k];
                    r[i][k] = w.act[o] ? w.jt[o] : 0.0;
                }
            }
            scatter(r, m, start, size, out);
        }
    }

    /** The outputs' values from the last pass's slot values, into {@code out}. */
    private void outputValues(Workspace w, double[] out) {
        for (int k = 0; k < m; k++) {
            out[k] = w.v[tape.outputs[k]];
        }
    }

    private static boolean finite(double[] vector) {
        for (double d : vector) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /*
     * The copies go four columns at a time (then two, then one): one load of a per-point array (and one
     * range check) serves four entries, which brings them close to the speed of System.arraycopy on
     * the same columns.
     */

    /** Points {@code start} to {@code start + size} of the columns, into {@code rows[0..size)}, column by column. */
    private static void gather(double[][] columns, int start, int size, double[][] rows) {
        int width = columns.length;
        int j = 0;
        for (; j + 4 <= width; j += 4) {
            double[] c0 = columns[j];
            double[] c1 = columns[j + 1];
            double[] c2 = columns[j + 2];
            double[] c3 = columns[j + 3];
            for (int i = 0; i < size; i++) {
                double[] row = rows[i];
                int p = start + i;
                row[j] = c0[p];
                row[j + 1] = c1[p];
                row[j + 2] = c2[p];
                row[j + 3] = c3[p];
            }
        }
        if (j + 2 <= width) {
            double[] c0 = columns[j];
            double[] c1 = columns[j + 1];
            for (int i = 0; i < size; i++) {
                double[] row = rows[i];
                int p = start + i;
                row[j] = c0[p];
                row[j + 1] = c1[p];
            }
            j += 2;
        }
        if (j < width) {
            double[] column = columns[j];
            for (int i = 0; i < size; i++) {
                rows[i][j] = column[start + i];
            }
        }
    }

    /** The first {@code width} entries of {@code rows[0..size)}, into the columns at {@code start}, column by column. */
    private static void scatter(double[][] rows, int width, int start, int size, double[][] columns) {
        int r = 0;
        for (; r + 4 <= width; r += 4) {
            double[] c0 = columns[r];
            double[] c1 = columns[r + 1];
            double[] c2 = columns[r + 2];
            double[] c3 = columns[r + 3];
            for (int i = 0; i < size; i++) {
                double[] row = rows[i];
                int p = start + i;
                c0[p] = row[r];
                c1[p] = row[r + 1];
                c2[p] = row[r + 2];
                c3[p] = row[r + 3];
            }
        }
        if (r + 2 <= width) {
            double[] c0 = columns[r];
            double[] c1 = columns[r + 1];
            for (int i = 0; i < size; i++) {
                double[] row = rows[i];
                int p = start + i;
                c0[p] = row[r];
                c1[p] = row[r + 1];
            }
            r += 2;
        }
        if (r < width) {
            double[] column = columns[r];
            for (int i = 0; i < size; i++) {
                column[start + i] = rows[i][r];
            }
        }
    }

    @Override
    public String toString() {
        return "dual derivatives of " + formula;
    }
}
