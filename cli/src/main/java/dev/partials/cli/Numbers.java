package dev.partials.cli;

import java.util.Locale;

/**
 * How the command writes numbers: the shortest decimal that reads back to the same {@code double}
 * (so nothing is lost between the command and a script), integers without a fraction, a lower-case
 * exponent. {@code 8}, {@code 0.30000000000000004}, {@code 1e-05} is written {@code 1e-5}.
 */
final class Numbers {

    private Numbers() {
    }

    /** {@code 8}, {@code -0.5}, {@code 1.25e-7}, {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v); // shortest round-trip representation (JDK 19+)
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    /** Two significant digits, for deviations and error estimates: {@code 2.2e-16}, {@code 0}. */
    static String brief(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return format(v);
        }
        String s = String.format(Locale.ROOT, "%.2g", v);
        return format(Double.parseDouble(s));
    }

    /** A duration per call: {@code 85 ns}, {@code 1.24 µs}, {@code 3.1 ms}, {@code 2.05 s}. */
    static String duration(double nanos) {
        if (!Double.isFinite(nanos)) {
            return "—";
        }
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.3g µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
    }
}
