/**
 * An example third-party provider of partials: {@code central-difference}, first partials by a
 * central difference with an error estimate. It depends only on the partials API and exports
 * nothing: its only face is the service it provides.
 *
 * @provides dev.partials.PartialDerivative {@code "central-difference"}
 */
module com.example.partials.centraldiff {
    requires dev.partials.api;

    provides dev.partials.PartialDerivative with com.example.partials.centraldiff.CentralDifference;
}
