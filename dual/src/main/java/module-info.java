/**
 * The {@code dual} provider: forward-mode dual numbers (arrives with its issue).
 */
module dev.partials.dual {
    requires dev.partials.api;
}
