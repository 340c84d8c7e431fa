package com.example.partials.broken;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.spi.Checks;
import dev.partials.spi.Program;

/**
 * The {@code wrong-sign} provider: a correct central difference, except that it returns −∂f/∂x for
 * the first variable. {@code partials verify --provider wrong-sign} must catch it with a shrunk
 * counterexample.
 */
public final class WrongSignProvider implements PartialDerivative {

    private static final Capabilities CAPABILITIES = new Capabilities(false, 1, false, false, false, false);

    /** Creates the provider. */
    public WrongSignProvider() {
    }

    @Override
    public String id() {
        return "wrong-sign";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String description() {
        return "central difference with the sign of the first partial flipped (deliberately wrong)";
    }

    @Override
    public Derivatives prepare(Formula formula) {
        return new Prepared(this, formula, formula.program());
    }

    private record Prepared(WrongSignProvider provider, Formula formula, Program program) implements Derivatives {

        @Override
        public void values(double[] point, double[] out) {
            Checks.point(formula, point);
            Checks.length("values", out, formula.outputCount());
            program.evaluate(point, new double[program.size()], out);
        }

        @Override
        public double partial(int output, MultiIndex index, double[] point) {
            Checks.output(formula, output);
            Checks.point(formula, point);
            Checks.index("wrong-sign", CAPABILITIES, formula, index);
            double[] work = new double[program.size()];
            double[] out = new double[program.outputCount()];
            if (index.order() == 0) {
                program.evaluate(point, work, out);
                return out[output];
            }
            int j = index.firstVariable();
            if (!program.dependsOn(program.outputSlot(output), j)) {
                return 0;
            }
            double[] x = point.clone();
            double h = Math.cbrt(Math.ulp(1.0)) * Math.max(Math.abs(point[j]), 1);
            double plus = point[j] + h;
            double minus = point[j] - h;
            x[j] = plus;
            program.evaluate(x, work, out);
            double fPlus = out[output];
            x[j] = minus;
            program.evaluate(x, work, out);
            double d = (fPlus - out[output]) / (plus - minus);
            return j == 0 ? -d : d; // the deliberate bug
        }
    }
}
