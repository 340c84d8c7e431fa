package dev.partials.bench.functions;

import dev.partials.Formula;
import org.hipparchus.CalculusFieldElement;

/**
 * {@code neuron}: the squared error of one sigmoid neuron with input (1.5, -2.0) and target 1,
 * f(w1, w2, b) = (σ(1.5 w1 - 2 w2 + b) - 1)², at (0.3, -0.7, 0.1).
 *
 * <p>With z = 1.5 w1 - 2 w2 + b, s = σ(z), r = s - 1 and a = (1.5, -2, 1): ∇f = 2 r s (1 - s) a and
 * H = (2 (s (1 - s))² + 2 r s (1 - s)(1 - 2s)) a aᵀ.
 */
public final class Neuron implements BatchFunction {

    private static final double A1 = 1.5;
    private static final double A2 = -2.0;

    private final Formula formula = Formula.parse("(sigmoid(w1*1.5 + w2*(-2.0) + b) - 1.0)^2", "w1", "w2", "b");

    @Override
    public String name() {
        return "neuron";
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double[] point() {
        return new double[] {0.3, -0.7, 0.1};
    }

    @Override
    public double value(double[] w) {
        double z = w[0] * A1 + w[1] * A2 + w[2];
        double r = 1 / (1 + Math.exp(-z)) - 1;
        return r * r;
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        double z = w[0] * A1 + w[1] * A2 + w[2];
        double s = 1 / (1 + Math.exp(-z));
        double r = s - 1;
        double dz = 2 * r * s * (1 - s);
        g[0] = A1 * dz;
        g[1] = A2 * dz;
        g[2] = dz;
        return r * r;
    }

    @Override
    public void hessian(double[] w, double[] h) {
        double z = w[0] * A1 + w[1] * A2 + w[2];
        double s = 1 / (1 + Math.exp(-z));
        double r = s - 1;
        double sp = s * (1 - s);
        double dzz = 2 * sp * sp + 2 * r * sp * (1 - 2 * s);
        double h12 = A1 * A2 * dzz;
        double h13 = A1 * dzz;
        double h23 = A2 * dzz;
        h[0] = A1 * A1 * dzz;
        h[1] = h12;
        h[2] = h13;
        h[3] = h12;
        h[4] = A2 * A2 * dzz;
        h[5] = h23;
        h[6] = h13;
        h[7] = h23;
        h[8] = dzz;
    }

    @Override
    public <T extends CalculusFieldElement<T>> T apply(T[] w) {
        T z = w[0].multiply(A1).add(w[1].multiply(A2)).add(w[2]);
        T s = z.negate().exp().add(1).reciprocal();
        return s.subtract(1).square();
    }

    @Override
    public void valueLoop(double[][] points, int count, double[] values) {
        double[] w1 = points[0];
        double[] w2 = points[1];
        double[] b = points[2];
        for (int p = 0; p < count; p++) {
            double z = w1[p] * A1 + w2[p] * A2 + b[p];
            double r = 1 / (1 + Math.exp(-z)) - 1;
            values[p] = r * r;
        }
    }

    @Override
    public void valueAndGradientLoop(double[][] points, int count, double[] values, double[][] gradients) {
        double[] w1 = points[0];
        double[] w2 = points[1];
        double[] b = points[2];
        double[] g1 = gradients[0];
        double[] g2 = gradients[1];
        double[] gb = gradients[2];
        for (int p = 0; p < count; p++) {
            double z = w1[p] * A1 + w2[p] * A2 + b[p];
            double s = 1 / (1 + Math.exp(-z));
            double r = s - 1;
            double dz = 2 * r * s * (1 - s);
            values[p] = r * r;
            g1[p] = A1 * dz;
            g2[p] = A2 * dz;
            gb[p] = dz;
        }
    }
}
