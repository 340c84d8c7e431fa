package dev.partials.dual.internal;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import java.util.Objects;

/**
 * The provider {@code "dual"}: forward-mode automatic differentiation over the compiled
 * {@link dev.partials.spi.Program}, exact to rounding.
 *
 * <ul>
 * <li>First order (gradient, Jacobian, JVP): chunked dual numbers, {@link Tape#CHUNK} partials per
 *     pass, each pass restricted to the slots that depend on its chunk of variables.</li>
 * <li>Hessian: second-order forward mode over each slot's own variables ({@link HessianPlan}).</li>
 * <li>Any partial up to order {@link #MAX_ORDER}, mixed too: truncated multivariate Taylor arithmetic
 *     over the variables of the multi-index ({@link Jets}).</li>
 * </ul>
 *
 * <p>For repeated calls the first-order passes and the Hessian plans are compiled to JVM bytecode,
 * bit for bit equal to the interpreters (see the package documentation; the system property
 * {@code partials.dual.compile=auto|always|never} selects the engine, default {@code auto}).
 *
 * <p>Construction is free; all work happens in {@link #prepare}. Found by
 * {@code PartialDerivative.of("dual")} through the module's {@code provides} clause or
 * {@code META-INF/services}.
 *
 * @since 0.1
 */
public final class DualProvider implements PartialDerivative {

    /** The provider id. */
    public static final String ID = "dual";

    /**
     * The highest order served. The jet arithmetic is exact to rounding at any order; the cost of
     * one partial grows with the box Π(α_i + 1) of its multi-index (up to 2^order coefficients when
     * every variable is distinct, 3^order operations per product), which this bound keeps below a
     * second for formulas of ordinary size.
     */
    public static final int MAX_ORDER = 16;

    private static final Capabilities CAPABILITIES = new Capabilities(true, MAX_ORDER, true, false, false, false);

    /** The provider; cheap (the service loader calls it). */
    public DualProvider() {
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
        return "forward-mode dual numbers: chunked first order, second-order forward Hessians, "
                + "Taylor jets for any mixed partial up to order " + MAX_ORDER;
    }

    @Override
    public Derivatives prepare(Formula formula) {
        Objects.requireNonNull(formula, "formula");
        return new DualDerivatives(this, formula);
    }

    @Override
    public String toString() {
        return "PartialDerivative[" + ID + "]";
    }
}
