package dev.partials;

import dev.partials.internal.Registry;
import java.util.List;
import java.util.Optional;

/**
 * A provider of partial derivatives: the service type of partials, and the user's entry point.
 *
 * <p>Providers are found by id, in the style of {@link java.util.random.RandomGenerator#of}:
 *
 * {@snippet :
 * PartialDerivative dual = PartialDerivative.of("dual");
 * Derivatives d = dual.prepare(Formula.parse("x^2 + 3*x*y"));
 * double[] g = d.gradient(1, 2);                 // {8, 3}
 * }
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} on the module path
 * ({@code provides dev.partials.PartialDerivative with …}) and on the class path
 * ({@code META-INF/services/dev.partials.PartialDerivative}). Built-in and third-party providers go
 * through the same lookup. A provider that fails while loading is reported by
 * {@link #loadFailures()} with its cause and skipped; the others keep working.
 *
 * <h2>Requirements for implementations</h2>
 * <ul>
 * <li>A provider MUST have a public no-argument constructor (or a public static {@code provider()}
 *     method on the module path) and MUST be cheap to construct; heavy work belongs in
 *     {@link #prepare}.</li>
 * <li>{@link #id()} MUST be short, lower-case, stable, and unique among providers.</li>
 * <li>{@link #capabilities()} MUST describe what the provider actually serves; every request beyond
 *     them MUST fail with a {@link PartialsException} of kind
 *     {@link PartialsException.Kind#ORDER_NOT_SUPPORTED} or {@link PartialsException.Kind#NOT_SUPPORTED}
 *     (the conformance kit's property {@code rejectsRequestsBeyondCapabilities} checks it).</li>
 * <li>{@link #prepare} MUST return an immutable, thread-safe {@link Derivatives} whose results
 *     follow the numerical conventions documented in {@link Op} and {@link Derivatives}.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface PartialDerivative {

    /** The provider's id: {@code dual}, {@code symbolic}, {@code finite-difference}, … */
    String id();

    /** What this provider can compute. */
    Capabilities capabilities();

    /**
     * Prepares the derivatives of {@code formula}: compiles or analyses it once, so that the returned
     * object answers any number of requests at any points.
     */
    Derivatives prepare(Formula formula);

    /** A one-line description of the method, for listings. */
    default String description() {
        return id();
    }

    /**
     * The provider with this id.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#UNKNOWN_PROVIDER}, whose
     *         message lists the available ids: {@code No provider "gpu"; available: [dual, symbolic].
     *         Add its module to the module path.}
     */
    static PartialDerivative of(String id) {
        return Registry.of(id);
    }

    /** The provider with this id, if one is available. */
    static Optional<PartialDerivative> find(String id) {
        return Registry.find(id);
    }

    /** Every available provider, sorted by id; empty when none is on the path. */
    static List<PartialDerivative> all() {
        return Registry.all();
    }

    /**
     * The default provider: {@code dual} when present, else the first exact provider by id, else the
     * first provider.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#UNKNOWN_PROVIDER} when no
     *         provider is available
     */
    static PartialDerivative getDefault() {
        return Registry.getDefault();
    }

    /** Providers that were found but failed to load, with their causes. */
    static List<LoadFailure> loadFailures() {
        return Registry.loadFailures();
    }

    /**
     * A provider that was found but could not be loaded.
     *
     * @param provider the provider's class name, or a description of the service entry
     * @param cause    why it failed
     */
    record LoadFailure(String provider, Throwable cause) {
        /** {@code "com.example.Broken: IllegalStateException: no licence"}. */
        public String reason() {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
    }
}
