package dev.partials.conformance;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.Rational;
import dev.partials.spi.Traversal;
import java.util.List;
import java.util.Optional;

/**
 * The tolerance rules of the contract (documented on {@link ProviderContract}) and the comparisons
 * that apply them.
 */
final class Tolerances {

    /** The unit roundoff of {@code double}, 2^-53. */
    static final double U = 0x1p-53;

    private Tolerances() {
    }

    /**
     * D, the number of rounded operations along any path of the computation of partial
     * {@code index} of {@code e}: {@code (N + P)·(L + 1) + 2}, where N is the number of distinct
     * nodes, P adds {@code r - 1} for each integer power {@code a^r} (as if written as r - 1
     * multiplications), L = Π(α_j + 1) is the number of products in one Leibniz sum of a Taylor
     * product at the multi-index, and 2 covers converting constants and scaling by α!.
     */
    static long depth(Expression e, MultiIndex index) {
        long nodes = 0;
        long powers = 0;
        for (Expression node : Traversal.postOrder(List.of(e))) {
            nodes++;
            if (node instanceof Binary b && b.op() == Op.POWER && b.right() instanceof Constant c
                    && c.value().isInteger() && c.value().signum() > 0 && c.value().bitLength() < 16) {
                powers += c.value().numerator().intValueExact() - 1;
            }
        }
        long leibniz = 1;
        for (int j = 0; j < index.dimension(); j++) {
            leibniz *= index.count(j) + 1;
        }
        return (nodes + powers) * (leibniz + 1) + 2;
    }

    /**
     * The tolerance of an exact provider: {@code 2·D·u·conditioning} (the 2 because library
     * functions such as {@code Math.pow} are within 1 ulp, 2u, rather than u).
     */
    static double exact(long depth, double conditioning) {
        return 2.0 * depth * U * conditioning;
    }

    /** The tolerance of partial {@code index} of output {@code output} for the contract's provider. */
    static double partial(ProviderContract contract, boolean exactProvider, ExactOracle oracle, int output,
                          MultiIndex index, double[] point, ExactOracle.Answer answer) {
        double t = exact(depth(oracle.formula().expression(output), index), answer.conditioning().doubleValue());
        if (!exactProvider) {
            t += contract.approximateTolerance(index.order()) * oracle.scale(output, index, point);
        }
        return t;
    }

    /** Checks {@code |actual - exact| <= tolerance}, exactly (so a tolerance of 0 demands exactly the value). */
    static boolean within(double actual, Rational exact, double tolerance) {
        if (!Double.isFinite(actual)) {
            return false;
        }
        double e = exact.doubleValue();
        double quick = Math.abs(actual - e);
        if (quick < 0.25 * tolerance) {
            return true;
        }
        if (quick > 4 * tolerance + 4 * Math.ulp(e)) {
            return false;
        }
        return Rational.ofDouble(actual).subtract(exact).abs().compareTo(Rational.ofDouble(tolerance)) <= 0;
    }

    /** A failure unless {@code |actual - exact| <= tolerance}. */
    static Optional<Failure> compare(String claim, Rational exact, double actual, double tolerance, String call) {
        if (within(actual, exact, tolerance)) {
            return Optional.empty();
        }
        return Failure.of(claim, exact(exact), Double.toString(actual), deviation(actual, exact.doubleValue(), tolerance), call);
    }

    /** A failure unless {@code a} and {@code b} differ by at most {@code tolerance} (NaNs equal each other). */
    static Optional<Failure> compareDoubles(String claim, double expected, double actual, double tolerance, String call) {
        if (Double.isNaN(expected) ? Double.isNaN(actual) : (expected == actual || Math.abs(actual - expected) <= tolerance)) {
            return Optional.empty();
        }
        return Failure.of(claim, Double.toString(expected), Double.toString(actual), deviation(actual, expected, tolerance), call);
    }

    /** A failure unless {@code a} and {@code b} are the same number (NaN equals NaN; +0 equals -0). */
    static Optional<Failure> same(String claim, double expected, double actual, String call) {
        if (expected == actual || (Double.isNaN(expected) && Double.isNaN(actual))) {
            return Optional.empty();
        }
        return Failure.of(claim, Double.toString(expected), Double.toString(actual), "0 (must be identical)", call);
    }

    /** {@code "8 (8.0)"}, or {@code "≈ 0.333…"} for a rational too long to print. */
    static String exact(Rational r) {
        String s = r.toString();
        double d = r.doubleValue();
        if (s.length() > 40) {
            return "≈ " + d + " (exact rational of " + r.bitLength() + " bits)";
        }
        return r.isInteger() && Math.abs(d) < 1e15 ? s + " (" + d + ")" : s + " = " + d;
    }

    static String deviation(double actual, double expected, double tolerance) {
        return tolerance + " (|actual - expected| = " + Math.abs(actual - expected) + ")";
    }
}
