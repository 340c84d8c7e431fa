package com.example.partials.centraldiff;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.spi.Checks;
import dev.partials.spi.Program;

/**
 * The {@code central-difference} provider: first partial derivatives by the central difference
 * {@code (f(x + h·e_j) − f(x − h·e_j)) / 2h}, an example of a third-party provider that depends only
 * on the partials API.
 *
 * <ul>
 * <li><b>Step.</b> {@code h = ∛ε · max(|x_j|, 1)} (ε = 2^-52), which balances the truncation error
 *     {@code h²·|f'''|/6} against the rounding error {@code ε·|f|/h}. The step actually taken is
 *     {@code (x_j + h) − (x_j − h)}, so that the divisor is exactly the distance between the two
 *     points evaluated.</li>
 * <li><b>Error estimate.</b> The difference is taken with steps h and 2h; since the truncation error
 *     grows as h², {@code |D(h) − D(2h)| / 3} estimates the truncation error of {@code D(h)}
 *     (Richardson), to which a rounding term {@code ε·|f|/h} is added.</li>
 * <li><b>Structural zeros.</b> A partial by a variable the output does not depend on
 *     ({@link Program#dependsOn(int, int)}) is exactly 0, with error 0.</li>
 * <li><b>Capabilities.</b> Approximate, first order only, no mixed partials, no native batches, no
 *     symbolic output, error estimates.</li>
 * </ul>
 *
 * {@snippet :
 * Derivatives d = PartialDerivative.of("central-difference").prepare(Formula.parse("x^2 + 3*x*y"));
 * double[] g = d.gradient(1, 2);                 // ≈ {8, 3}
 * }
 */
public final class CentralDifference implements PartialDerivative {

    /** The provider's id. */
    public static final String ID = "central-difference";

    private static final Capabilities CAPABILITIES = new Capabilities(false, 1, false, false, false, true);
    private static final double EPS = Math.ulp(1.0);
    private static final double STEP = Math.cbrt(EPS);

    /** Creates the provider; cheap (all work happens in {@link #prepare}). */
    public CentralDifference() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String description() {
        return "central difference, step cbrt(eps)*max(|x|,1), error from steps h and 2h (example third-party provider)";
    }

    @Override
    public Derivatives prepare(Formula formula) {
        return new Prepared(this, formula, formula.program());
    }

    /** The prepared derivatives: immutable; each call uses its own work arrays. */
    private record Prepared(CentralDifference provider, Formula formula, Program program) implements Derivatives {

        @Override
        public void values(double[] point, double[] out) {
            Checks.point(formula, point);
            Checks.length("values", out, formula.outputCount());
            program.evaluate(point, new double[program.size()], out);
        }

        @Override
        public double partial(int output, MultiIndex index, double[] point) {
            return estimate(output, index, point, false).value();
        }

        @Override
        public Estimate partialEstimate(int output, MultiIndex index, double[] point) {
            return estimate(output, index, point, true);
        }

        private Estimate estimate(int output, MultiIndex index, double[] point, boolean withError) {
            Checks.output(formula, output);
            Checks.point(formula, point);
            Checks.index(ID, CAPABILITIES, formula, index);
            double[] work = new double[program.size()];
            double[] out = new double[program.outputCount()];
            if (index.order() == 0) {
                program.evaluate(point, work, out);
                double v = out[output];
                return new Estimate(v, withError ? EPS * Math.abs(v) : 0);
            }
            int j = index.firstVariable();
            if (!program.dependsOn(program.outputSlot(output), j)) {
                return new Estimate(0, 0);
            }
            double[] x = point.clone();
            double h = STEP * Math.max(Math.abs(point[j]), 1);
            double[] d = difference(output, x, j, h, work, out);
            if (!withError) {
                return new Estimate(d[0], 0);
            }
            double[] d2 = difference(output, x, j, 2 * h, work, out);
            double error = Math.abs(d[0] - d2[0]) / 3 + EPS * d[1] / d[2];
            return new Estimate(d[0], error);
        }

        /** {D(h), max |f| at the two points, the step actually taken}, restoring {@code x[j]}. */
        private double[] difference(int output, double[] x, int j, double h, double[] work, double[] out) {
            double xj = x[j];
            double plus = xj + h;
            double minus = xj - h;
            x[j] = plus;
            program.evaluate(x, work, out);
            double fPlus = out[output];
            x[j] = minus;
            program.evaluate(x, work, out);
            double fMinus = out[output];
            x[j] = xj;
            double width = plus - minus;
            return new double[] {(fPlus - fMinus) / width, Math.max(Math.abs(fPlus), Math.abs(fMinus)), width / 2};
        }
    }
}
