package dev.partials.numeric.internal;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import dev.partials.numeric.FiniteDifference;
import java.util.Objects;

/**
 * The {@code finite-difference} provider: stencils, Ridders–Richardson extrapolation and an error
 * estimate beside every value. The no-argument constructor (used by {@link java.util.ServiceLoader})
 * takes {@link FiniteDifference.Options#DEFAULTS}; {@link FiniteDifference#builder()} configures
 * others. See {@link FiniteDifference} for the method.
 */
public final class FiniteDifferenceProvider implements PartialDerivative {

    /** Approximate, orders up to 4 (mixed too), error estimates. */
    static final Capabilities CAPABILITIES = new Capabilities(false, FiniteDifferenceDerivatives.MAX_ORDER,
            true, false, false, true);

    private final FiniteDifference.Options options;

    /** The provider with the default options. */
    public FiniteDifferenceProvider() {
        this(FiniteDifference.Options.DEFAULTS);
    }

    /** The provider with {@code options}. */
    public FiniteDifferenceProvider(FiniteDifference.Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return "finite-difference";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Derivatives prepare(Formula formula) {
        return new FiniteDifferenceDerivatives(this, formula, options);
    }

    @Override
    public String description() {
        FiniteDifference.Options o = options;
        return "finite differences: " + o.method().name().toLowerCase(java.util.Locale.ROOT) + " stencils of order "
                + o.accuracy() + (o.richardsonTerms() > 1 ? ", Ridders extrapolation over " + o.richardsonTerms()
                + " steps" : ", one step") + ", error estimates";
    }

    /** The options of this provider. */
    public FiniteDifference.Options options() {
        return options;
    }

    @Override
    public String toString() {
        return id() + " " + options;
    }
}
