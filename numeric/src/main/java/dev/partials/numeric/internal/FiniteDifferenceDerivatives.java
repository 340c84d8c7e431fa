package dev.partials.numeric.internal;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.numeric.FiniteDifference;
import dev.partials.numeric.FiniteDifference.Bound;
import dev.partials.numeric.FiniteDifference.Method;
import dev.partials.spi.Checks;
import dev.partials.spi.Program;

/**
 * The derivatives of one formula by finite differences (see {@link FiniteDifference} for the method,
 * the step and the error estimate).
 *
 * <p>Each request evaluates the formula once at the point with {@link Program#evaluate}, then, per
 * stencil point, re-executes only the slots that depend on the perturbed variables ({@link Tape}). A
 * gradient or Jacobian shares that first evaluation; a Jacobian column shares its stencil evaluations
 * between outputs, each with its own tableau, so its entries equal the single partials bit for bit.
 *
 * <p>Immutable and thread-safe: the scratch arrays live in a per-thread {@link Workspace}.
 */
final class FiniteDifferenceDerivatives implements Derivatives {

    /** The highest total order served: beyond 4, double rounding leaves too few digits. */
    static final int MAX_ORDER = 4;

    /**
     * The rounding of the stencil sum {@code Σ W_i f_i} itself in units of ε: half an ulp of each
     * product {@code W_i f_i} (none when the weight is a power of two) and of each partial sum. The
     * rounding of the values f_i — the operations of the formula and the rounding of the point
     * {@code x + s·h} — is estimated per point through the tape ({@link Tape#errorBounds}) and added
     * to it: issue 8 showed that "half an ulp per value of f" is optimistic for nested expressions
     * ({@code tan(sinh x)} at 1.875, a third derivative off by 11.8 times its estimate).
     */
    static final double NOISE = 0.5;

    private static final Method[] ONE_SIDED = {Method.FORWARD, Method.BACKWARD};

    private static final Stencil[][][] STENCILS = new Stencil[Method.values().length][MAX_ORDER + 1][Stencil.MAX_ACCURACY + 1];

    private final FiniteDifferenceProvider provider;
    private final Formula formula;
    private final FiniteDifference.Options options;
    private final Program program;
    private final Tape tape;
    private final int[] outputSlots;
    private final Bound[] bounds;          // per variable; null when unbounded
    private final ThreadLocal<Workspace> workspaces;

    FiniteDifferenceDerivatives(FiniteDifferenceProvider provider, Formula formula, FiniteDifference.Options options) {
        this.provider = provider;
        this.formula = formula;
        this.options = options;
        this.program = formula.program();
        this.tape = new Tape(program);
        this.outputSlots = new int[program.outputCount()];
        for (int k = 0; k < outputSlots.length; k++) {
            outputSlots[k] = program.outputSlot(k);
        }
        this.bounds = new Bound[formula.dimension()];
        for (int j = 0; j < bounds.length; j++) {
            bounds[j] = options.bounds().get(formula.variables().get(j));
        }
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(tape.size, outputSlots.length));
        // Stencils of the configured accuracy are built on first use by any thread; build them now.
        for (Method m : Method.values()) {
            for (int k = 1; k <= MAX_ORDER; k++) {
                stencil(m, k, options.accuracy());
            }
        }
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
        return FiniteDifferenceProvider.CAPABILITIES;
    }

    @Override
    public void values(double[] point, double[] out) {
        Checks.point(formula, point);
        Checks.length("values", out, outputSlots.length);
        Workspace ws = workspaces.get();
        program.evaluate(point, ws.base, out);
    }

    @Override
    public double partial(int output, MultiIndex index, double[] point) {
        return estimate(output, index, point, false).value();
    }

    @Override
    public Estimate partialEstimate(int output, MultiIndex index, double[] point) {
        return estimate(output, index, point, true);
    }

    private Estimate estimate(int output, MultiIndex index, double[] point, boolean wantError) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.index(provider.id(), capabilities(), formula, index);
        Workspace ws = workspaces.get();
        evaluateBase(ws, point);
        if (index.order() == 0) {
            return new Estimate(ws.base[outputSlots[output]], 0.0);
        }
        int r = 0;
        for (int j = 0; j < index.dimension(); j++) {
            if (index.count(j) > 0) {
                ws.vars[r] = j;
                ws.counts[r] = index.count(j);
                r++;
            }
        }
        ws.outs[0] = output;
        compute(ws, point, r, 1, wantError);
        return new Estimate(ws.value[0], ws.error[0]);
    }

    @Override
    public void gradient(int output, double[] point, double[] out) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        int n = formula.dimension();
        Checks.length("gradient", out, n);
        Workspace ws = workspaces.get();
        evaluateBase(ws, point);
        for (int j = 0; j < n; j++) {
            ws.vars[0] = j;
            ws.counts[0] = 1;
            ws.outs[0] = output;
            compute(ws, point, 1, 1, false);
            out[j] = ws.value[0];
        }
    }

    @Override
    public Estimate[] gradientEstimate(double... point) {
        Checks.point(formula, point);
        int n = formula.dimension();
        Estimate[] out = new Estimate[n];
        Workspace ws = workspaces.get();
        evaluateBase(ws, point);
        for (int j = 0; j < n; j++) {
            ws.vars[0] = j;
            ws.counts[0] = 1;
            ws.outs[0] = 0;
            compute(ws, point, 1, 1, true);
            out[j] = new Estimate(ws.value[0], ws.error[0]);
        }
        return out;
    }

    @Override
    public void jacobian(double[] point, double[] out) {
        Checks.point(formula, point);
        int m = outputSlots.length;
        int n = formula.dimension();
        Checks.length("Jacobian", out, m * n);
        Workspace ws = workspaces.get();
        evaluateBase(ws, point);
        for (int j = 0; j < n; j++) {
            ws.vars[0] = j;
            ws.counts[0] = 1;
            for (int k = 0; k < m; k++) {
                ws.outs[k] = k;
            }
            compute(ws, point, 1, m, false);
            for (int k = 0; k < m; k++) {
                out[k * n + j] = ws.value[k];
            }
        }
    }

    /**
     * {@code Σ_j direction_j·∂f_k/∂x_j} from the Jacobian's columns, summed in the order of the default
     * (so the results are the default's bit for bit), sharing the value at the point and each column's
     * evaluations between outputs. A directional stencil would need fewer evaluations but has no
     * per-partial error estimate and differs from the Jacobian by more than rounding.
     */
    @Override
    public void jvp(double[] point, double[] direction, double[] out) {
        Checks.point(formula, point);
        Checks.direction(formula, direction);
        int m = outputSlots.length;
        int n = formula.dimension();
        Checks.length("JVP", out, m);
        Workspace ws = workspaces.get();
        evaluateBase(ws, point);
        java.util.Arrays.fill(ws.jvp, 0.0);
        for (int j = 0; j < n; j++) {
            if (direction[j] == 0) {
                continue;
            }
            ws.vars[0] = j;
            ws.counts[0] = 1;
            for (int k = 0; k < m; k++) {
                ws.outs[k] = k;
            }
            compute(ws, point, 1, m, false);
            for (int k = 0; k < m; k++) {
                ws.jvp[k] += ws.value[k] * direction[j];
            }
        }
        System.arraycopy(ws.jvp, 0, out, 0, m);
    }

    @Override
    public void hessian(int output, double[] point, double[] out) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        int n = formula.dimension();
        Checks.order(provider.id(), capabilities(), 2);
        Checks.length("Hessian", out, n * n);
        Workspace ws = workspaces.get();
        evaluateBase(ws, point);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                int r;
                if (i == j) {
                    ws.vars[0] = i;
                    ws.counts[0] = 2;
                    r = 1;
                } else {
                    ws.vars[0] = i;
                    ws.vars[1] = j;
                    ws.counts[0] = 1;
                    ws.counts[1] = 1;
                    r = 2;
                }
                ws.outs[0] = output;
                compute(ws, point, r, 1, false);
                out[i * n + j] = ws.value[0];
                out[j * n + i] = ws.value[0];
            }
        }
    }

    /** Evaluates the formula at {@code point} into {@code ws.base} and {@code ws.work}. */
    private void evaluateBase(Workspace ws, double[] point) {
        program.evaluate(point, ws.base, ws.baseOut);
        System.arraycopy(ws.base, 0, ws.work, 0, tape.size);
    }

    /**
     * Computes the partial of total order ≥ 1 given by {@code ws.vars[0..r)} and {@code ws.counts} for
     * the outputs {@code ws.outs[0..outs)}, into {@code ws.value} and {@code ws.error}. Requires
     * {@link #evaluateBase} at {@code x}; leaves {@code ws.work} equal to {@code ws.base}.
     */
    private void compute(Workspace ws, double[] x, int r, int outs, boolean wantError) {
        int active = 0;
        boolean outside = false;
        for (int l = 0; l < r; l++) {
            Bound b = bounds[ws.vars[l]];
            double xl = x[ws.vars[l]];
            outside |= b != null && !(xl >= b.lower() && xl <= b.upper());
        }
        for (int i = 0; i < outs; i++) {
            int slot = outputSlots[ws.outs[i]];
            boolean depends = true;
            for (int l = 0; l < r && depends; l++) {
                depends = program.dependsOn(slot, ws.vars[l]);
            }
            ws.active[i] = false;
            if (!depends) {
                ws.value[i] = 0.0;          // structural zero
                ws.error[i] = 0.0;
            } else if (outside || !Double.isFinite(ws.base[slot])) {
                ws.value[i] = Double.NaN;   // outside the domain: no derivative
                ws.error[i] = Double.NaN;
            } else {
                ws.active[i] = true;
                ws.value[i] = Double.NaN;
                ws.error[i] = Double.NaN;
                active++;
            }
        }
        if (active == 0) {
            return;
        }
        for (int l = 0; l < r; l++) {
            ws.mark[ws.vars[l]] = true;
        }
        int count = tape.affected(ws.mark, ws.list);
        tape.clear(ws.mark, ws.list, count);
        // The rounding error of the outputs at the point itself (the centre of a stencil).
        tape.errorBounds(ws.list, count, ws.base, ws.evalError);
        for (int i = 0; i < outs; i++) {
            ws.baseError[i] = ws.evalError[outputSlots[ws.outs[i]]];
        }
        boolean kink = onKink(ws, count, outs);
        try {
            Method preferred = options.method();
            runPlan(ws, x, r, outs, count, preferred, wantError);
            if (preferred == Method.CENTRAL) {
                // Near a domain edge no central step may work: try one-sided stencils for what failed.
                for (Method fallback : ONE_SIDED) {
                    boolean failed = false;
                    for (int i = 0; i < outs; i++) {
                        if (ws.active[i] && Double.isNaN(ws.value[i])) {
                            failed = true;
                        } else {
                            ws.active[i] = false;
                        }
                    }
                    if (!failed) {
                        break;
                    }
                    runPlan(ws, x, r, outs, count, fallback, wantError);
                }
            }
            if (kink) {
                for (int i = 0; i < outs; i++) {
                    if (ws.kinked[i]) {
                        ws.error[i] = Math.max(ws.error[i], Math.abs(ws.value[i]));
                    }
                }
            }
        } finally {
            for (int i = 0; i < count; i++) {
                int s = ws.list[i];
                ws.work[s] = ws.base[s];
                ws.evalError[s] = 0.0;
            }
            for (int l = 0; l < r; l++) {
                ws.work[ws.vars[l]] = x[ws.vars[l]];
                ws.evalError[ws.vars[l]] = 0.0;
            }
        }
    }

    /**
     * Whether the point sits exactly on a kink of an operation that depends on the differentiated
     * variables — {@code abs} or {@code relu} at 0, {@code min} or {@code max} at a tie — and which of
     * the outputs depend on one ({@code ws.kinked}). A stencil there straddles both branches and returns
     * the average of the one-sided slopes (0 for abs, ½ for relu, min and max), which the convention
     * "the derivative of the branch taken" contradicts for relu (0): the error estimate of those
     * outputs is then raised to at least |value|.
     */
    private boolean onKink(Workspace ws, int count, int outs) {
        boolean any = false;
        for (int i = 0; i < count; i++) {
            int s = ws.list[i];
            boolean kinked = switch (tape.op(s)) {
                case ABS, RELU -> ws.base[tape.operand(s, 0)] == 0;
                case MIN, MAX -> ws.base[tape.operand(s, 0)] == ws.base[tape.operand(s, 1)];
                default -> false;
            };
            for (int k = 0; k < tape.operandCount(s) && !kinked; k++) {
                kinked = ws.mark[tape.operand(s, k)];
            }
            ws.mark[s] = kinked;
            any |= kinked;
        }
        for (int i = 0; i < outs; i++) {
            ws.kinked[i] = any && ws.mark[outputSlots[ws.outs[i]]];
        }
        for (int i = 0; i < count; i++) {
            ws.mark[ws.list[i]] = false;
        }
        return any;
    }

    /**
     * Runs one plan (a stencil direction for every differentiated variable, turned one-sided near
     * declared bounds) for the active outputs; leaves NaN where no step gave a finite quotient.
     *
     * <p>The steps are {@code t·max(|x|, 1)}: relative for large coordinates, absolute near 0. When a
     * Ridders sequence of such steps does not converge, a second sequence with steps
     * {@code t·min(|x|, 1)} (x ≠ 0) is run: near 0 it resolves singularities at 0 ({@code 1/x},
     * {@code log x}, {@code sqrt x}) that the first sequence's steps straddle; for large |x| it
     * resolves functions that vary on a unit scale wherever they are ({@code sin x} at
     * {@code x = 1e4}). A converged result is preferred, then the smaller relative error estimate.
     */
    private void runPlan(Workspace ws, double[] x, int r, int outs, int count, Method method, boolean wantError) {
        int p = options.accuracy();
        int terms = options.richardsonTerms();
        boolean plain = terms == 1;
        boolean fixed = !Double.isNaN(options.relativeStep());
        int totalOrder = 0;
        double absSum = 1;
        double truncation = 0;
        for (int l = 0; l < r; l++) {
            Stencil s = stencil(method, ws.counts[l], p);
            ws.stencils[l] = s;
            totalOrder += ws.counts[l];
            absSum *= s.absSum();
            truncation += Math.abs(s.truncation());
        }
        double relative;
        double absolute;
        if (fixed) {
            relative = options.relativeStep();
            absolute = options.absoluteStep();
        } else {
            relative = plain ? Steps.optimal(totalOrder, p, absSum, truncation)
                    : Steps.riddersFirst(totalOrder, p, ws.stencils[0].errorStep(), terms);
            absolute = relative;
        }
        if (!steps(ws, x, r, method, relative, absolute, false)) {
            return; // no stencil fits inside the declared domain: NaN
        }
        for (int i = 0; i < outs; i++) {
            ws.running[i] = ws.active[i];
        }
        sequence(ws, x, r, outs, count, ws.tableaux, plain, wantError);
        boolean retry = false;
        for (int i = 0; i < outs; i++) {
            if (ws.active[i]) {
                Tableau t = ws.tableaux[i];
                ws.value[i] = t.value();
                ws.error[i] = t.error();
                ws.running[i] = !plain && !fixed && !t.converged();
                retry |= ws.running[i];
            }
        }
        boolean rescale = false;
        for (int l = 0; l < r; l++) {
            double a = Math.abs(x[ws.vars[l]]);
            rescale |= a > 0 && a != 1;
        }
        if (!retry || !rescale || !steps(ws, x, r, method, relative, absolute, true)) {
            return;
        }
        sequence(ws, x, r, outs, count, ws.retries, false, wantError);
        for (int i = 0; i < outs; i++) {
            if (ws.running[i]) {
                Tableau first = ws.tableaux[i];
                Tableau second = ws.retries[i];
                boolean better = second.converged()
                        || (!Double.isNaN(second.value()) && !first.converged() && !(first.score() <= second.score()));
                if (better) {
                    ws.value[i] = second.value();
                    ws.error[i] = second.error();
                }
            }
        }
    }

    /**
     * Sets every differentiated variable's stencil and first step {@code max(relative·|x|, absolute)}
     * (with {@code rescaled}, {@code relative·min(|x|, 1)} for x ≠ 0), fitted inside its declared
     * bound; false if some variable's stencil cannot fit.
     */
    private boolean steps(Workspace ws, double[] x, int r, Method method, double relative, double absolute,
                          boolean rescaled) {
        for (int l = 0; l < r; l++) {
            int v = ws.vars[l];
            double a = Math.abs(x[v]);
            ws.stencils[l] = stencil(method, ws.counts[l], options.accuracy());
            double h = rescaled && a > 0 ? Steps.powerOfTwo(relative * Math.min(a, 1)) : Steps.step(x[v], relative, absolute);
            Bound b = bounds[v];
            if (b == null) {
                ws.h0[l] = h;
            } else {
                // One-step mode also evaluates at c·h for its estimate (with or without one, so that
                // partial and partialEstimate agree): the larger step must fit too.
                double largest = options.richardsonTerms() == 1 ? h * Steps.RATIO : h;
                if (!fit(ws, l, x[v], largest, b, method)) {
                    return false;
                }
                ws.h0[l] *= h / largest;
            }
        }
        return true;
    }

    /**
     * Evaluates the difference quotients of the running outputs ({@code ws.running}) at the steps
     * {@code h0, h0/c, h0/c², …} ({@code c =} {@link Steps#RATIO}) into their tableaux: two steps
     * {@code c·h0, h0} (or just h0 without an error estimate) in one-step mode; otherwise at least
     * {@code T} steps, then more, up to {@link FiniteDifference#MAX_TERMS}, until the estimate has
     * converged and is within {@link Tableau#FLOOR} times the rounding bound, or the tableau stops itself
     * (its diagonal moves by more than {@link Tableau#SAFE} times the best estimate: rounding has taken
     * over). Stopping as soon as the estimate reached half the digits was optimistic on functions that
     * vary on a scale not much larger than the first step (issue 8: {@code atan(5x + 4y + 19/8)} at
     * {@code (-1.625, 0.625)}, singularities 0.68 away, first step 0.5): the extrapolations of two
     * successive steps agreed to {@code 1.3e-11} while both erred by {@code 5.9e-10}, an error the
     * following steps expose and remove. Continuing where the estimate is already at the rounding floor
     * gains nothing and only offers noisy quotients more chances to agree by accident.
     */
    private void sequence(Workspace ws, double[] x, int r, int outs, int count, Tableau[] tableaux, boolean plain,
                          boolean wantError) {
        int p = options.accuracy();
        int terms = options.richardsonTerms();
        int q = 2;
        for (int l = 0; l < r; l++) {
            q = Math.min(q, ws.stencils[l].errorStep());
        }
        int rows = plain ? (wantError ? 2 : 1) : FiniteDifference.MAX_TERMS;
        for (int i = 0; i < outs; i++) {
            if (ws.running[i]) {
                tableaux[i].reset(Steps.RATIO, p, q);
            }
        }
        for (int row = 0; row < rows; row++) {
            boolean more = false;
            for (int i = 0; i < outs; i++) {
                more |= ws.running[i] && !tableaux[i].stopped();
            }
            if (!more) {
                break;
            }
            int exponent = plain ? rows - 1 - row : -row;
            evaluateRow(ws, x, r, outs, count, exponent);
            for (int i = 0; i < outs; i++) {
                if (!ws.running[i]) {
                    continue;
                }
                Tableau t = tableaux[i];
                if (plain) {
                    t.addPlain(ws.quotient[i], ws.noise[i]);
                } else {
                    t.add(ws.quotient[i], ws.noise[i]);
                    if (row + 1 >= terms && t.converged() && t.atRoundingFloor()) {
                        t.stop();
                    }
                }
            }
        }
    }

    /**
     * Chooses variable l's stencil and first step inside bound b: the preferred direction, then the
     * one-sided stencil toward the larger room, then the other; each with the step halved as far as
     * the distance to the bound requires, but not below {@code √ε·h} (a point that close to a bound
     * gets a one-sided stencil). Near a declared bound f often varies on the scale of the distance
     * to it ({@code sqrt x} near 0), so the smaller central step is preferred to a one-sided stencil
     * of the full step.
     */
    private boolean fit(Workspace ws, int l, double x, double h, Bound b, Method preferred) {
        Method toward = b.upper() - x >= x - b.lower() ? Method.FORWARD : Method.BACKWARD;
        Method away = toward == Method.FORWARD ? Method.BACKWARD : Method.FORWARD;
        Method[] order = preferred == Method.CENTRAL ? new Method[] {Method.CENTRAL, toward, away}
                : new Method[] {preferred, preferred == toward ? away : toward};
        double minimum = h * Steps.SQRT_EPS;
        for (Method m : order) {
            Stencil s = stencil(m, ws.counts[l], options.accuracy());
            for (double step = h; step >= minimum; step /= 2) {
                if (x + s.minOffset() * step >= b.lower() && x + s.maxOffset() * step <= b.upper()) {
                    ws.stencils[l] = s;
                    ws.h0[l] = step;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The difference quotients of the running outputs at steps {@code h0·c^exponent}: the tensor
     * product of the variables' stencils, with their rounding error: the sum's own ({@link #NOISE})
     * plus {@code Σ|W_i| e_i / Π h^k}, e_i the estimated rounding error of f at point i.
     */
    private void evaluateRow(Workspace ws, double[] x, int r, int outs, int count, int exponent) {
        double denominator = 1;
        for (int l = 0; l < r; l++) {
            ws.h[l] = ws.h0[l] * Math.pow(Steps.RATIO, exponent);
            for (int c = 0; c < ws.counts[l]; c++) {
                denominator *= ws.h[l];
            }
            ws.idx[l] = 0;
        }
        for (int i = 0; i < outs; i++) {
            ws.sum[i] = 0;
            ws.absSum[i] = 0;
            ws.fError[i] = 0;
        }
        while (true) {
            double w = 1;
            boolean centre = true;
            boolean exactWeight = true;
            for (int l = 0; l < r; l++) {
                Stencil s = ws.stencils[l];
                int k = ws.idx[l];
                double weight = s.weights()[k];
                w *= weight;
                exactWeight &= Math.abs(weight) == Math.scalb(1.0, Math.getExponent(weight));
                int offset = s.offsets()[k];
                centre &= offset == 0;
                double xl = x[ws.vars[l]];
                double step = offset * ws.h[l];
                double point = xl + step;
                ws.work[ws.vars[l]] = point;
                // how far the rounded point lies from x + s·h: the rounding of s·h (exact by FMA) and
                // of the sum (exact by Knuth's TwoSum)
                double stepError = Math.fma(offset, ws.h[l], -step);
                double back = point - step;
                double sumError = (xl - back) + (step - (point - back));
                ws.evalError[ws.vars[l]] = Math.abs(stepError + sumError);
            }
            double[] values = ws.work;
            if (centre) {
                values = ws.base;
            } else {
                tape.run(ws.list, count, ws.work);
                tape.errorBounds(ws.list, count, ws.work, ws.evalError);
            }
            for (int i = 0; i < outs; i++) {
                if (ws.running[i]) {
                    int slot = outputSlots[ws.outs[i]];
                    double term = w * values[slot];
                    double before = ws.sum[i];
                    ws.sum[i] += term;
                    // the rounding of the product (none by a power of two) and of the running sum
                    // (none when it was 0)
                    ws.absSum[i] += (exactWeight ? 0.0 : Math.abs(term)) + (before == 0 ? 0.0 : Math.abs(ws.sum[i]));
                    ws.fError[i] += Math.abs(w) * (centre ? ws.baseError[i] : ws.evalError[slot]);
                }
            }
            int l = 0;
            while (l < r && ++ws.idx[l] == ws.stencils[l].offsets().length) {
                ws.idx[l] = 0;
                l++;
            }
            if (l == r) {
                break;
            }
        }
        for (int i = 0; i < outs; i++) {
            ws.quotient[i] = ws.sum[i] / denominator;
            ws.noise[i] = (NOISE * Steps.EPS * ws.absSum[i] + ws.fError[i]) / denominator;
        }
    }

    /** The stencil of this direction, derivative order and accuracy, built once per JVM. */
    static Stencil stencil(Method method, int order, int accuracy) {
        Stencil[] byAccuracy = STENCILS[method.ordinal()][order];
        Stencil s = byAccuracy[accuracy];
        if (s == null) {
            synchronized (STENCILS) {
                s = byAccuracy[accuracy];
                if (s == null) {
                    s = Stencil.of(method, order, accuracy);
                    byAccuracy[accuracy] = s;
                }
            }
        }
        return s;
    }

    /** Per-thread scratch space; nothing in it survives a call. */
    private static final class Workspace {
        final double[] base;
        final double[] work;
        final double[] baseOut;
        final boolean[] mark;
        final int[] list;
        final int[] outs;
        final boolean[] active;
        final boolean[] running;
        final boolean[] kinked;
        final double[] value;
        final double[] error;
        final double[] sum;
        final double[] jvp;
        final double[] absSum;
        final double[] quotient;
        final double[] noise;
        final double[] evalError;
        final double[] baseError;
        final double[] fError;
        final Tableau[] tableaux;
        final Tableau[] retries;
        final int[] vars = new int[MAX_ORDER];
        final int[] counts = new int[MAX_ORDER];
        final int[] idx = new int[MAX_ORDER];
        final Stencil[] stencils = new Stencil[MAX_ORDER];
        final double[] h0 = new double[MAX_ORDER];
        final double[] h = new double[MAX_ORDER];

        Workspace(int size, int m) {
            base = new double[size];
            work = new double[size];
            baseOut = new double[m];
            mark = new boolean[size];
            list = new int[size];
            outs = new int[m];
            active = new boolean[m];
            running = new boolean[m];
            kinked = new boolean[m];
            value = new double[m];
            error = new double[m];
            sum = new double[m];
            jvp = new double[m];
            absSum = new double[m];
            quotient = new double[m];
            noise = new double[m];
            evalError = new double[size];
            baseError = new double[m];
            fError = new double[m];
            tableaux = new Tableau[m];
            retries = new Tableau[m];
            for (int i = 0; i < m; i++) {
                tableaux[i] = new Tableau(FiniteDifference.MAX_TERMS + 1);
                retries[i] = new Tableau(FiniteDifference.MAX_TERMS + 1);
            }
        }
    }
}
