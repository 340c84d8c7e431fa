package dev.partials.conformance;

/**
 * The bounds of generated polynomial formulas: how many variables, the highest total degree of any
 * output, and how many outputs.
 *
 * @param minVariables at least 1
 * @param maxVariables at most 6 (variables are named {@code x, y, z, w, u, v} or {@code x1 … x6})
 * @param maxDegree    the highest total degree of an output, at least 1
 * @param minOutputs   at least 1
 * @param maxOutputs   at least {@code minOutputs}
 * @since 0.1
 */
public record PolynomialSpec(int minVariables, int maxVariables, int maxDegree, int minOutputs, int maxOutputs) {

    /** The most variables a generated formula has. */
    public static final int MAX_VARIABLES = 6;

    /** Checks the bounds. */
    public PolynomialSpec {
        if (minVariables < 1 || maxVariables < minVariables || maxVariables > MAX_VARIABLES) {
            throw new IllegalArgumentException("variables must satisfy 1 <= min <= max <= 6, got "
                    + minVariables + ".." + maxVariables);
        }
        if (maxDegree < 1) {
            throw new IllegalArgumentException("maxDegree must be at least 1, got " + maxDegree);
        }
        if (minOutputs < 1 || maxOutputs < minOutputs) {
            throw new IllegalArgumentException("outputs must satisfy 1 <= min <= max, got " + minOutputs + ".." + maxOutputs);
        }
    }

    /** Scalar formulas in 1–6 variables of total degree at most 8. */
    public static PolynomialSpec standard() {
        return new PolynomialSpec(1, MAX_VARIABLES, 8, 1, 1);
    }

    /** Vector formulas: 2–3 outputs in 1–4 variables of degree at most 6. */
    public static PolynomialSpec vector() {
        return new PolynomialSpec(1, 4, 6, 2, 3);
    }

    /** Scalar formulas in 1–3 variables of degree at most 3, for derivatives of every order. */
    public static PolynomialSpec lowDegree() {
        return new PolynomialSpec(1, 3, 3, 1, 1);
    }

    /** This spec with the number of variables in {@code [min, max]}. */
    public PolynomialSpec withVariables(int min, int max) {
        return new PolynomialSpec(min, max, maxDegree, minOutputs, maxOutputs);
    }

    /** This spec with the number of outputs in {@code [min, max]}. */
    public PolynomialSpec withOutputs(int min, int max) {
        return new PolynomialSpec(minVariables, maxVariables, maxDegree, min, max);
    }

    /** This spec with total degree at most {@code maxDegree}. */
    public PolynomialSpec withMaxDegree(int maxDegree) {
        return new PolynomialSpec(minVariables, maxVariables, maxDegree, minOutputs, maxOutputs);
    }
}
