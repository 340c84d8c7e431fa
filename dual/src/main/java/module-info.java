/**
 * The {@code dual} provider: forward-mode automatic differentiation with dual numbers — chunked
 * gradients and Jacobians, second-order forward Hessians, and Taylor jets for any mixed partial.
 *
 * <p>Exports {@code dev.partials.dual} for the {@link dev.partials.dual.Dual} value type, which users
 * write ordinary Java with; the provider itself lives in a package that is not exported and is
 * reached only through the service type.
 *
 * @provides dev.partials.PartialDerivative the provider {@code "dual"}
 */
module dev.partials.dual {
    requires dev.partials.api;

    exports dev.partials.dual;

    provides dev.partials.PartialDerivative with dev.partials.dual.internal.DualProvider;
}
