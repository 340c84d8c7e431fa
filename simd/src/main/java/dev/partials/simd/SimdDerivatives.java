package dev.partials.simd;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.spi.Checks;
import java.util.Arrays;
import java.util.concurrent.RecursiveAction;

/**
 * The derivatives of one formula computed a block of points at a time, the points in vector lanes.
 *
 * <h2>Execution</h2>
 * A batch of {@code count} points is cut into blocks of {@code B} points ({@code B} a multiple of the
 * lane count, chosen so that a thread's workspace stays within about {@value #BUDGET} bytes, at most
 * {@value #MAX_BLOCK}). For each block:
 * <ol>
 * <li>the input rows are loaded from the columns (the last lane group masked, so any count works);</li>
 * <li>the <em>value pass</em> runs every live instruction of the program over the whole block, and
 *     stores the local partials the tangent passes will need;</li>
 * <li>one <em>tangent pass</em> per chunk of at most {@value Plan#CHUNK} variables runs, for the
 *     (slot, variable) pairs that are not structurally zero only, the chain rule: products of local
 *     partials and operand tangents, summed in operand order (see {@link TangentPlan});</li>
 * <li>the rows of the outputs are stored into the result columns (masked again).</li>
 * </ol>
 * A Jacobian-vector product takes a single tangent pass seeded with the direction; where its result
 * is NaN or infinite, the lane is recomputed from the Jacobian as {@link Derivatives#jvp} defines it,
 * so that a zero direction component contributes nothing even where its partial is NaN.
 *
 * <p>Single-point calls are batches of one point (one lane group).
 *
 * <h2>Checking the points of a batch</h2>
 * A batch's coordinates are checked as they are computed, not in a pass of their own before: a block's
 * columns just before the interpreter loads them, and in generated code every coordinate as it is loaded
 * into a vector ({@code x − x} summed lane-wise: 0 while finite, NaN after a NaN or infinity), the
 * columns it does not read scanned apart. A separate pass read every column from memory once more: on
 * 1,000,003 points it cost 30 % on seed and 17 % on Rosenbrock-10 (JMH, {@code BatchBenchmark}). So,
 * as {@link Derivatives} allows, the result columns hold results of some points when the error is
 * thrown (generated code stops after the stretch with the first non-finite coordinate, or computes the
 * whole batch when it is one method); the error itself is {@link Checks#batchPoints}'s, naming the
 * first such point. A batch split over cores is checked whole first.
 *
 * <h2>Generated code</h2>
 * Batches of values, gradients and Jacobians switch, per mode, from this interpreter to code generated
 * for the formula ({@link BlockCompiler}: the same operations in the same order, each lane group's
 * values, partials and tangents in vector variables instead of workspace rows), on the call that
 * brings the mode's points to {@value #COMPILE_AFTER} (system property {@value #COMPILE_PROPERTY}:
 * {@code auto}, the default; {@code always}: on the first batch; {@code never}). Formulas too large for
 * it, Jacobian-vector products and single points stay interpreted.
 *
 * <h2>Threads</h2>
 * Immutable after construction; every thread has its own {@link Workspace}. Large batches are split
 * over blocks with fork/join (see {@link Parallelism}); a point's results depend only on that point,
 * so the split never changes them.
 *
 * <h2>Reproducibility and the JIT</h2>
 * The Vector API computes its transcendental lane-wise operations ({@code EXP}, {@code LOG},
 * {@code SIN}, {@code POW}, …) with the platform's vector math library (Intel SVML on x86) only in code
 * its optimizing compiler has compiled, which takes a few thousand kernel calls; before (and after a
 * deoptimization) it computes them with {@link Math} lane by lane. Both are within 1 ulp of the exact
 * result, but they differ in the last bit for 0.1 % (log) to 26 % (sinh) of arguments (measured on the
 * development machine), so a call in a cold JVM can differ from the same call later by an ulp per
 * transcendental operation; and since single points run the interpreter and batches the generated
 * code, which the JIT compiles at different times, a point alone and in a batch can too. Run with
 * {@code -Djdk.incubator.vector.VectorMathLibrary=java} for results that never change and equal, bit
 * for bit, a scalar forward mode over {@link dev.partials.Op} (the
 * second test execution checks exactly that); transcendental operations are then not vectorized.
 */
final class SimdDerivatives implements Derivatives {

    /** Bytes of workspace per thread a block aims to fit in (about a quarter of a level-2 cache). */
    static final int BUDGET = 512 * 1024;
    /**
     * Points per block at most. Larger blocks spread each instruction's dispatch over more points,
     * smaller ones keep more rows in cache; of 64, 256 and 1024, 256 was fastest on seed, neuron and
     * Rosenbrock-10 in an ad-hoc measurement (to be confirmed with JMH).
     */
    static final int MAX_BLOCK = 256;

    private static final int VALUES = 0;
    private static final int GRADIENT = 1;
    private static final int JACOBIAN = 2;
    private static final int JVP = 3;

    /** System property: {@code auto} (the default), {@code always} or {@code never} — see {@link #code}. */
    static final String COMPILE_PROPERTY = "partials.simd.compile";
    /** In mode {@code auto}, the points a batch mode interprets before its code is generated. */
    static final int COMPILE_AFTER = 1_024;

    private final SimdProvider provider;
    private final Formula formula;
    private final Layout layout;
    private final int n;
    private final int m;
    private final Plan all;
    private final Plan[] byOutput;
    private final TangentPlan directional;
    private final int block;
    private final ThreadLocal<Workspace> workspaces;
    /** Per batch mode (values, gradient, Jacobian): generated code, once compiled; see {@link #code}. */
    private final BlockCompiler.Compiled[] code = new BlockCompiler.Compiled[3];
    /** Per batch mode: points computed so far while still interpreting (counted racily: a threshold). */
    private final long[] interpretedPoints = new long[3];
    /** Per batch mode: whether the code is still to be generated. */
    private final boolean[] compilePending = new boolean[3];
    private final String compileMode;

    SimdDerivatives(SimdProvider provider, Formula formula, boolean scalarOnly) {
        Platform.check();
        this.provider = provider;
        this.formula = formula;
        this.layout = new Layout(formula.program(), scalarOnly);
        this.n = layout.n;
        this.m = layout.m;
        int[] outputs = new int[m];
        for (int k = 0; k < m; k++) {
            outputs[k] = k;
        }
        this.all = Plan.build(layout, outputs);
        this.byOutput = new Plan[m];
        if (m == 1) {
            byOutput[0] = all;
        }
        this.directional = Plan.directional(layout, all);
        int tangentRows = Math.max(1 + n, Math.max(all.tangentRows, directional.rows));
        // Rows 1 … n (JVP directions) and aliased rows are allocated but not touched by gradients:
        // they count here all the same, which errs on the small side for B.
        this.block = blockSize((long) layout.valueRows + tangentRows + m);
        Layout lay = layout;
        int b = block;
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(lay, b, tangentRows));
        this.compileMode = System.getProperty(COMPILE_PROPERTY, "auto");
        Arrays.fill(compilePending, !compileMode.equals("never"));
    }

    /** The block size for a workspace of {@code rows} rows: a multiple of the lane count. */
    static int blockSize(long rows) {
        long points = BUDGET / (rows * Double.BYTES);
        int lanes = Kernels.LANES;
        long b = Math.clamp(points / lanes * lanes, lanes, Math.max(lanes, MAX_BLOCK / lanes * lanes));
        if (rows * b > Integer.MAX_VALUE - 8) {
            throw PartialsException.builder(PartialsException.Kind.RESULT_TOO_LARGE,
                    "the formula needs " + rows + " rows of workspace; too many for provider \"" + SimdProvider.ID
                            + "\"").provider(SimdProvider.ID).build();
        }
        return (int) b;
    }

    /** Points per block (for tests). */
    int blockSize() {
        return block;
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public PartialDerivative provider() {
        return provider;
    }

    // ---- single points ----------------------------------------------------------------------------

    @Override
    public void values(double[] point, double[] out) {
        Checks.point(formula, point);
        Checks.length("values", out, m);
        Workspace w = workspaces.get();
        loadPoint(all, w, point);
        valuePass(all, w, false, Kernels.LANES);
        for (int k = 0; k < m; k++) {
            out[k] = w.rows[all.outSlots[k] * block];
        }
    }

    @Override
    public double partial(int output, MultiIndex index, double[] point) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.index(SimdProvider.ID, provider.capabilities(), formula, index);
        Plan p = plan(output);
        Workspace w = workspaces.get();
        if (index.order() == 0) {
            loadPoint(p, w, point);
            valuePass(p, w, false, Kernels.LANES);
            return w.rows[p.outSlots[0] * block];
        }
        int j = index.firstVariable();
        TangentPlan t = p.chunks[j / Plan.CHUNK];
        int row = t.outputRow(0, j - t.from);
        if (row < 0) {
            return 0.0; // structural zero
        }
        loadPoint(p, w, point);
        valuePass(p, w, true, Kernels.LANES);
        tangentPass(t, w, Kernels.LANES);
        return w.rows[row * block];
    }

    @Override
    public void gradient(int output, double[] point, double[] out) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.length("gradient", out, n);
        Plan p = plan(output);
        Workspace w = workspaces.get();
        loadPoint(p, w, point);
        valuePass(p, w, true, Kernels.LANES);
        for (TangentPlan t : p.chunks) {
            tangentPass(t, w, Kernels.LANES);
            readChunk(t, 0, w, out, t.from);
        }
    }

    @Override
    public void jacobian(double[] point, double[] out) {
        Checks.point(formula, point);
        Checks.length("Jacobian", out, (long) m * n);
        Workspace w = workspaces.get();
        loadPoint(all, w, point);
        valuePass(all, w, true, Kernels.LANES);
        for (TangentPlan t : all.chunks) {
            tangentPass(t, w, Kernels.LANES);
            for (int k = 0; k < m; k++) {
                readChunk(t, k, w, out, k * n + t.from);
            }
        }
    }

    @Override
    public void jvp(double[] point, double[] direction, double[] out) {
        Checks.point(formula, point);
        Checks.direction(formula, direction);
        Checks.length("JVP", out, m);
        Workspace w = workspaces.get();
        loadPoint(all, w, point);
        for (int j = 0; j < n; j++) {
            w.rows[direction(j)] = direction[j];
        }
        valuePass(all, w, true, Kernels.LANES);
        tangentPass(directional, w, Kernels.LANES);
        boolean repair = false;
        for (int k = 0; k < m; k++) {
            int row = directional.outputRow(k, 0);
            out[k] = row >= 0 ? w.rows[row * block] : 0.0;
            repair |= !Double.isFinite(out[k]);
        }
        if (repair) {
            double[] sums = jvpFromJacobian(w, Kernels.LANES);
            for (int k = 0; k < m; k++) {
                if (!Double.isFinite(out[k])) {
                    out[k] = sums[k * block];
                }
            }
        }
    }

    private void loadPoint(Plan p, Workspace w, double[] point) {
        for (int j : p.inputs) {
            w.rows[j * block] = point[j];
        }
    }

    /** Writes the tangents of target output {@code q} in chunk {@code t} (lane 0) to {@code out[at …)}. */
    private void readChunk(TangentPlan t, int q, Workspace w, double[] out, int at) {
        for (int v = 0; v < t.width; v++) {
            int row = t.outputRow(q, v);
            out[at + v] = row >= 0 ? w.rows[row * block] : 0.0;
        }
    }

    /** The offset of the direction row of variable {@code j} (tangent row 1 + j). */
    private int direction(int j) {
        return (layout.valueRows + 1 + j) * block;
    }

    // ---- batches ----------------------------------------------------------------------------------

    @Override
    public void valuesBatch(double[][] points, double[][] values) {
        int count = Checks.batchShape(formula, points);
        Checks.batchOut("values", values, m, count);
        run(VALUES, all, points, null, null, values, null, count);
    }

    @Override
    public void gradientBatch(double[][] points, double[] values, double[][] gradients) {
        int count = Checks.batchShape(formula, points);
        Checks.batchOut("gradients", gradients, n, count);
        if (values != null) {
            Checks.length("values", values, count);
        }
        run(GRADIENT, plan(0), points, null, values, null, gradients, count);
    }

    @Override
    public void jacobianBatch(double[][] points, double[][] values, double[][] jacobians) {
        int count = Checks.batchShape(formula, points);
        Checks.batchOut("Jacobians", jacobians, m * n, count);
        if (values != null) {
            Checks.batchOut("values", values, m, count);
        }
        run(JACOBIAN, all, points, null, null, values, jacobians, count);
    }

    @Override
    public void jvpBatch(double[][] points, double[][] directions, double[][] out) {
        int count = Checks.batch(formula, points);
        Checks.batchOut("directions", directions, n, count);
        Checks.batchOut("JVPs", out, m, count);
        for (int j = 0; j < n; j++) {
            double[] d = directions[j];
            for (int p = 0; p < count; p++) {
                if (!Double.isFinite(d[p])) {
                    throw PartialsException.builder(PartialsException.Kind.NON_FINITE_POINT,
                            "point " + p + ": direction component " + formula.variables().get(j) + " = " + d[p]
                                    + " is not a finite number").name(formula.variables().get(j)).order(p).build();
                }
            }
        }
        run(JVP, all, points, directions, null, null, out, count);
    }

    private void run(int mode, Plan p, double[][] points, double[][] directions, double[] value, double[][] values,
                     double[][] out, int count) {
        if (count <= 0) {
            return; // also a formula without variables, whose batch size Checks.batch cannot know (-1)
        }
        if (mode != JVP) {
            code(mode, p, count);
        }
        int blocks = (count + block - 1) / block;
        // jvpBatch has checked its points; the other modes check theirs here: all first before splitting
        // the batch across cores (so the error is the first bad point's), else range by range as computed.
        boolean check = mode != JVP;
        if (Parallelism.split(count, blocks)) {
            if (check) {
                checkPoints(points, 0, count);
            }
            // invoke() runs the root task in this thread, which so works beside the common pool's workers
            // (the pool has one worker fewer than there are cores).
            new BlockTask(this, mode, p, points, directions, value, values, out, count, 0, blocks,
                    Parallelism.grain(blocks)).invoke();
        } else {
            blocks(mode, p, points, directions, value, values, out, count, 0, blocks, workspaces.get(), check);
        }
    }

    /**
     * The generated code of a batch mode ({@link BlockCompiler}), generated on the call that makes the
     * mode's interpreted points reach {@link #COMPILE_AFTER} (mode {@code auto}; so a single large batch
     * is compiled at once), on the first call (mode {@code always}), or never; null while interpreting,
     * and for good when the plan is not compiled (too large, see {@link BlockCompiler#compile}). Both
     * engines compute the same operations in the same order (the same bits with Java's Math; see the
     * class comment for the vector math library).
     */
    private BlockCompiler.Compiled code(int mode, Plan p, int points) {
        BlockCompiler.Compiled c = code[mode];
        if (c != null || !compilePending[mode]) {
            return c;
        }
        if (compileMode.equals("auto")) {
            long seen = interpretedPoints[mode] + points;
            interpretedPoints[mode] = seen;
            if (seen < COMPILE_AFTER) {
                return null;
            }
        }
        synchronized (code) {
            if (compilePending[mode]) {
                code[mode] = BlockCompiler.compile(layout, p, mode != VALUES);
                compilePending[mode] = false;
            }
            return code[mode];
        }
    }

    /** The batch mode's generated code, or null (for tests: 0 values, 1 gradient, 2 Jacobian). */
    BlockCompiler.Compiled compiled(int mode) {
        return code[mode];
    }

    /**
     * Points {@code [from, to)} with generated code: the whole lane groups straight from the columns, the
     * last partial one through the workspace's columns of one lane group. With {@code check}, the
     * generated code checks the coordinates it loads as it computes ({@link BlockCode#run}), and the
     * columns it does not read are scanned here; after a non-finite coordinate the batch's results are
     * partly written.
     */
    private void generated(BlockCompiler.Compiled compiled, double[][] points, double[][] values, double[][] out,
                           long end, int from, Workspace w, boolean check) {
        int to = (int) end;
        BlockCode c = compiled.code();
        double[] state = w.state(compiled.stateSize());
        int lanes = Kernels.LANES;
        int full = from + (to - from) / lanes * lanes;
        if (check) {
            for (int j = 0; j < n; j++) {
                if (!compiled.checks(j) && !Kernels.allFinite(points[j], from, to)) {
                    Checks.batchPoints(formula, points, from, to);
                }
            }
        }
        if (full > from) {
            double sum = c.run(points, values, out, state, from, full);
            if (check && sum != 0.0) {
                Checks.batchPoints(formula, points, from, full);
                throw new IllegalStateException("simd: generated code found a non-finite coordinate in points ["
                        + from + ", " + full + ") that the check does not see");
            }
        }
        int tail = to - full;
        if (tail == 0) {
            return;
        }
        if (check) {
            checkPoints(points, full, to);
        }
        Workspace.Tail t = w.tail(n, values == null ? 0 : values.length, out == null ? 0 : out.length);
        for (int j = 0; j < n; j++) {
            System.arraycopy(points[j], full, t.points[j], 0, tail);
            Arrays.fill(t.points[j], tail, lanes, 0.0);
        }
        c.run(t.points, values == null ? null : t.values, out == null ? null : t.out, state, 0, lanes);
        if (values != null) {
            for (int k = 0; k < values.length; k++) {
                if (values[k] != null) {
                    System.arraycopy(t.values[k], 0, values[k], full, tail);
                }
            }
        }
        if (out != null) {
            for (int r = 0; r < out.length; r++) {
                System.arraycopy(t.out[r], 0, out[r], full, tail);
            }
        }
    }

    /**
     * Throws {@link Checks#batchPoints}'s error when a coordinate of points {@code [from, to)} is not
     * finite; every column is scanned, also those of variables the formula does not use.
     */
    private void checkPoints(double[][] points, int from, int to) {
        for (double[] column : points) {
            if (!Kernels.allFinite(column, from, to)) {
                Checks.batchPoints(formula, points, from, to);
            }
        }
    }

    /**
     * Runs blocks {@code [from, to)} of a batch in the calling thread; with {@code check}, checks the points
     * as it computes them (see the class comment: results of some points are written before the error).
     */
    void blocks(int mode, Plan p, double[][] points, double[][] directions, double[] value, double[][] values,
                double[][] out, int count, int from, int to, Workspace w, boolean check) {
        BlockCompiler.Compiled generated = mode == JVP ? null : code[mode];
        if (generated != null) {
            double[][] valueColumns = values;
            if (mode == GRADIENT) {
                valueColumns = value == null ? null : w.valueHolder(value);
            }
            try {
                generated(generated, points, valueColumns, out, Math.min(to * (long) block, count), from * block, w,
                        check);
            } finally {
                w.releaseValueHolder();
            }
            return;
        }
        for (int b = from; b < to; b++) {
            int base = b * block;
            int c = Math.min(block, count - base);
            int width = Kernels.width(c);
            if (check) {
                checkPoints(points, base, base + c);
            }
            for (int j : p.inputs) {
                Kernels.load(points[j], base, c, w.rows, j * block);
            }
            switch (mode) {
                case VALUES -> {
                    valuePass(p, w, false, width);
                    storeValues(p, w, values, base, c);
                }
                case GRADIENT -> {
                    valuePass(p, w, true, width);
                    if (value != null) {
                        Kernels.store(w.rows, p.outSlots[0] * block, value, base, c);
                    }
                    for (TangentPlan t : p.chunks) {
                        tangentPass(t, w, width);
                        storeChunk(t, 0, w, out, 0, base, c);
                    }
                }
                case JACOBIAN -> {
                    valuePass(p, w, true, width);
                    if (values != null) {
                        storeValues(p, w, values, base, c);
                    }
                    for (TangentPlan t : p.chunks) {
                        tangentPass(t, w, width);
                        for (int k = 0; k < m; k++) {
                            storeChunk(t, k, w, out, k * n, base, c);
                        }
                    }
                }
                default -> jvpBlock(w, directions, out, base, c, width);
            }
        }
    }

    private void jvpBlock(Workspace w, double[][] directions, double[][] out, int base, int c, int width) {
        for (int j = 0; j < n; j++) {
            Kernels.load(directions[j], base, c, w.rows, direction(j));
        }
        valuePass(all, w, true, width);
        tangentPass(directional, w, width);
        boolean repair = false;
        for (int k = 0; k < m; k++) {
            int row = directional.outputRow(k, 0);
            if (row >= 0) {
                Kernels.store(w.rows, row * block, out[k], base, c);
                repair |= !Kernels.allFinite(w.rows, row * block, row * block + c);
            } else {
                Arrays.fill(out[k], base, base + c, 0.0);
            }
        }
        if (repair) {
            double[] sums = jvpFromJacobian(w, width);
            for (int k = 0; k < m; k++) {
                double[] o = out[k];
                for (int p = 0; p < c; p++) {
                    if (!Double.isFinite(o[base + p])) {
                        o[base + p] = sums[k * block + p];
                    }
                }
            }
        }
    }

    /**
     * The Jacobian-vector product of the block's lanes as {@link Derivatives#jvp} defines it, from the
     * Jacobian: {@code Σ_j J[k][j]·d_j} over the j with {@code d_j ≠ 0}, in order of j. The value pass
     * and the direction rows must be in place; the passes overwrite the tangent rows above row n.
     */
    private double[] jvpFromJacobian(Workspace w, int width) {
        double[] sums = w.sums(m * block);
        for (int k = 0; k < m; k++) {
            Kernels.fill(sums, k * block, width, 0.0);
        }
        for (TangentPlan t : all.chunks) {
            tangentPass(t, w, width);
            for (int k = 0; k < m; k++) {
                for (int v = 0; v < t.width; v++) {
                    int row = t.outputRow(k, v);
                    Kernels.accumulate(sums, k * block, w.rows, row >= 0 ? row * block : -1, direction(t.from + v),
                            width);
                }
            }
        }
        return sums;
    }

    private void storeValues(Plan p, Workspace w, double[][] values, int base, int c) {
        for (int q = 0; q < p.outSlots.length; q++) {
            Kernels.store(w.rows, p.outSlots[q] * block, values[p.outputs[q]], base, c);
        }
    }

    /** Stores the tangents of target output {@code q} in chunk {@code t} into columns {@code out[rowOffset + from + v]}. */
    private void storeChunk(TangentPlan t, int q, Workspace w, double[][] out, int rowOffset, int base, int c) {
        for (int v = 0; v < t.width; v++) {
            double[] column = out[rowOffset + t.from + v];
            int row = t.outputRow(q, v);
            if (row >= 0) {
                Kernels.store(w.rows, row * block, column, base, c);
            } else {
                Arrays.fill(column, base, base + c, 0.0);
            }
        }
    }

    // ---- the two passes ---------------------------------------------------------------------------

    /** Runs the live instructions of {@code p} over the first {@code w} lanes; with {@code partials}, stores their local partials. */
    private void valuePass(Plan p, Workspace ws, boolean partials, int w) {
        Layout lay = layout;
        double[] x = ws.rows;
        int rowSize = block;
        int[] code = lay.code;
        int[] argStart = lay.argStart;
        int[] args = lay.args;
        for (int s : p.instructions) {
            int st = argStart[s];
            int d = s * rowSize;
            int a = args[st] * rowSize;
            int b = argStart[s + 1] - st == 2 ? args[st + 1] * rowSize : -1;
            int pl = partials && lay.pl[s] >= 0 ? lay.pl[s] * rowSize : -1;
            int pr = partials && lay.pr[s] >= 0 ? lay.pr[s] * rowSize : -1;
            switch (code[s]) {
                case Layout.ADD2 -> Kernels.add(x, d, a, b, w);
                case Layout.ADDN -> Kernels.sum(x, d, args, st, argStart[s + 1], rowSize, w);
                case Layout.SUB -> Kernels.sub(x, d, a, b, w);
                case Layout.NEG -> Kernels.neg(x, d, a, w);
                case Layout.MUL -> Kernels.mul(x, d, a, b, w);
                case Layout.DIV -> Kernels.div(x, d, a, b, pl, pr, w);
                case Layout.POW -> Kernels.pow(x, d, a, b, pl, pr, w);
                case Layout.POW_SQUARE -> Kernels.square(x, d, a, pl, w);
                case Layout.POW_CONST -> Kernels.powConstant(x, d, a, lay.exponent[s], pl, w);
                case Layout.ATAN2 -> Kernels.atan2(x, d, a, b, pl, pr, w);
                case Layout.MIN -> Kernels.min(x, d, a, b, pl, pr, w);
                case Layout.MAX -> Kernels.max(x, d, a, b, pl, pr, w);
                case Layout.SIN -> Kernels.sin(x, d, a, pl, w);
                case Layout.COS -> Kernels.cos(x, d, a, pl, w);
                case Layout.TAN -> Kernels.tan(x, d, a, pl, w);
                case Layout.ASIN -> Kernels.asin(x, d, a, pl, w);
                case Layout.ACOS -> Kernels.acos(x, d, a, pl, w);
                case Layout.ATAN -> Kernels.atan(x, d, a, pl, w);
                case Layout.SINH -> Kernels.sinh(x, d, a, pl, w);
                case Layout.COSH -> Kernels.cosh(x, d, a, pl, w);
                case Layout.TANH -> Kernels.tanh(x, d, a, pl, w);
                case Layout.EXP -> Kernels.exp(x, d, a, w);
                case Layout.LOG -> Kernels.log(x, d, a, pl, w);
                case Layout.SQRT -> Kernels.sqrt(x, d, a, pl, w);
                case Layout.ABS -> Kernels.abs(x, d, a, pl, w);
                case Layout.SIGMOID -> Kernels.sigmoid(x, d, a, pl, w);
                case Layout.RELU -> Kernels.relu(x, d, a, pl, w);
                case Layout.SOFTPLUS -> Kernels.softplus(x, d, a, pl, w);
                default -> Kernels.scalar(lay.ops[s], x, d, a, b, pl, pr, w);
            }
        }
    }

    /** Runs one tangent pass over the first {@code w} lanes (see {@link TangentPlan}). */
    private void tangentPass(TangentPlan t, Workspace ws, int w) {
        double[] x = ws.rows;
        int rowSize = block;
        int[] partial = ws.termPartial;
        int[] tangent = ws.termTangent;
        long[] mask = t.mask;
        int[] base = t.base;
        boolean[] linear = t.linear;
        int[] termStart = t.termStart;
        long[] termMask = t.termMask;
        int[] termBase = t.termBase;
        int[] termPartial = t.termPartial;
        int[] phys = t.phys;
        boolean[] computed = t.computed;
        for (int e = 0; e < mask.length; e++) {
            int t0 = termStart[e];
            int t1 = termStart[e + 1];
            boolean lin = linear[e];
            int row = base[e];
            for (long bits = mask[e]; bits != 0; bits &= bits - 1, row++) {
                if (!computed[row]) {
                    continue; // an alias of a row that holds the same bits
                }
                int v = Long.numberOfTrailingZeros(bits);
                long below = (1L << v) - 1;
                int count = 0;
                for (int k = t0; k < t1; k++) {
                    long mo = termMask[k];
                    if ((mo >>> v & 1) != 0) {
                        tangent[count] = phys[termBase[k] + Long.bitCount(mo & below)] * rowSize;
                        partial[count] = lin ? termPartial[k] : termPartial[k] * rowSize;
                        count++;
                    }
                }
                int d = phys[row] * rowSize;
                if (lin) {
                    Kernels.linear(x, partial, tangent, count, d, w);
                } else {
                    Kernels.chain(x, partial, tangent, count, d, w);
                }
            }
        }
    }

    private Plan plan(int output) {
        Plan p = byOutput[output];
        if (p == null) {
            // A benign race: plans are immutable (final fields), two threads may both build one.
            p = Plan.build(layout, new int[] {output});
            byOutput[output] = p;
        }
        return p;
    }

    /** A range of blocks of a batch, split in halves down to a grain, each leaf with its thread's workspace. */
    @SuppressWarnings("serial") // never serialized
    private static final class BlockTask extends RecursiveAction {
        private final SimdDerivatives d;
        private final int mode;
        private final Plan plan;
        private final double[][] points;
        private final double[][] directions;
        private final double[] value;
        private final double[][] values;
        private final double[][] out;
        private final int count;
        private final int from;
        private final int to;
        private final int grain;

        BlockTask(SimdDerivatives d, int mode, Plan plan, double[][] points, double[][] directions, double[] value,
                  double[][] values, double[][] out, int count, int from, int to, int grain) {
            this.d = d;
            this.mode = mode;
            this.plan = plan;
            this.points = points;
            this.directions = directions;
            this.value = value;
            this.values = values;
            this.out = out;
            this.count = count;
            this.from = from;
            this.to = to;
            this.grain = grain;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                d.blocks(mode, plan, points, directions, value, values, out, count, from, to, d.workspaces.get(),
                        false);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new BlockTask(d, mode, plan, points, directions, value, values, out, count, from, mid, grain),
                    new BlockTask(d, mode, plan, points, directions, value, values, out, count, mid, to, grain));
        }
    }

    /** Says once, when the Vector API cannot be fast here, that {@code simd} will be slow and why. */
    private static final class Platform {
        static {
            String vm = System.getProperty("java.vm.info", "");
            boolean interpreted = vm.contains("interpreted");
            if (Kernels.LANES < 2 || interpreted) {
                System.getLogger("dev.partials.simd").log(System.Logger.Level.WARNING,
                        "partials: provider \"simd\" runs with " + Kernels.LANES + " double lane(s) per vector"
                                + (interpreted ? " in an interpreter-only JVM (" + vm + ")" : "")
                                + ": the Vector API falls back to scalar Java code there and simd is slower than"
                                + " \"dual\". Use a JVM with its optimizing (C2) compiler on hardware with vector"
                                + " registers.");
            }
        }

        private Platform() {
        }

        static void check() {
            // Loading this class runs the check, once per JVM.
        }
    }
}
