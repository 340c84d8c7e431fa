package dev.partials.numeric.internal;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.spi.Checks;
import dev.partials.spi.Program;

/**
 * The first derivatives of one formula by the complex step. Each request evaluates the formula once
 * in {@code double} with {@link Program#evaluate}; a pass then seeds {@code Im x_j = h·v_j} for the
 * variables of one direction and re-executes, in complex arithmetic ({@link ComplexEvaluator}), only
 * the slots that depend on them. ∂f/∂x_j is exactly 0 when f does not structurally depend on x_j.
 *
 * <p>Immutable and thread-safe: scratch arrays live in a per-thread {@link Workspace}.
 */
final class ComplexStepDerivatives implements Derivatives {

    private final ComplexStepProvider provider;
    private final Formula formula;
    private final Program program;
    private final Tape tape;
    private final int[] outputSlots;
    private final ThreadLocal<Workspace> workspaces;

    ComplexStepDerivatives(ComplexStepProvider provider, Formula formula) {
        this.provider = provider;
        this.formula = formula;
        this.program = formula.program();
        this.tape = new Tape(program);
        this.outputSlots = new int[program.outputCount()];
        for (int k = 0; k < outputSlots.length; k++) {
            outputSlots[k] = program.outputSlot(k);
        }
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(tape.size, outputSlots.length));
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public PartialDerivative provider() {
        return provider;
    }

    @Override
    public Capabilities capabilities() {
        return ComplexStepProvider.CAPABILITIES;
    }

    @Override
    public void values(double[] point, double[] out) {
        Checks.point(formula, point);
        Checks.length("values", out, outputSlots.length);
        program.evaluate(point, workspaces.get().base, out);
    }

    @Override
    public double partial(int output, MultiIndex index, double[] point) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.index(provider.id(), capabilities(), formula, index);
        Workspace ws = workspaces.get();
        program.evaluate(point, ws.base, ws.out);
        if (index.order() == 0) {
            return ws.out[output];
        }
        int j = index.firstVariable();
        if (!program.dependsOn(outputSlots[output], j)) {
            return 0.0;
        }
        ws.direction[j] = 1.0;
        pass(ws, point, ws.direction, 1.0);
        ws.direction[j] = 0.0;
        return ws.out[output];
    }

    @Override
    public void gradient(int output, double[] point, double[] out) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        int n = formula.dimension();
        Checks.length("gradient", out, n);
        Workspace ws = workspaces.get();
        program.evaluate(point, ws.base, ws.out);
        int slot = outputSlots[output];
        for (int j = 0; j < n; j++) {
            if (!program.dependsOn(slot, j)) {
                out[j] = 0.0;
                continue;
            }
            ws.direction[j] = 1.0;
            pass(ws, point, ws.direction, 1.0);
            ws.direction[j] = 0.0;
            out[j] = ws.out[output];
        }
    }

    @Override
    public void jacobian(double[] point, double[] out) {
        Checks.point(formula, point);
        int m = outputSlots.length;
        int n = formula.dimension();
        Checks.length("Jacobian", out, m * n);
        Workspace ws = workspaces.get();
        program.evaluate(point, ws.base, ws.out);
        for (int j = 0; j < n; j++) {
            ws.direction[j] = 1.0;
            pass(ws, point, ws.direction, 1.0);
            ws.direction[j] = 0.0;
            for (int k = 0; k < m; k++) {
                out[k * n + j] = ws.out[k];
            }
        }
    }

    @Override
    public void jvp(double[] point, double[] direction, double[] out) {
        Checks.point(formula, point);
        Checks.direction(formula, direction);
        int m = outputSlots.length;
        Checks.length("JVP", out, m);
        Workspace ws = workspaces.get();
        program.evaluate(point, ws.base, ws.out);
        double scale = 0;
        for (double v : direction) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0) {
            java.util.Arrays.fill(out, 0, m, 0.0);
            return;
        }
        pass(ws, point, direction, scale);
        System.arraycopy(ws.out, 0, out, 0, m);
    }

    /**
     * One complex pass along {@code direction} (components that are 0 are not seeded), normalised by
     * {@code scale = max |direction_j|} so that seeds neither underflow nor overflow; writes
     * {@code J·direction} into {@code ws.out}. Requires {@code ws.base} evaluated at {@code x}.
     */
    private void pass(Workspace ws, double[] x, double[] direction, double scale) {
        int n = x.length;
        for (int j = 0; j < n; j++) {
            if (direction[j] != 0) {
                ws.mark[j] = true;
            }
        }
        int count = tape.affected(ws.mark, ws.list);
        try {
            double h = ComplexEvaluator.STEP;
            seed(ws, x, direction, scale, h);
            if (ComplexEvaluator.run(tape, ws.list, count, ws.mark, ws.base, ws.re, ws.im)) {
                h = ComplexEvaluator.RETRY_STEP;
                seed(ws, x, direction, scale, h);
                ComplexEvaluator.run(tape, ws.list, count, ws.mark, ws.base, ws.re, ws.im);
            }
            for (int k = 0; k < outputSlots.length; k++) {
                int s = outputSlots[k];
                ws.out[k] = ws.mark[s] ? ws.im[s] / h * scale : 0.0;
            }
        } finally {
            tape.clear(ws.mark, ws.list, count);
        }
    }

    private static void seed(Workspace ws, double[] x, double[] direction, double scale, double h) {
        for (int j = 0; j < x.length; j++) {
            if (direction[j] != 0) {
                ws.re[j] = x[j];
                ws.im[j] = h * (direction[j] / scale);
            }
        }
    }

    /** Per-thread scratch space. */
    private static final class Workspace {
        final double[] base;
        final double[] re;
        final double[] im;
        final boolean[] mark;
        final int[] list;
        final double[] out;
        final double[] direction;

        Workspace(int size, int m) {
            base = new double[size];
            re = new double[size];
            im = new double[size];
            mark = new boolean[size];
            list = new int[size];
            out = new double[m];
            direction = new double[size];
        }
    }
}
