package dev.partials.dual.internal;

/**
 * The arrays one thread uses with one prepared {@link DualDerivatives}: slot values and local
 * partials, chunk tangents, the JVP lane, and (created on first use) the per-point buffers of a batch
 * block, the Hessian pool and the jet pass. Owned by a {@link ThreadLocal} of the prepared object, so threads never share or
 * contend for it, and the allocation-free methods allocate nothing once it is warm.
 */
final class Workspace {

    final double[] v;
    final double[] dl;
    final double[] dr;
    final double[] t;
    final double[] jt;
    final boolean[] act;
    final double[] row;
    /** Points per block of a batch, {@link #blockSize} of the tape's n and m. */
    final int block;
    private double[] state;
    private final Tape tape;
    private double[][] blockPoints;
    private double[][] blockDirections;
    private double[][] blockResults;
    private double[][] blockValues;
    private double[] pool = new double[0];
    private HessianPlan.Second second;
    private JetPass jetPass;

    Workspace(Tape tape) {
        this.tape = tape;
        int size = tape.size;
        this.v = new double[size];
        for (int s = 0; s < size; s++) {
            if (tape.constant[s]) {
                v[s] = tape.constants[s]; // never overwritten: passes write inputs and instructions only
            }
        }
        this.dl = new double[size];
        this.dr = new double[size];
        this.t = new double[Math.max(1, tape.registers) * Tape.CHUNK];
        this.jt = new double[size];
        this.act = new boolean[size];
        this.row = new double[Math.max(tape.n, tape.m)];
        this.block = blockSize(tape.n, tape.m);
    }

    /** The bytes a block's per-point buffers aim at: with the passes' own arrays, within L1 (32 KiB or more). */
    static final int BLOCK_BYTES = 16 * 1024;

    /**
     * The most points in a block: measured on rosenbrock-10 (1,000,003 points, 2-core AMD EPYC Zen 4),
     * 32 was faster than 16, 64, 128 and 256 (about 41 ns a point against 48 to 54).
     */
    static final int MAX_BLOCK = 32;

    /**
     * Points per block of a batch of a formula with {@code n} variables and {@code m} outputs: as many
     * as fit {@link #BLOCK_BYTES} with a point, a direction, a Jacobian and the values each
     * (n + n + m·n + m doubles), between 1 and {@link #MAX_BLOCK}. A block copies each column of the
     * batch into (and each result column out of) per-point arrays in one sequential run, rather than
     * touching every column once per point.
     */
    static int blockSize(int n, int m) {
        long perPoint = 8 * (2L * n + (long) m * n + m);
        return (int) Math.max(1, Math.min(MAX_BLOCK, BLOCK_BYTES / Math.max(1, perPoint)));
    }

    /** {@link #block} arrays of n coordinates: the points of a block. */
    double[][] blockPoints() {
        if (blockPoints == null) {
            blockPoints = new double[block][tape.n];
        }
        return blockPoints;
    }

    /** {@link #block} arrays of n components: the directions of a block. */
    double[][] blockDirections() {
        if (blockDirections == null) {
            blockDirections = new double[block][tape.n];
        }
        return blockDirections;
    }

    /** {@link #block} arrays of at least {@code width} entries: the gradients or Jacobians of a block. */
    double[][] blockResults(int width) {
        if (blockResults == null || blockResults[0].length < width) {
            blockResults = new double[block][width];
        }
        return blockResults;
    }

    /** {@link #block} arrays of m entries: the outputs' values at the points of a block. */
    double[][] blockValues() {
        if (blockValues == null) {
            blockValues = new double[block][Math.max(1, tape.m)];
        }
        return blockValues;
    }

    /** The state array of generated gradient code, at least {@code size} doubles. */
    double[] state(int size) {
        if (state == null || state.length < size) {
            state = new double[size];
        }
        return state;
    }

    /** A pool of at least {@code size} doubles for a Hessian plan. */
    double[] pool(int size) {
        if (pool.length < size) {
            pool = new double[size];
        }
        return pool;
    }

    HessianPlan.Second second() {
        if (second == null) {
            second = new HessianPlan.Second();
        }
        return second;
    }

    JetPass jetPass() {
        if (jetPass == null) {
            jetPass = new JetPass(tape);
        }
        return jetPass;
    }
}
