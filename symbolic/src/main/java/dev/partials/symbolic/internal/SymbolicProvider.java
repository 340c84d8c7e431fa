package dev.partials.symbolic.internal;

import dev.partials.Capabilities;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import dev.partials.symbolic.SymbolicDerivatives;
import java.util.Objects;

/**
 * The provider {@code symbolic}: symbolic differentiation of the formula's expressions with the
 * {@link Rules}, simplification to the canonical form of {@link Algebra}, and evaluation of the
 * derivative expressions compiled to a {@link dev.partials.spi.Program}.
 *
 * <p>Exact (no truncation error), any order, mixed partials, symbolic output; not batched, no error
 * estimates. Cheap to construct; {@link #prepare} converts the formula to canonical form, and each
 * derivative is computed on first request.
 */
public final class SymbolicProvider implements PartialDerivative {

    /** The provider's id. */
    public static final String ID = "symbolic";

    private static final Capabilities CAPABILITIES =
            new Capabilities(true, Capabilities.UNBOUNDED, true, false, true, false);

    /** The provider; cheap. */
    public SymbolicProvider() {
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
        return "symbolic differentiation with simplification, exact rational constants, text and LaTeX output";
    }

    @Override
    public SymbolicDerivatives prepare(Formula formula) {
        return new Prepared(this, Objects.requireNonNull(formula, "formula"));
    }

    @Override
    public String toString() {
        return ID;
    }
}
