/**
 * Deliberately broken providers of partials, for tests of the registry and of {@code partials verify}:
 * {@link com.example.partials.broken.ThrowingProvider} fails while loading, and
 * {@link com.example.partials.broken.WrongSignProvider} ({@code "wrong-sign"}) computes a wrong
 * derivative.
 *
 * @provides dev.partials.PartialDerivative two broken providers
 */
module com.example.partials.broken {
    requires dev.partials.api;

    provides dev.partials.PartialDerivative with
            com.example.partials.broken.ThrowingProvider,
            com.example.partials.broken.WrongSignProvider;
}
