package dev.partials.dual;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.dual.internal.TestData;
import java.util.List;

/** The benchmark functions of BENCH-FUNCTIONS.md, as formulas, with their points. */
final class Functions {

    private Functions() {
    }

    static final Formula SEED = Formula.parse("x^2 + 3*x*y");
    static final double[] SEED_POINT = {1, 2};

    static final Formula NEURON = Formula.parse("(sigmoid(w1*1.5 + w2*(-2.0) + b) - 1.0)^2", "w1", "w2", "b");
    static final double[] NEURON_POINT = {0.3, -0.7, 0.1};

    static final Formula RAT43 = Formula.parse("b1 / (1 + exp(b2 - b3*9.0))^(1/b4) - 16.08");
    static final double[] RAT43_POINT = {699.6, 5.27, 0.76, 1.28};

    /** Rosenbrock over x0 … x(n-1), as the traced loop a user writes (a chain of additions). */
    static Formula rosenbrock(int n) {
        return TestData.rosenbrock(n);
    }

    /** x_i = 0.5 + 0.01 i. */
    static double[] rosenbrockPoint(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.01 * i;
        }
        return x;
    }

    static final List<String> BA_VARIABLES = List.of("r0", "r1", "r2", "C0", "C1", "C2", "f", "u0", "v0", "k1", "k2",
            "X0", "X1", "X2", "w");

    /** The bundle-adjustment reprojection residual (2 outputs), traced from Java code. */
    static final Formula BA = Formula.traceVector(BA_VARIABLES, v -> {
        Expression[] r = {v.get("r0"), v.get("r1"), v.get("r2")};
        Expression theta = r[0].pow(2).plus(r[1].pow(2)).plus(r[2].pow(2)).sqrt();
        Expression[] u = new Expression[3];
        Expression[] d = new Expression[3];
        for (int i = 0; i < 3; i++) {
            u[i] = r[i].div(theta);
            d[i] = v.get("X" + i).minus(v.get("C" + i));
        }
        Expression[] k = {
            u[1].times(d[2]).minus(u[2].times(d[1])),
            u[2].times(d[0]).minus(u[0].times(d[2])),
            u[0].times(d[1]).minus(u[1].times(d[0])),
        };
        Expression dot = u[0].times(d[0]).plus(u[1].times(d[1])).plus(u[2].times(d[2]));
        Expression t = dot.times(Expression.constant(1).minus(theta.cos()));
        Expression[] xc = new Expression[3];
        for (int i = 0; i < 3; i++) {
            xc[i] = d[i].times(theta.cos()).plus(k[i].times(theta.sin())).plus(u[i].times(t));
        }
        Expression p0 = xc[0].div(xc[2]);
        Expression p1 = xc[1].div(xc[2]);
        Expression rho = p0.pow(2).plus(p1.pow(2));
        Expression distortion = Expression.constant(1).plus(v.get("k1").times(rho)).plus(v.get("k2").times(rho.pow(2)));
        Expression w = v.get("w");
        return List.of(
                w.times(p0.times(distortion).times(v.get("f")).plus(v.get("u0")).minus(271.760969)),
                w.times(p1.times(distortion).times(v.get("f")).plus(v.get("v0")).minus(834.209256)));
    });

    static final double[] BA_POINT = {-0.758453, -1.109613, -0.845551, 34.556073, 39.676747, 53.881673, 419.194514,
        5.864426, -8.518870, 0.087812, 0.002739, 7.203245, 0.001144, 3.023326, 0.417022};
}
