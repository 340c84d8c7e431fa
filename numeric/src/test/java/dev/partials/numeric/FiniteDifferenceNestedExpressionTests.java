package dev.partials.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Estimate;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import org.junit.jupiter.api.Test;

/**
 * Error estimates on nested elementary expressions that the conformance kit's cross-validation found
 * optimistic (issue 8): the finite-difference estimate must bound the true error, measured against a
 * closed form evaluated in double (its own rounding, a few ulps of the exact value, is allowed for).
 *
 * <p>Before the fix the Ridders sequence stopped after T steps as soon as its estimate reached half
 * the digits; on these functions the extrapolations of two successive steps agreed by far more than
 * their true error (ratios 10× to 44× of true error to estimate, listed per case).
 */
class FiniteDifferenceNestedExpressionTests {

    private static final PartialDerivative FD = PartialDerivative.of("finite-difference");

    private static Estimate estimate(String source, String[] variables, double[] point, int... index) {
        return FD.prepare(Formula.parse(source, variables)).partialEstimate(0, MultiIndex.of(index), point);
    }

    /** The estimate bounds |value - exact|, up to 8 ulps of the closed form's own rounding. */
    private static void assertHonest(Estimate e, double exact, String what) {
        double error = Math.abs(e.value() - exact) - 8 * Math.ulp(exact);
        assertThat(e.error()).as("%s: value %s, exact %s, estimate", what, e.value(), exact)
                .isGreaterThanOrEqualTo(error);
        assertThat(e.value()).as(what).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(exact))));
    }

    @Test
    void thirdDerivativeOfTanOfSinh() {
        // was 80.88947950502858 ± 5.69e-9, error 6.69e-8
        double x = 1.875;
        double t = Math.tan(Math.sinh(x));
        double s = 1 + t * t;
        double u1 = Math.cosh(x);
        double u2 = Math.sinh(x);
        double u3 = Math.cosh(x);
        double exact = (2 * s * s + 4 * t * t * s) * u1 * u1 * u1 + 6 * t * s * u1 * u2 + s * u3;
        assertHonest(estimate("tan(sinh(x))", new String[] {"x"}, new double[] {x}, 3), exact, "d3 tan(sinh x)");
    }

    @Test
    void secondDerivativeThroughSoftplusAndAtan2() {
        // seed -5618171240646055667: difference 2.23e-12 against a tolerance of 1.87e-12
        double x = 2.5;
        double y = 0.875;
        double z = -2.25;
        double u = x - (Math.tanh(z) + Math.atan2(z, y));
        double r2 = y * y + z * z;
        double uy = z / r2;
        double uyy = -2 * y * z / (r2 * r2);
        double sp = Math.log1p(Math.exp(u));
        double sigma = 1 / (1 + Math.exp(-u));
        double g1 = -Math.sin(sp) * sigma;
        double g2 = -Math.cos(sp) * sigma * sigma - Math.sin(sp) * sigma * (1 - sigma);
        double exact = g2 * uy * uy + g1 * uyy;
        Estimate e = estimate("cos(softplus(x - (tanh(z) + atan2(z, y))))", new String[] {"x", "y", "z"},
                new double[] {x, y, z}, 0, 2, 0);
        assertHonest(e, exact, "d2/dy2");
    }

    @Test
    void mixedDerivativeThroughTanhOfAtan2() {
        // seed -5950404689204759677: difference 3.7e-13 against a tolerance of 1.8e-13
        double x = 1.375;
        double y = 1.75;
        double r2 = x * x + y * y;
        double theta = Math.atan2(y, x);
        double tx = -y / r2;
        double ty = x / r2;
        double txy = (y * y - x * x) / (r2 * r2);
        double t = Math.tanh(theta);
        double t1 = 1 - t * t;
        double t2 = -2 * t * t1;
        double v = t - 5.0 / 4 / y;
        double vx = t1 * tx;
        double vy = t1 * ty + 5.0 / (4 * y * y);
        double vxy = t2 * tx * ty + t1 * txy;
        double exact = Math.sinh(v) * vx * vy + Math.cosh(v) * vxy;
        Estimate e = estimate("sinh(tanh(atan2(y, x)) - 5/4/y)", new String[] {"x", "y"}, new double[] {x, y}, 1, 1);
        assertHonest(e, exact, "d2/dxdy");
    }

    @Test
    void atan2OfPowers() {
        // seed -1068794702788392801: atan2(x^8, x^2) = atan(x^6); difference 6.34e-11, tolerance 6.10e-11
        double x = -1.75;
        double exact = 6 * Math.pow(x, 5) / (1 + Math.pow(x, 12));
        assertHonest(estimate("atan2((x*x)^4, x*x)", new String[] {"x"}, new double[] {x}, 1), exact, "d/dx");
    }

    @Test
    void atanOfAffineFunctionWithNearbySingularities() {
        // seed -7564861261860695487: error 5.9e-10 against an estimate of 1.34e-11
        String f = "atan(5*x1 + 4*x2 + 19/8)";
        String[] v = {"x1", "x2"};
        double[] p = {-1.625, 0.625};
        double u = 5 * p[0] + 4 * p[1] + 19.0 / 8;
        assertHonest(estimate(f, v, p, 1, 0), 5 / (1 + u * u), "d/dx1");
        assertHonest(estimate(f, v, p, 0, 1), 4 / (1 + u * u), "d/dx2");
    }

    @Test
    void atanOfQuadraticAtZero() {
        // seed 5489911017501251428: -1.799999967870102 (error 3.2e-8) against an estimate of 3.0e-9
        Estimate e = estimate("atan(-9*x1^2 - (3*x1^2 + 9/5*x1))", new String[] {"x1"}, new double[] {0}, 1);
        assertHonest(e, -(9.0 / 5), "d/dx1");
    }

    @Test
    void zerosOfProducts() {
        // seed 6684956130943060491
        assertHonest(estimate("x^5*y^3", new String[] {"x", "y"}, new double[] {0, 3}, 1, 0), 0, "d/dx");
        // a zero of order 6 away from the origin: was 8.09e-24 with an estimate of 2.1e-24
        assertHonest(estimate("0.6667126488051744*x^8*(y+2.3125)^6", new String[] {"x", "y"},
                new double[] {0.09706919893710501, -2.3125}, 0, 4), 0, "d4/dy4");
    }
}
