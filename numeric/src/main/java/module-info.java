/**
 * The {@code finite-difference} and {@code complex-step} providers (arrive with their issue).
 */
module dev.partials.numeric {
    requires dev.partials.api;
}
