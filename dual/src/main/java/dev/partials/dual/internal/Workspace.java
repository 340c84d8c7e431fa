package dev.partials.dual.internal;

/**
 * The arrays one thread uses with one prepared {@link DualDerivatives}: slot values and local
 * partials, chunk tangents, the JVP lane, batch buffers, and (created on first use) the Hessian pool
 * and the jet pass. Owned by a {@link ThreadLocal} of the prepared object, so threads never share or
 * contend for it, and the allocation-free methods allocate nothing once it is warm.
 */
final class Workspace {

    final double[] v;
    final double[] dl;
    final double[] dr;
    final double[] t;
    final double[] jt;
    final boolean[] act;
    final double[] point;
    final double[] direction;
    final double[] row;
    final double[] outputs;
    private double[] state;
    private final Tape tape;
    private double[] jacobian;
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
        this.point = new double[tape.n];
        this.direction = new double[tape.n];
        this.row = new double[Math.max(tape.n, tape.m)];
        this.outputs = new double[tape.m];
    }

    /** The state array of generated gradient code, at least {@code size} doubles. */
    double[] state(int size) {
        if (state == null || state.length < size) {
            state = new double[size];
        }
        return state;
    }

    /** An m·n buffer for batched Jacobians. */
    double[] jacobian() {
        if (jacobian == null) {
            jacobian = new double[Math.multiplyExact(tape.m, tape.n)];
        }
        return jacobian;
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
