package dev.partials.simd;

import java.util.Arrays;

/**
 * The scratch memory of one thread for one prepared formula: flat rows of {@code B} lanes, allocated
 * once and reused for every block and every call (no allocation per block or per operation).
 */
final class Workspace {

    /**
     * Value rows (one per slot), the stored local-partial rows, a row of ones and one of minus ones
     * ({@link Layout#valueRows} in all; constant rows filled once), then the tangent rows
     * ({@link TangentPlan}): rows 1 … n the direction of a JVP, then the rows of a pass.
     */
    final double[] rows;
    /** Per output, the Jacobian-vector product as {@code Derivatives.jvp} defines it (JVP repair only). */
    private double[] sums;
    /** The partial offsets (or signs) and tangent offsets of the terms of one tangent. */
    final int[] termPartial;
    final int[] termTangent;

    Workspace(Layout layout, int block, int tangentRows) {
        this.rows = new double[(layout.valueRows + tangentRows) * block];
        for (int s = 0; s < layout.size; s++) {
            if (layout.code[s] == Layout.CONSTANT) {
                Arrays.fill(rows, s * block, (s + 1) * block, layout.program.constant(s));
            }
        }
        Arrays.fill(rows, layout.ones * block, (layout.ones + 1) * block, 1.0);
        Arrays.fill(rows, layout.minusOnes * block, (layout.minusOnes + 1) * block, -1.0);
        this.termPartial = new int[layout.maxOperands];
        this.termTangent = new int[layout.maxOperands];
    }

    /** Columns of one lane group for the last, partial lane group of a batch run by generated code. */
    static final class Tail {
        final double[][] points;
        final double[][] values;
        final double[][] out;

        Tail(int n, int m, int columns) {
            this.points = new double[n][Kernels.LANES];
            this.values = new double[m][Kernels.LANES];
            this.out = new double[columns][Kernels.LANES];
        }
    }

    private Tail tail;
    private final double[][] valueHolder = new double[1][];

    /** The tail columns, at least the sizes asked for (allocated once per size). */
    Tail tail(int n, int m, int columns) {
        Tail t = tail;
        if (t == null || t.values.length < m || t.out.length < columns) {
            t = new Tail(n, Math.max(m, t == null ? 0 : t.values.length),
                    Math.max(columns, t == null ? 0 : t.out.length));
            tail = t;
        }
        return t;
    }

    private double[] state = new double[0];

    /** Scratch for generated code's values passed between its methods, at least {@code length} long. */
    double[] state(int length) {
        if (state.length < length) {
            state = new double[length];
        }
        return state;
    }

    /** The value column of a gradient batch as the one value column of generated code. */
    double[][] valueHolder(double[] value) {
        valueHolder[0] = value;
        return valueHolder;
    }

    /** Forgets the caller's column (the workspace outlives the call). */
    void releaseValueHolder() {
        valueHolder[0] = null;
    }

    double[] sums(int length) {
        if (sums == null) {
            sums = new double[length];
        }
        return sums;
    }
}
