package dev.partials.bench;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What a benchmark fork needs to know about the method it runs. A benchmark method named after a
 * provider ({@code dual}, {@code symbolic}, {@code finiteDifference}, {@code complexStep},
 * {@code simd}) measures that provider; the fork prepares only that provider, through
 * {@link PartialDerivative#of}, so a provider that is missing or broken fails its own benchmarks
 * with the registry's message and no others.
 */
final class Methods {

    private Methods() {
    }

    /** The simple name of the benchmark method this fork runs. */
    static String name(BenchmarkParams params) {
        String b = params.getBenchmark();
        return b.substring(b.lastIndexOf('.') + 1);
    }

    /** The provider id a method measures, or null for a baseline method. */
    static String providerId(String method) {
        return switch (method) {
            case "dual" -> "dual";
            case "symbolic" -> "symbolic";
            case "finiteDifference" -> "finite-difference";
            case "complexStep" -> "complex-step";
            case "simd" -> "simd";
            default -> null;
        };
    }

    /** The prepared derivatives of {@code formula} by provider {@code id}. */
    static Derivatives prepare(String id, Formula formula) {
        return PartialDerivative.of(id).prepare(formula);
    }

    /**
     * Prints, in the fork's output, how far a provider's result is from the hand-written one: a
     * benchmark of a wrong answer is worthless, so a large deviation is flagged as a WARNING.
     */
    static void compare(Derivatives d, String function, String what, double[] expected, double[] actual) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        scale = Math.max(scale, Double.MIN_NORMAL);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double dev = Math.abs(expected[i] - actual[i]) / scale;
            worst = Double.isNaN(dev) ? Double.POSITIVE_INFINITY : Math.max(worst, dev);
        }
        // Exact providers agree to rounding (well under 1e-9 on this suite); approximate ones report
        // their own error, which for central differences is around eps^(2/3) ≈ 4e-11, relative, or worse.
        double limit = d.capabilities().exact() ? 1e-9 : 1e-4;
        String verdict = worst <= limit ? "agrees with" : "WARNING: differs from";
        System.out.printf("%n# partials-bench: %s %s of %s %s hand-written (max deviation %.2e of the largest entry)%n",
                d.provider().id(), what, function, verdict, worst);
    }
}
