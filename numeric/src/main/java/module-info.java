/**
 * The approximate providers of partials: {@code finite-difference} (stencils of selectable order,
 * Ridders–Richardson extrapolation, an error estimate beside every value) and {@code complex-step}
 * (first derivatives from one complex evaluation per direction, exact to rounding).
 *
 * <p>The registered providers use the defaults documented in {@link dev.partials.numeric.FiniteDifference};
 * {@code FiniteDifference.builder()} configures another instance (method, accuracy order, step,
 * Richardson terms, bounds).
 *
 * @provides dev.partials.PartialDerivative {@code "finite-difference"} and {@code "complex-step"}
 * @since 0.1
 */
module dev.partials.numeric {
    requires transitive dev.partials.api;

    exports dev.partials.numeric;

    provides dev.partials.PartialDerivative with
            dev.partials.numeric.internal.FiniteDifferenceProvider,
            dev.partials.numeric.internal.ComplexStepProvider;
}
