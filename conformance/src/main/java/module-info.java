/**
 * The conformance kit of partials: seeded generators of polynomial formulas, points and multi-indices,
 * an exact rational oracle, shrinking, and {@link dev.partials.conformance.ProviderContract}, the JUnit
 * Jupiter test interface that every provider's tests implement.
 *
 * <p>Providers use it from their tests only (test scope); it depends on the API and JUnit Jupiter's API,
 * never on a provider.
 */
module dev.partials.conformance {
    requires transitive dev.partials.api;
    requires transitive org.junit.jupiter.api;

    exports dev.partials.conformance;
}
