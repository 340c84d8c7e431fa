/**
 * The {@code simd} provider: many points at once through the Vector API (arrives with its issue).
 */
module dev.partials.simd {
    requires dev.partials.api;
    requires jdk.incubator.vector;
}
