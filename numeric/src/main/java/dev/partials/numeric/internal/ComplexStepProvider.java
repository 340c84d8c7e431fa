package dev.partials.numeric.internal;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;

/**
 * The {@code complex-step} provider: first derivatives as {@code Im f(x + ih) / h} with
 * {@code h = 2^-664}, one complex evaluation of the program per direction (a gradient or Jacobian in n
 * passes, a Jacobian-vector product in one). There is no subtraction, so no cancellation: the results
 * are exact to rounding, and the conventions at kinks and domain edges are those of
 * {@link dev.partials.Op} (see {@link ComplexEvaluator}). Hence {@code exact = true}, first order only.
 */
public final class ComplexStepProvider implements PartialDerivative {

    /** Exact to rounding, first order only, no error estimates (there is no truncation error to estimate). */
    static final Capabilities CAPABILITIES = new Capabilities(true, 1, false, false, false, false);

    /** The provider; cheap, all work happens in {@link #prepare}. */
    public ComplexStepProvider() {
    }

    @Override
    public String id() {
        return "complex-step";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Derivatives prepare(Formula formula) {
        return new ComplexStepDerivatives(this, formula);
    }

    @Override
    public String description() {
        return "complex-step derivative Im f(x + ih)/h, h = 2^-664: first order, exact to rounding";
    }

    @Override
    public String toString() {
        return id();
    }
}
