package dev.partials.bench.functions;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.CalculusFieldElement;

/**
 * {@code logistic-n}: the logistic-regression loss (negative log-likelihood) of n weights over 100
 * generated data points, L(w) = Σ_i softplus(z_i) - y_i z_i with z_i = w · x_i; traced from Java code
 * with {@link Formula#trace}.
 *
 * <p>Data, from {@code SplittableRandom(20261126)}: true weights t_j uniform in [-1, 1), then for each
 * point x_ij uniform in [-1, 1) and a label y_i = 1 with probability σ(t · x_i); the benchmark point
 * w_j is uniform in [-0.5, 0.5), drawn last.
 *
 * <p>∇L = Σ_i (σ(z_i) - y_i) x_i and H = Σ_i σ(z_i)(1 - σ(z_i)) x_i x_iᵀ (dense).
 */
public final class LogisticRegression implements ScalarFunction {

    /** Data points in the loss. */
    public static final int POINTS = 100;

    private final int n;
    private final double[] data; // row-major POINTS × n
    private final double[] labels;
    private final double[] point;
    private final List<String> variables;
    private final Formula formula;

    /** The loss over {@link #POINTS} generated points with n weights w0 … w(n-1). */
    public LogisticRegression(int n) {
        this.n = n;
        SplittableRandom rng = new SplittableRandom(Suite.SEED);
        double[] truth = new double[n];
        for (int j = 0; j < n; j++) {
            truth[j] = rng.nextDouble(-1, 1);
        }
        data = new double[POINTS * n];
        labels = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) {
                double v = rng.nextDouble(-1, 1);
                data[i * n + j] = v;
                z += truth[j] * v;
            }
            labels[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        point = new double[n];
        for (int j = 0; j < n; j++) {
            point[j] = rng.nextDouble(-0.5, 0.5);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            names.add("w" + j);
        }
        variables = List.copyOf(names);
        formula = Formula.trace(variables, w -> {
            Expression loss = null;
            for (int i = 0; i < POINTS; i++) {
                Expression z = w.get(0).times(data[i * n]);
                for (int j = 1; j < n; j++) {
                    z = z.plus(w.get(j).times(data[i * n + j]));
                }
                Expression term = z.softplus().minus(z.times(labels[i]));
                loss = loss == null ? term : loss.plus(term);
            }
            return loss;
        });
    }

    @Override
    public String name() {
        return "logistic-" + n;
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
        return point.clone();
    }

    private double dot(double[] w, int row) {
        int base = row * n;
        double z = 0;
        for (int j = 0; j < n; j++) {
            z += w[j] * data[base + j];
        }
        return z;
    }

    @Override
    public double value(double[] w) {
        double loss = 0;
        for (int i = 0; i < POINTS; i++) {
            double z = dot(w, i);
            loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - labels[i] * z;
        }
        return loss;
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        Arrays.fill(g, 0, n, 0.0);
        double loss = 0;
        for (int i = 0; i < POINTS; i++) {
            double z = dot(w, i);
            double e = Math.exp(-Math.abs(z)); // shared by softplus and σ, never overflows
            double s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            loss += Math.max(z, 0) + Math.log1p(e) - labels[i] * z;
            double r = s - labels[i];
            int base = i * n;
            for (int j = 0; j < n; j++) {
                g[j] += r * data[base + j];
            }
        }
        return loss;
    }

    @Override
    public void hessian(double[] w, double[] h) {
        Arrays.fill(h, 0, n * n, 0.0);
        for (int i = 0; i < POINTS; i++) {
            double z = dot(w, i);
            double e = Math.exp(-Math.abs(z));
            double c = e / ((1 + e) * (1 + e)); // σ(z)(1 - σ(z)), symmetric in z
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double cx = c * data[base + j];
                int row = j * n;
                for (int k = j; k < n; k++) {
                    h[row + k] += cx * data[base + k];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                h[k * n + j] = h[j * n + k];
            }
        }
    }

    @Override
    public <T extends CalculusFieldElement<T>> T apply(T[] w) {
        T loss = w[0].getField().getZero();
        for (int i = 0; i < POINTS; i++) {
            int base = i * n;
            T z = w[0].multiply(data[base]);
            for (int j = 1; j < n; j++) {
                z = z.add(w[j].multiply(data[base + j]));
            }
            T softplus = z.getReal() > 0 ? z.add(z.negate().exp().log1p()) : z.exp().log1p();
            loss = loss.add(softplus.subtract(z.multiply(labels[i])));
        }
        return loss;
    }
}
