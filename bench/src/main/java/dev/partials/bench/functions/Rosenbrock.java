package dev.partials.bench.functions;

import dev.partials.Formula;
import org.hipparchus.CalculusFieldElement;

/**
 * {@code rosenbrock-n}: f(x) = Σ_{i=0}^{n-2} 100 (x_{i+1} - x_i²)² + (1 - x_i)², at x_i = 0.5 + 0.01 i.
 *
 * <p>With d_i = x_{i+1} - x_i² and e_i = 1 - x_i, term i adds -400 x_i d_i - 2 e_i to ∂f/∂x_i and
 * 200 d_i to ∂f/∂x_{i+1}; the Hessian is tridiagonal: term i adds 1200 x_i² - 400 x_{i+1} + 2 to
 * H_ii, 200 to H_{i+1,i+1} and -400 x_i to H_{i,i+1} = H_{i+1,i}. A careful engineer exploits that
 * sparsity: O(n) per gradient and per Hessian.
 */
public final class Rosenbrock implements BatchFunction {

    /** Points per block of the batch loop: 9 columns of 512 doubles stay in L1/L2 across the term loop. */
    private static final int BLOCK = 512;

    private final int n;
    private final Formula formula;

    /** Rosenbrock in n ≥ 2 variables x0 … x(n-1). */
    public Rosenbrock(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Rosenbrock needs n >= 2, got " + n);
        }
        this.n = n;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n - 1; i++) {
            if (i > 0) {
                sb.append(" + ");
            }
            sb.append("100*(x").append(i + 1).append(" - x").append(i).append("^2)^2 + (1 - x").append(i).append(")^2");
        }
        this.formula = Formula.parse(sb.toString());
    }

    @Override
    public String name() {
        return "rosenbrock-" + n;
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double[] point() {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.01 * i;
        }
        return x;
    }

    @Override
    public double value(double[] x) {
        double f = 0;
        for (int i = 0; i < n - 1; i++) {
            double xi = x[i];
            double d = x[i + 1] - xi * xi;
            double e = 1 - xi;
            f += 100 * d * d + e * e;
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        double f = 0;
        double carry = 0; // 200 d_{i-1}: term i-1's share of ∂f/∂x_i
        for (int i = 0; i < n - 1; i++) {
            double xi = x[i];
            double d = x[i + 1] - xi * xi;
            double e = 1 - xi;
            f += 100 * d * d + e * e;
            g[i] = carry - 400 * xi * d - 2 * e;
            carry = 200 * d;
        }
        g[n - 1] = carry;
        return f;
    }

    @Override
    public void hessian(double[] x, double[] h) {
        // Only the tridiagonal band is written: everything else is structurally zero.
        double carry = 0;
        for (int i = 0; i < n - 1; i++) {
            double xi = x[i];
            double off = -400 * xi;
            h[i * n + i] = carry + 1200 * xi * xi - 400 * x[i + 1] + 2;
            h[i * n + i + 1] = off;
            h[(i + 1) * n + i] = off;
            carry = 200;
        }
        h[(n - 1) * n + n - 1] = carry;
    }

    @Override
    public <T extends CalculusFieldElement<T>> T apply(T[] x) {
        T f = x[0].getField().getZero();
        for (int i = 0; i < n - 1; i++) {
            T d = x[i + 1].subtract(x[i].square());
            T e = x[i].negate().add(1);
            f = f.add(d.square().multiply(100)).add(e.square());
        }
        return f;
    }

    @Override
    public void valueLoop(double[][] points, int count, double[] values) {
        for (int start = 0; start < count; start += BLOCK) {
            int end = Math.min(count, start + BLOCK);
            for (int i = 0; i < n - 1; i++) {
                double[] xi = points[i];
                double[] xn = points[i + 1];
                if (i == 0) {
                    for (int p = start; p < end; p++) {
                        double d = xn[p] - xi[p] * xi[p];
                        double e = 1 - xi[p];
                        values[p] = 100 * d * d + e * e;
                    }
                } else {
                    for (int p = start; p < end; p++) {
                        double d = xn[p] - xi[p] * xi[p];
                        double e = 1 - xi[p];
                        values[p] += 100 * d * d + e * e;
                    }
                }
            }
        }
    }

    @Override
    public void valueAndGradientLoop(double[][] points, int count, double[] values, double[][] gradients) {
        // Cache-blocked: for a block of points, one pass per term over short columns that C2 vectorises.
        for (int start = 0; start < count; start += BLOCK) {
            int end = Math.min(count, start + BLOCK);
            for (int i = 0; i < n - 1; i++) {
                double[] xi = points[i];
                double[] xn = points[i + 1];
                double[] gi = gradients[i];
                double[] gn = gradients[i + 1];
                if (i == 0) {
                    for (int p = start; p < end; p++) {
                        double x = xi[p];
                        double d = xn[p] - x * x;
                        double e = 1 - x;
                        values[p] = 100 * d * d + e * e;
                        gi[p] = -400 * x * d - 2 * e;
                        gn[p] = 200 * d;
                    }
                } else {
                    for (int p = start; p < end; p++) {
                        double x = xi[p];
                        double d = xn[p] - x * x;
                        double e = 1 - x;
                        values[p] += 100 * d * d + e * e;
                        gi[p] += -400 * x * d - 2 * e;
                        gn[p] = 200 * d;
                    }
                }
            }
        }
    }
}
