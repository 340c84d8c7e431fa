package dev.partials.conformance;

import dev.partials.MultiIndex;

/**
 * One random case of a property: a polynomial formula, a point, which output and which partial
 * derivative to look at, and a direction (for Jacobian-vector products). Properties that do not need
 * some component ignore it; the {@link Shrinker#polynomialCases() shrinker} simplifies all of them.
 *
 * @param formula   the formula and its exact expansion
 * @param point     where to differentiate; one coordinate per variable
 * @param output    which output, {@code 0 <= output < formula.outputCount()}
 * @param index     which partial derivative; one count per variable
 * @param direction a direction for Jacobian-vector products; one component per variable
 * @since 0.1
 */
public record PolynomialCase(PolynomialFormula formula, RationalPoint point, int output, MultiIndex index,
                             RationalPoint direction) {

    /**
     * Checks the components agree on the number of variables and the output exists.
     *
     * @throws IllegalArgumentException if they do not
     */
    public PolynomialCase {
        int n = formula.dimension();
        if (point.dimension() != n || index.dimension() != n || direction.dimension() != n) {
            throw new IllegalArgumentException("point, index and direction need " + n + " coordinates: "
                    + point + ", " + index + ", " + direction);
        }
        if (output < 0 || output >= formula.outputCount()) {
            throw new IllegalArgumentException("output " + output + " of " + formula.outputCount());
        }
    }

    /** {@code f(x, y) = x*y at (0.5, 2.0), output 0, index (1, 0), direction (1.0, 0.0)}. */
    @Override
    public String toString() {
        return formula + " at " + point + ", output " + output + ", index " + index + ", direction " + direction;
    }
}
