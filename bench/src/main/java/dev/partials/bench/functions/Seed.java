package dev.partials.bench.functions;

import dev.partials.Formula;
import org.hipparchus.CalculusFieldElement;

/** {@code seed}: f(x, y) = x² + 3xy at (1, 2); ∇f = (2x + 3y, 3x), H = [[2, 3], [3, 0]]. */
public final class Seed implements BatchFunction {

    private final Formula formula = Formula.parse("x^2 + 3*x*y");

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double[] point() {
        return new double[] {1, 2};
    }

    @Override
    public double value(double[] v) {
        double x = v[0];
        double y = v[1];
        return x * x + 3 * x * y;
    }

    @Override
    public double valueAndGradient(double[] v, double[] g) {
        double x = v[0];
        double y = v[1];
        double x3 = 3 * x;
        g[0] = 2 * x + 3 * y;
        g[1] = x3;
        return x * x + x3 * y;
    }

    @Override
    public void hessian(double[] v, double[] h) {
        h[0] = 2;
        h[1] = 3;
        h[2] = 3;
        h[3] = 0;
    }

    @Override
    public <T extends CalculusFieldElement<T>> T apply(T[] v) {
        T x = v[0];
        T y = v[1];
        return x.square().add(x.multiply(y).multiply(3));
    }

    @Override
    public void valueLoop(double[][] points, int count, double[] values) {
        double[] xs = points[0];
        double[] ys = points[1];
        for (int p = 0; p < count; p++) {
            double x = xs[p];
            values[p] = x * x + 3 * x * ys[p];
        }
    }

    @Override
    public void valueAndGradientLoop(double[][] points, int count, double[] values, double[][] gradients) {
        double[] xs = points[0];
        double[] ys = points[1];
        double[] gx = gradients[0];
        double[] gy = gradients[1];
        for (int p = 0; p < count; p++) {
            double x = xs[p];
            double y = ys[p];
            double x3 = 3 * x;
            values[p] = x * x + x3 * y;
            gx[p] = 2 * x + 3 * y;
            gy[p] = x3;
        }
    }
}
