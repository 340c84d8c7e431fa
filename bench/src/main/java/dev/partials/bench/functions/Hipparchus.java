package dev.partials.bench.functions;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The Hipparchus baselines, written the way Hipparchus users write them: variables made with
 * {@link Gradient#variable} or a {@link DSFactory} built once, the function run on them, the
 * derivatives read back with {@code getGradient()} / {@code getAllDerivatives()}. Each call
 * allocates, as Hipparchus does; that is part of what is measured.
 */
public final class Hipparchus {

    private Hipparchus() {
    }

    /** f(x) with ∇f into {@code out}, through {@link Gradient}. */
    public static double gradient(ScalarFunction f, double[] x, double[] out) {
        int n = x.length;
        Gradient[] v = new Gradient[n];
        for (int i = 0; i < n; i++) {
            v[i] = Gradient.variable(n, i, x[i]);
        }
        Gradient r = f.apply(v);
        System.arraycopy(r.getGradient(), 0, out, 0, n);
        return r.getValue();
    }

    /** The bundle-adjustment residuals and Jacobian (row-major 2 × 15), through {@link Gradient}. */
    public static void jacobian(BundleAdjustment ba, double[] x, double[] values, double[] jacobian) {
        int n = x.length;
        Gradient[] v = new Gradient[n];
        for (int i = 0; i < n; i++) {
            v[i] = Gradient.variable(n, i, x[i]);
        }
        Gradient[] r = new Gradient[BundleAdjustment.M];
        ba.apply(v, r);
        for (int k = 0; k < r.length; k++) {
            values[k] = r[k].getValue();
            System.arraycopy(r[k].getGradient(), 0, jacobian, k * n, n);
        }
    }

    /**
     * A {@link DerivativeStructure} baseline of one order for one dimension: the factory (and its
     * compiler) is built once, as users keep it in a field; the positions of the partials in
     * {@code getAllDerivatives()} are looked up once.
     */
    public static final class Structures {
        private final int n;
        private final DSFactory factory;
        private final int[] first;  // index of ∂/∂x_i
        private final int[] second; // index of ∂²/∂x_i∂x_j, row-major n × n (order 2 only)

        /** The factory for n variables and derivatives up to {@code order} (1 or 2). */
        public Structures(int n, int order) {
            this.n = n;
            this.factory = new DSFactory(n, order);
            this.first = new int[n];
            int[] orders = new int[n];
            for (int i = 0; i < n; i++) {
                orders[i] = 1;
                first[i] = factory.getCompiler().getPartialDerivativeIndex(orders);
                orders[i] = 0;
            }
            if (order >= 2) {
                second = new int[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        orders[i]++;
                        orders[j]++;
                        second[i * n + j] = factory.getCompiler().getPartialDerivativeIndex(orders);
                        orders[i] = 0;
                        orders[j] = 0;
                    }
                }
            } else {
                second = null;
            }
        }

        private DerivativeStructure[] variables(double[] x) {
            DerivativeStructure[] v = new DerivativeStructure[n];
            for (int i = 0; i < n; i++) {
                v[i] = factory.variable(i, x[i]);
            }
            return v;
        }

        /** f(x) with ∇f into {@code out}. */
        public double gradient(ScalarFunction f, double[] x, double[] out) {
            double[] all = f.apply(variables(x)).getAllDerivatives();
            for (int i = 0; i < n; i++) {
                out[i] = all[first[i]];
            }
            return all[0];
        }

        /** The Hessian of f at x into {@code out}, row-major n × n (an order-2 factory). */
        public void hessian(ScalarFunction f, double[] x, double[] out) {
            double[] all = f.apply(variables(x)).getAllDerivatives();
            for (int k = 0; k < n * n; k++) {
                out[k] = all[second[k]];
            }
        }

        /** The bundle-adjustment residuals and Jacobian (row-major 2 × 15). */
        public void jacobian(BundleAdjustment ba, double[] x, double[] values, double[] jacobian) {
            DerivativeStructure[] r = new DerivativeStructure[BundleAdjustment.M];
            ba.apply(variables(x), r);
            for (int k = 0; k < r.length; k++) {
                double[] all = r[k].getAllDerivatives();
                values[k] = all[0];
                for (int i = 0; i < n; i++) {
                    jacobian[k * n + i] = all[first[i]];
                }
            }
        }
    }
}
