package dev.partials.bench.functions;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.List;
import org.hipparchus.CalculusFieldElement;

/**
 * {@code ba}: the bundle-adjustment reprojection residual of the ADBench paper, 15 variables
 * (r0 r1 r2 C0 C1 C2 f u0 v0 k1 k2 X0 X1 X2 w) and 2 outputs, at camera 0 / point 0 of ADBench's
 * {@code ba1} input:
 *
 * <pre>
 * θ  = |r|;  u = r / θ;  v = X - C;  k = u × v;  t = (u · v)(1 - cos θ)
 * Xc = v cos θ + k sin θ + u t                        (Rodrigues rotation of X - C)
 * p  = (Xc0 / Xc2, Xc1 / Xc2);  ρ = p0² + p1²;  L = 1 + k1 ρ + k2 ρ²
 * residual = w (f L p + (u0, v0) - feature)
 * </pre>
 *
 * <p>The hand-written Jacobian (2 × 15, row-major) applies the chain rule by blocks. With
 * e = f L p + (u0, v0) - feature and L' = k1 + 2 k2 ρ: ∂/∂w = e, ∂/∂u0 = (w, 0), ∂/∂v0 = (0, w),
 * ∂/∂f = w L p, ∂/∂k1 = w f ρ p, ∂/∂k2 = w f ρ² p. Through the projection, G = ∂res/∂p =
 * w f (L I + 2 L' p pᵀ) and M = G ∂p/∂Xc = G [[1, 0, -p0], [0, 1, -p1]] / Xc2. As Xc = R v with
 * R = cos θ I + sin θ [u]× + (1 - cos θ) u uᵀ, the rows of ∂/∂X are Rᵀ m = m cos θ + (m × u) sin θ +
 * (u · m) u (1 - cos θ) for each row m of M, and ∂/∂C = -∂/∂X. For the rotation,
 * ∂Xc/∂θ = -v sin θ + k cos θ + (u · v) u sin θ, ∂u/∂r_j = (e_j - u_j u) / θ and
 * ∂Xc/∂u · δ = sin θ (δ × v) + (1 - cos θ)((δ · v) u + (u · v) δ), so
 * ∂Xc/∂r_j = u_j ∂Xc/∂θ + ∂Xc/∂u · ∂u/∂r_j and ∂res/∂r_j = M ∂Xc/∂r_j.
 */
public final class BundleAdjustment {

    /** Variables, n. */
    public static final int N = 15;
    /** Outputs, m. */
    public static final int M = 2;

    /** The observed feature. */
    static final double FEATURE_U = 271.760969;
    static final double FEATURE_V = 834.209256;

    /** Variable names, in order. */
    public static final List<String> VARIABLES = List.of(
            "r0", "r1", "r2", "C0", "C1", "C2", "f", "u0", "v0", "k1", "k2", "X0", "X1", "X2", "w");

    private final Formula formula = Formula.traceVector(VARIABLES, v -> {
        Expression r0 = v.get("r0");
        Expression r1 = v.get("r1");
        Expression r2 = v.get("r2");
        Expression theta = r0.pow(2).plus(r1.pow(2)).plus(r2.pow(2)).sqrt();
        Expression ux = r0.div(theta);
        Expression uy = r1.div(theta);
        Expression uz = r2.div(theta);
        Expression vx = v.get("X0").minus(v.get("C0"));
        Expression vy = v.get("X1").minus(v.get("C1"));
        Expression vz = v.get("X2").minus(v.get("C2"));
        Expression kx = uy.times(vz).minus(uz.times(vy));
        Expression ky = uz.times(vx).minus(ux.times(vz));
        Expression kz = ux.times(vy).minus(uy.times(vx));
        Expression cos = theta.cos();
        Expression sin = theta.sin();
        Expression t = ux.times(vx).plus(uy.times(vy)).plus(uz.times(vz)).times(Expression.constant(1).minus(cos));
        Expression xc0 = vx.times(cos).plus(kx.times(sin)).plus(ux.times(t));
        Expression xc1 = vy.times(cos).plus(ky.times(sin)).plus(uy.times(t));
        Expression xc2 = vz.times(cos).plus(kz.times(sin)).plus(uz.times(t));
        Expression p0 = xc0.div(xc2);
        Expression p1 = xc1.div(xc2);
        Expression rho = p0.pow(2).plus(p1.pow(2));
        Expression l = Expression.constant(1).plus(v.get("k1").times(rho)).plus(v.get("k2").times(rho.pow(2)));
        Expression f = v.get("f");
        Expression w = v.get("w");
        return List.of(
                w.times(p0.times(l).times(f).plus(v.get("u0")).minus(FEATURE_U)),
                w.times(p1.times(l).times(f).plus(v.get("v0")).minus(FEATURE_V)));
    });

    /** The formula, traced from Java code. */
    public Formula formula() {
        return formula;
    }

    /** A fresh copy of the benchmark point. */
    public double[] point() {
        return new double[] {
            -0.758453, -1.109613, -0.845551,     // r
            34.556073, 39.676747, 53.881673,     // C
            419.194514,                          // f
            5.864426, -8.518870,                 // u0, v0
            0.087812, 0.002739,                  // k1, k2
            7.203245, 0.001144, 3.023326,        // X
            0.417022                             // w
        };
    }

    /** The two residuals, plain Java, into {@code out[0..2)}. */
    public void values(double[] x, double[] out) {
        double r0 = x[0];
        double r1 = x[1];
        double r2 = x[2];
        double theta = Math.sqrt(r0 * r0 + r1 * r1 + r2 * r2);
        double ux = r0 / theta;
        double uy = r1 / theta;
        double uz = r2 / theta;
        double vx = x[11] - x[3];
        double vy = x[12] - x[4];
        double vz = x[13] - x[5];
        double kx = uy * vz - uz * vy;
        double ky = uz * vx - ux * vz;
        double kz = ux * vy - uy * vx;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double t = (ux * vx + uy * vy + uz * vz) * (1 - c);
        double xc0 = vx * c + kx * s + ux * t;
        double xc1 = vy * c + ky * s + uy * t;
        double xc2 = vz * c + kz * s + uz * t;
        double p0 = xc0 / xc2;
        double p1 = xc1 / xc2;
        double rho = p0 * p0 + p1 * p1;
        double l = 1 + x[9] * rho + x[10] * rho * rho;
        double f = x[6];
        double w = x[14];
        out[0] = w * (p0 * l * f + x[7] - FEATURE_U);
        out[1] = w * (p1 * l * f + x[8] - FEATURE_V);
    }

    /**
     * The two residuals into {@code values[0..2)} and the Jacobian, row-major 2 × 15, into
     * {@code jacobian[0..30)}: hand-derived (see the class comment), sharing subexpressions.
     */
    public void valuesAndJacobian(double[] x, double[] values, double[] jacobian) {
        double r0 = x[0];
        double r1 = x[1];
        double r2 = x[2];
        double theta = Math.sqrt(r0 * r0 + r1 * r1 + r2 * r2);
        double it = 1 / theta;
        double ux = r0 * it;
        double uy = r1 * it;
        double uz = r2 * it;
        double vx = x[11] - x[3];
        double vy = x[12] - x[4];
        double vz = x[13] - x[5];
        double kx = uy * vz - uz * vy;
        double ky = uz * vx - ux * vz;
        double kz = ux * vy - uy * vx;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double omc = 1 - c;
        double uv = ux * vx + uy * vy + uz * vz;
        double t = uv * omc;
        double xc0 = vx * c + kx * s + ux * t;
        double xc1 = vy * c + ky * s + uy * t;
        double xc2 = vz * c + kz * s + uz * t;
        double iz = 1 / xc2;
        double p0 = xc0 * iz;
        double p1 = xc1 * iz;
        double rho = p0 * p0 + p1 * p1;
        double k1 = x[9];
        double k2 = x[10];
        double l = 1 + k1 * rho + k2 * rho * rho;
        double f = x[6];
        double w = x[14];
        double e0 = p0 * l * f + x[7] - FEATURE_U;
        double e1 = p1 * l * f + x[8] - FEATURE_V;
        values[0] = w * e0;
        values[1] = w * e1;

        double[] j = jacobian;
        final int row1 = N;
        // intrinsics and weight
        double wl = w * l;
        double wf = w * f;
        double wfr = wf * rho;
        j[6] = wl * p0;
        j[row1 + 6] = wl * p1;
        j[7] = w;
        j[row1 + 7] = 0;
        j[8] = 0;
        j[row1 + 8] = w;
        j[9] = wfr * p0;
        j[row1 + 9] = wfr * p1;
        j[10] = wfr * rho * p0;
        j[row1 + 10] = wfr * rho * p1;
        j[14] = e0;
        j[row1 + 14] = e1;

        // G = ∂res/∂p, then M = G ∂p/∂Xc
        double lp2 = 2 * (k1 + 2 * k2 * rho);
        double g00 = wf * (l + lp2 * p0 * p0);
        double g01 = wf * (lp2 * p0 * p1);
        double g11 = wf * (l + lp2 * p1 * p1);
        double m00 = g00 * iz;
        double m01 = g01 * iz;
        double m02 = -(g00 * p0 + g01 * p1) * iz;
        double m10 = g01 * iz;
        double m11 = g11 * iz;
        double m12 = -(g01 * p0 + g11 * p1) * iz;

        // ∂/∂X = rows Rᵀ m; ∂/∂C = -∂/∂X
        double um0 = (ux * m00 + uy * m01 + uz * m02) * omc;
        double ax0 = m00 * c + (m01 * uz - m02 * uy) * s + ux * um0;
        double ay0 = m01 * c + (m02 * ux - m00 * uz) * s + uy * um0;
        double az0 = m02 * c + (m00 * uy - m01 * ux) * s + uz * um0;
        double um1 = (ux * m10 + uy * m11 + uz * m12) * omc;
        double ax1 = m10 * c + (m11 * uz - m12 * uy) * s + ux * um1;
        double ay1 = m11 * c + (m12 * ux - m10 * uz) * s + uy * um1;
        double az1 = m12 * c + (m10 * uy - m11 * ux) * s + uz * um1;
        j[11] = ax0;
        j[12] = ay0;
        j[13] = az0;
        j[row1 + 11] = ax1;
        j[row1 + 12] = ay1;
        j[row1 + 13] = az1;
        j[3] = -ax0;
        j[4] = -ay0;
        j[5] = -az0;
        j[row1 + 3] = -ax1;
        j[row1 + 4] = -ay1;
        j[row1 + 5] = -az1;

        // rotation: ∂Xc/∂θ, then ∂Xc/∂r_j = u_j ∂Xc/∂θ + ∂Xc/∂u · (e_j - u_j u)/θ
        double sv = s * uv;
        double tx = -vx * s + kx * c + ux * sv;
        double ty = -vy * s + ky * c + uy * sv;
        double tz = -vz * s + kz * c + uz * sv;
        for (int q = 0; q < 3; q++) {
            double uq = q == 0 ? ux : q == 1 ? uy : uz;
            double dx = ((q == 0 ? 1 : 0) - uq * ux) * it;
            double dy = ((q == 1 ? 1 : 0) - uq * uy) * it;
            double dz = ((q == 2 ? 1 : 0) - uq * uz) * it;
            double dv = (dx * vx + dy * vy + dz * vz) * omc;
            double cx = uq * tx + s * (dy * vz - dz * vy) + dv * ux + t * dx;
            double cy = uq * ty + s * (dz * vx - dx * vz) + dv * uy + t * dy;
            double cz = uq * tz + s * (dx * vy - dy * vx) + dv * uz + t * dz;
            j[q] = m00 * cx + m01 * cy + m02 * cz;
            j[row1 + q] = m10 * cx + m11 * cy + m12 * cz;
        }
    }

    /** The residuals on any Hipparchus field, into {@code out[0..2)}. */
    public <T extends CalculusFieldElement<T>> void apply(T[] x, T[] out) {
        T r0 = x[0];
        T r1 = x[1];
        T r2 = x[2];
        T theta = r0.square().add(r1.square()).add(r2.square()).sqrt();
        T ux = r0.divide(theta);
        T uy = r1.divide(theta);
        T uz = r2.divide(theta);
        T vx = x[11].subtract(x[3]);
        T vy = x[12].subtract(x[4]);
        T vz = x[13].subtract(x[5]);
        T kx = uy.multiply(vz).subtract(uz.multiply(vy));
        T ky = uz.multiply(vx).subtract(ux.multiply(vz));
        T kz = ux.multiply(vy).subtract(uy.multiply(vx));
        T c = theta.cos();
        T s = theta.sin();
        T t = ux.multiply(vx).add(uy.multiply(vy)).add(uz.multiply(vz)).multiply(c.negate().add(1));
        T xc0 = vx.multiply(c).add(kx.multiply(s)).add(ux.multiply(t));
        T xc1 = vy.multiply(c).add(ky.multiply(s)).add(uy.multiply(t));
        T xc2 = vz.multiply(c).add(kz.multiply(s)).add(uz.multiply(t));
        T p0 = xc0.divide(xc2);
        T p1 = xc1.divide(xc2);
        T rho = p0.square().add(p1.square());
        T l = x[9].multiply(rho).add(x[10].multiply(rho.square())).add(1);
        T lf = l.multiply(x[6]);
        out[0] = x[14].multiply(p0.multiply(lf).add(x[7]).subtract(FEATURE_U));
        out[1] = x[14].multiply(p1.multiply(lf).add(x[8]).subtract(FEATURE_V));
    }
}
