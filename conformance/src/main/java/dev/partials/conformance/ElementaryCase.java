package dev.partials.conformance;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One random case of nested elementary expressions ({@link Generators#elementaryCases}): outputs
 * over variables, a point inside every operation's smooth, well-conditioned domain, and which output
 * and partial derivative to look at.
 *
 * @param variables the variable names, in order
 * @param outputs   the output expressions (several: a vector formula)
 * @param point     one coordinate per variable (copied; {@link #point()} returns a copy)
 * @param output    which output, {@code 0 <= output < outputs.size()}
 * @param index     which partial derivative; one count per variable
 * @since 0.1
 */
public record ElementaryCase(List<String> variables, List<Expression> outputs, double[] point, int output,
                             MultiIndex index) {

    /**
     * Copies the lists and the point and checks that they agree on the number of variables.
     *
     * @throws IllegalArgumentException if they do not, or the output does not exist
     */
    public ElementaryCase {
        variables = List.copyOf(variables);
        outputs = List.copyOf(outputs);
        point = point.clone();
        int n = variables.size();
        if (point.length != n || index.dimension() != n) {
            throw new IllegalArgumentException("point and index need " + n + " coordinates: "
                    + Arrays.toString(point) + ", " + index);
        }
        if (output < 0 || output >= outputs.size()) {
            throw new IllegalArgumentException("output " + output + " of " + outputs.size());
        }
    }

    /** A copy of the point. */
    @Override
    public double[] point() {
        return point.clone();
    }

    /** The formula: the outputs over the variables (a vector formula when there are several outputs). */
    public Formula formula() {
        return Formula.of(variables, outputs);
    }

    /** The number of variables. */
    public int dimension() {
        return variables.size();
    }

    /** The deepest nesting of operations of any output (a variable or constant has depth 0). */
    public int depth() {
        return outputs.stream().mapToInt(ElementaryExpressions::depth).max().orElse(0);
    }

    /**
     * Whether every operation of every output is inside its smooth, well-conditioned domain with
     * margin at the point, and every value and partial (to order 4) stays bounded; the conditions
     * are listed on {@link Generators#elementaryCases}. Generated cases are valid, and the
     * {@linkplain Shrinker#elementaryCases() shrinker} keeps only valid ones.
     */
    public boolean valid() {
        return ElementaryExpressions.valid(this);
    }

    /** The outputs in the formula language ({@code [a, b]} for several). */
    public String text() {
        if (outputs.size() == 1) {
            return Text.of(outputs.getFirst());
        }
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < outputs.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(Text.of(outputs.get(k)));
        }
        return sb.append(']').toString();
    }

    /** Equal variables, outputs, point (bitwise), output and index. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ElementaryCase c && variables.equals(c.variables) && outputs.equals(c.outputs)
                && Arrays.equals(point, c.point) && output == c.output && index.equals(c.index);
    }

    @Override
    public int hashCode() {
        return Objects.hash(variables, outputs, Arrays.hashCode(point), output, index);
    }

    /** {@code f(x, y) = sin(x*y) at (0.5, 2.0), output 0, index (1, 0)}. */
    @Override
    public String toString() {
        return "f(" + String.join(", ", variables) + ") = " + text() + " at " + Text.tuple(point) + ", output "
                + output + ", index " + index;
    }
}
