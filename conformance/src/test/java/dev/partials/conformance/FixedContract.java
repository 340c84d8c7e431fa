package dev.partials.conformance;

import dev.partials.PartialDerivative;

/**
 * The contract for a given provider and settings, to run programmatically (a record rather than an
 * anonymous class, which JUnit would try to discover as a test class).
 */
record FixedContract(PartialDerivative provider, KitSettings settings) implements ProviderContract {
}
