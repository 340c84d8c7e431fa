package dev.partials.conformance;

import java.util.Optional;

/**
 * What went wrong in one check of a property: the claim that does not hold, expected and actual
 * values, the tolerance, and the provider call that shows it (as Java, on a {@code Derivatives d}).
 *
 * @param claim     what was checked: {@code "∂/∂x of output 0 by partial"}
 * @param expected  the exact expectation, {@code "8 (8.0)"}
 * @param actual    what the provider returned
 * @param tolerance the allowed deviation and the actual one, or an empty string
 * @param call      the provider call, {@code "d.partial(0, MultiIndex.of(1, 0), new double[] {1.0, 2.0})"}
 */
record Failure(String claim, String expected, String actual, String tolerance, String call) {

    static Optional<Failure> of(String claim, String expected, String actual, String tolerance, String call) {
        return Optional.of(new Failure(claim, expected, actual, tolerance, call));
    }

    /** A provider call that threw instead of returning. */
    static Optional<Failure> threw(String claim, Throwable e, String call) {
        return of(claim, "a result", "threw " + describe(e), "", call);
    }

    static String describe(Throwable e) {
        String kind = e instanceof dev.partials.PartialsException p ? " (kind " + p.kind() + ")" : "";
        return e.getClass().getName() + kind + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
