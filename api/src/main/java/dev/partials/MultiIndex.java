package dev.partials;

import java.util.Arrays;
import java.util.List;

/**
 * Which partial derivative: how many times to differentiate with respect to each variable, in the
 * formula's variable order. {@code (2, 1)} over variables {@code (x, y)} is ∂³/∂x²∂y.
 *
 * {@snippet :
 * Formula f = Formula.parse("x^2 + 3*x*y");
 * MultiIndex dxdy = MultiIndex.of(1, 1);                   // ∂²/∂x∂y
 * MultiIndex same = MultiIndex.of(f, "x", "y");            // the same, by variable names
 * MultiIndex dx = MultiIndex.unit(2, 0);                   // ∂/∂x
 * }
 *
 * <p>Immutable; equal when the counts are equal.
 *
 * @since 0.1
 */
public final class MultiIndex {

    private final int[] counts;
    private final int order;

    private MultiIndex(int[] counts) {
        int sum = 0;
        for (int c : counts) {
            if (c < 0) {
                throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                        "a multi-index has no negative counts: " + Arrays.toString(counts)).build();
            }
            sum += c;
            if (sum < 0 || sum > Limits.MAX_ORDER) {
                throw PartialsException.builder(PartialsException.Kind.ORDER_NOT_SUPPORTED,
                        "derivative order above the limit " + Limits.MAX_ORDER).order(Math.max(sum, Limits.MAX_ORDER + 1)).build();
            }
        }
        this.counts = counts;
        this.order = sum;
    }

    /** The multi-index with these counts, one per variable. */
    public static MultiIndex of(int... counts) {
        return new MultiIndex(counts.clone());
    }

    /** The multi-index of order 0 over {@code dimension} variables: the value itself. */
    public static MultiIndex zero(int dimension) {
        return new MultiIndex(new int[dimension]);
    }

    /** ∂/∂x_variable over {@code dimension} variables. */
    public static MultiIndex unit(int dimension, int variable) {
        if (variable < 0 || variable >= dimension) {
            throw PartialsException.builder(PartialsException.Kind.DIMENSION_MISMATCH,
                    "variable index " + variable + " outside 0.." + (dimension - 1)).order(variable).build();
        }
        int[] c = new int[dimension];
        c[variable] = 1;
        return new MultiIndex(c);
    }

    /** ∂²/∂x_i∂x_j over {@code dimension} variables ({@code i == j} gives ∂²/∂x_i²). */
    public static MultiIndex pair(int dimension, int i, int j) {
        int[] c = unit(dimension, i).counts.clone();
        c[unit(dimension, j).firstVariable()]++;
        return new MultiIndex(c);
    }

    /**
     * The multi-index that differentiates once per listed variable name, in {@code formula}'s
     * variable order: {@code of(f, "x", "x", "y")} is ∂³/∂x²∂y.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#UNKNOWN_VARIABLE} for a name
     *         the formula does not declare
     */
    public static MultiIndex of(Formula formula, String... variables) {
        return of(formula, List.of(variables));
    }

    /** As {@link #of(Formula, String...)}. */
    public static MultiIndex of(Formula formula, List<String> variables) {
        int[] c = new int[formula.dimension()];
        for (String v : variables) {
            c[formula.indexOf(v)]++;
        }
        return new MultiIndex(c);
    }

    /** The number of variables. */
    public int dimension() {
        return counts.length;
    }

    /** How many times to differentiate with respect to variable {@code i}. */
    public int count(int i) {
        return counts[i];
    }

    /** The counts, as a new array. */
    public int[] counts() {
        return counts.clone();
    }

    /** The total order: the sum of the counts. */
    public int order() {
        return order;
    }

    /** Whether more than one variable has a non-zero count. */
    public boolean isMixed() {
        int nonZero = 0;
        for (int c : counts) {
            if (c > 0) {
                nonZero++;
            }
        }
        return nonZero > 1;
    }

    /** The index of the first variable with a non-zero count, or -1 for order 0. */
    public int firstVariable() {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    /** This multi-index with the count of variable {@code i} raised by one. */
    public MultiIndex plus(int i) {
        int[] c = counts.clone();
        c[i]++;
        return new MultiIndex(c);
    }

    /** The variables to differentiate by, one entry per differentiation, in ascending order. */
    public int[] variables() {
        int[] v = new int[order];
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i]; j++) {
                v[k++] = i;
            }
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiIndex m && Arrays.equals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    /** {@code "(2, 1)"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < counts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(counts[i]);
        }
        return sb.append(')').toString();
    }
}
