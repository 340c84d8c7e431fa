package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relative tolerances in units of the double precision ε = 2^-52, scaled by the magnitude of what was
 * summed (the conditioning of the computation), never a bare absolute constant.
 */
final class Close {

    static final double EPS = Math.ulp(1.0);

    private Close() {
    }

    /** |actual − expected| ≤ ulps · ε · |expected|. */
    static void ulps(double actual, double expected, double ulps) {
        scaled(actual, expected, Math.abs(expected), ulps);
    }

    /** |actual − expected| ≤ ulps · ε · scale, where scale bounds the magnitudes that were summed. */
    static void scaled(double actual, double expected, double scale, double ulps) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertThat(actual).isEqualTo(expected);
            return;
        }
        assertThat(Math.abs(actual - expected))
                .as("actual %s, expected %s (scale %s, %s ulps)", actual, expected, scale, ulps)
                .isLessThanOrEqualTo(ulps * EPS * scale);
    }
}
