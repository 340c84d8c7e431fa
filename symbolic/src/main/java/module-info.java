/**
 * The {@code symbolic} provider: symbolic differentiation with simplification (arrives with its issue).
 */
module dev.partials.symbolic {
    requires dev.partials.api;
}
