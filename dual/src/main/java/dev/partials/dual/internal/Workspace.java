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

    /**
     * The most bytes of per-point buffers a block may take (about the L2 cache of current cores): a
     * formula with many variables still gets blocks of several points (32 up to about 1,300 variables
     * for a scalar formula), and only beyond 4,096 doubles a point (see {@link #blockSize}) do blocks
     * get smaller, down to one point.
     */
    static final int BLOCK_BYTES = 1 << 20;

    /**
     * The most points in a block. Measured on a 2-core AMD EPYC (Zen 4), ns a point over
     * 1,000,003 points of rosenbrock-10: 16 points ≈ 50, 32 ≈ 41-47, 64 ≈ 49-51, 128 and 256 ≈ 54;
     * over 200,003 points of rosenbrock-100: 16 ≈ 616, 32 ≈ 564, 64 ≈ 516, 128 ≈ 535; over 20,003
     * points of rosenbrock-1000: 16 ≈ 6,900, 32 ≈ 5,600, 64 ≈ 5,800, 128 ≈ 6,200 (one point at a
     * time: 85, 2,300 and 28,700).
     */
    static final int MAX_BLOCK = 32;

    /**
     * Points per block of a batch of a formula with {@code n} variables and {@code m} outputs: as many
     * as fit {@link #BLOCK_BYTES} with a point, a direction, a Jacobian and the values each
     * (n + n + m·n + m doubles), between 1 and {@link #MAX_BLOCK}. A block copies each column of the
     * batch into (and each result column out of) per-point arrays in one sequential run, so the cost
     * of reaching a column (cache lines, TLB entries, prefetch streams) is paid once per block rather
     * than once per point.
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
