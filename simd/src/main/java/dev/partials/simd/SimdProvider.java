package dev.partials.simd;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.util.Objects;

/**
 * The provider {@code simd}: first-order forward mode over the {@link dev.partials.spi.Program} of a
 * formula, with the points of a batch in the lanes of {@code DoubleVector.SPECIES_PREFERRED}.
 *
 * <p>Capabilities: exact (to rounding), first order (values, gradients, Jacobians, Jacobian-vector
 * products), batched. Hessians and higher orders are refused with
 * {@link PartialsException.Kind#ORDER_NOT_SUPPORTED}, naming the providers that can serve them.
 *
 * <p>This class does not touch {@code jdk.incubator.vector}: it can be loaded where the module is not
 * resolved, and its constructor then fails with a {@link PartialsException} that says why and which
 * flag fixes it, so that the registry reports the provider as failed (once) instead of serving a
 * slow scalar imitation.
 *
 * @since 0.1
 */
public final class SimdProvider implements PartialDerivative {

    static final String ID = "simd";

    private static final Capabilities CAPABILITIES = new Capabilities(true, 1, false, true, false, false);

    /**
     * Creates the provider.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#NOT_SUPPORTED} when the module
     *         {@code jdk.incubator.vector} is not resolved in this JVM
     */
    public SimdProvider() {
        VectorModule.require();
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
        return "many points at once with the Vector API: forward mode, first order, points in vector lanes";
    }

    @Override
    public Derivatives prepare(Formula formula) {
        Objects.requireNonNull(formula, "formula");
        return new SimdDerivatives(this, formula, false);
    }

    @Override
    public String toString() {
        return "PartialDerivative[" + ID + "]";
    }
}
