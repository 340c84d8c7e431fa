package dev.partials.bench.functions;

import dev.partials.Formula;
import org.hipparchus.CalculusFieldElement;

/**
 * {@code rat43}: one residual of the NIST StRD Rat43 model at x = 9, y = 16.08,
 * f(b1, b2, b3, b4) = b1 / (1 + exp(b2 - 9 b3))^(1/b4) - 16.08, at (699.6, 5.27, 0.76, 1.28).
 *
 * <p>With E = exp(b2 - 9 b3), u = 1 + E, L = log u, a = 1/b4, q = u^(-a) = exp(-a L) and t = E/u:
 * ∂f/∂b1 = q, ∂f/∂b2 = -a b1 t q, ∂f/∂b3 = -9 ∂f/∂b2, ∂f/∂b4 = a² b1 q L. Second order, through
 * y = b2 - 9 b3: q_y = -a t q, q_yy = -a q t (1 - t - a t), q_4 = a² q L, q_44 = a³ q L (a L - 2),
 * q_y4 = a² t q (1 - a L).
 */
public final class Rat43 implements ScalarFunction {

    private static final double X = 9.0;
    private static final double Y = 16.08;

    private final Formula formula = Formula.parse("b1 / (1 + exp(b2 - b3*9.0))^(1/b4) - 16.08");

    @Override
    public String name() {
        return "rat43";
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public double[] point() {
        return new double[] {699.6, 5.27, 0.76, 1.28};
    }

    @Override
    public double value(double[] b) {
        return b[0] / Math.pow(1 + Math.exp(b[1] - b[2] * X), 1 / b[3]) - Y;
    }

    @Override
    public double valueAndGradient(double[] b, double[] g) {
        double b1 = b[0];
        double e = Math.exp(b[1] - b[2] * X);
        double u = 1 + e;
        double l = Math.log(u);
        double a = 1 / b[3];
        double q = Math.exp(-a * l);
        double b1q = b1 * q;
        double dy = -a * (e / u) * b1q;
        g[0] = q;
        g[1] = dy;
        g[2] = -X * dy;
        g[3] = a * a * b1q * l;
        return b1q - Y;
    }

    @Override
    public void hessian(double[] b, double[] h) {
        double b1 = b[0];
        double e = Math.exp(b[1] - b[2] * X);
        double u = 1 + e;
        double l = Math.log(u);
        double a = 1 / b[3];
        double q = Math.exp(-a * l);
        double t = e / u;
        double qy = -a * t * q;
        double qyy = -a * q * t * (1 - t - a * t);
        double q4 = a * a * q * l;
        double q44 = a * a * a * q * l * (a * l - 2);
        double qy4 = a * a * t * q * (1 - a * l);
        double fyy = b1 * qyy;
        double fy4 = b1 * qy4;
        h[0] = 0;
        h[1] = qy;
        h[2] = -X * qy;
        h[3] = q4;
        h[4] = qy;
        h[5] = fyy;
        h[6] = -X * fyy;
        h[7] = fy4;
        h[8] = -X * qy;
        h[9] = -X * fyy;
        h[10] = X * X * fyy;
        h[11] = -X * fy4;
        h[12] = q4;
        h[13] = fy4;
        h[14] = -X * fy4;
        h[15] = b1 * q44;
    }

    @Override
    public <T extends CalculusFieldElement<T>> T apply(T[] b) {
        T denominator = b[1].subtract(b[2].multiply(X)).exp().add(1).pow(b[3].reciprocal());
        return b[0].divide(denominator).subtract(Y);
    }
}
