package dev.partials;

/**
 * What a provider can compute, as data: callers choose a provider by reading it, and a request beyond
 * it fails with a {@link PartialsException} that names a provider that can serve it.
 *
 * {@snippet :
 * PartialDerivative best = PartialDerivative.all().stream()
 *         .filter(p -> p.capabilities().exact() && p.capabilities().supportsOrder(3))
 *         .findFirst().orElseThrow();
 * }
 *
 * @param exact            results are exact up to floating-point rounding (no truncation error)
 * @param maxOrder         the highest total derivative order served ({@link #UNBOUNDED} for any)
 * @param mixedPartials    mixed partials such as ∂²/∂x∂y are served (up to {@code maxOrder})
 * @param batched          many points are evaluated natively at once (the batch methods of
 *                         {@link Derivatives} are fast, not a loop over points)
 * @param symbolicOutput   the derivative is available as an {@link Expression}
 * @param errorEstimates   every result comes with an estimate of its error
 * @since 0.1
 */
public record Capabilities(boolean exact, int maxOrder, boolean mixedPartials, boolean batched,
                           boolean symbolicOutput, boolean errorEstimates) {

    /** {@link #maxOrder()} of a provider with no order limit (beyond {@link Limits#MAX_ORDER}). */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Checks {@code maxOrder} is at least 1. */
    public Capabilities {
        if (maxOrder < 1) {
            throw new IllegalArgumentException("maxOrder must be at least 1, got " + maxOrder);
        }
    }

    /** Whether a partial of total order {@code order} is served. */
    public boolean supportsOrder(int order) {
        return order <= maxOrder;
    }

    /** Whether the partial {@code index} is served (its order, and mixed partials if it is mixed). */
    public boolean supports(MultiIndex index) {
        return supportsOrder(index.order()) && (mixedPartials || !index.isMixed());
    }

    /** {@code "exact, order <= 4, mixed, batched"}: a short human description. */
    public String summary() {
        StringBuilder sb = new StringBuilder(exact ? "exact" : "approximate");
        sb.append(", order ").append(maxOrder == UNBOUNDED ? "any" : "<= " + maxOrder);
        if (mixedPartials) {
            sb.append(", mixed");
        }
        if (batched) {
            sb.append(", batched");
        }
        if (symbolicOutput) {
            sb.append(", symbolic");
        }
        if (errorEstimates) {
            sb.append(", error estimates");
        }
        return sb.toString();
    }
}
