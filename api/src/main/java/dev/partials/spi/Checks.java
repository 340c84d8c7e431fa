package dev.partials.spi;

import dev.partials.Capabilities;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.util.List;

/**
 * Argument checks every provider applies, so that every provider rejects the same bad input with the
 * same {@link PartialsException} kind. Cheap enough for hot paths (a length check and a scan for
 * non-finite coordinates).
 *
 * {@snippet :
 * public double partial(int output, MultiIndex index, double[] point) {
 *     Checks.output(formula, output);
 *     Checks.point(formula, point);
 *     Checks.index(id, capabilities, formula, index);
 *     // … compute …
 *     return 0;
 * }
 * }
 *
 * @since 0.1
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks {@code point} has one finite coordinate per variable.
     *
     * @throws PartialsException {@link Kind#DIMENSION_MISMATCH} or {@link Kind#NON_FINITE_POINT}
     */
    public static void point(Formula formula, double[] point) {
        if (point == null || point.length != formula.dimension()) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "the point has " + (point == null ? 0 : point.length) + " coordinate(s) but the formula has "
                            + formula.dimension() + " variable(s) " + formula.variables())
                    .order(point == null ? 0 : point.length).build();
        }
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(point[i])) {
                throw PartialsException.builder(Kind.NON_FINITE_POINT,
                        "coordinate " + formula.variables().get(i) + " = " + point[i] + " is not a finite number")
                        .name(formula.variables().get(i)).build();
            }
        }
    }

    /**
     * Checks a batch given as columns (one array per variable, all of one length) and returns its size:
     * {@link #batchShape} then {@link #batchPoints} over the whole batch.
     *
     * @throws PartialsException {@link Kind#DIMENSION_MISMATCH}, {@link Kind#NON_FINITE_POINT} (naming the
     *         first non-finite point, see {@link #batchPoints}), or {@link Kind#INVALID_ARGUMENT} for a formula
     *         without variables (no column gives the count)
     */
    public static int batch(Formula formula, double[][] columns) {
        int count = batchShape(formula, columns);
        batchPoints(formula, columns, 0, count);
        return count;
    }

    /**
     * Checks the shape of a batch given as columns — one array per variable, all of one length — and
     * returns its size, without looking at the coordinates. A provider that streams a long batch can so
     * check the points range by range with {@link #batchPoints}, while they are in cache:
     *
     * {@snippet class=dev.partials.ApiSnippets region=batch-ranges}
     *
     * @throws PartialsException {@link Kind#DIMENSION_MISMATCH}, or {@link Kind#INVALID_ARGUMENT} for a
     *         formula without variables (no column gives the count)
     */
    public static int batchShape(Formula formula, double[][] columns) {
        if (columns == null || columns.length != formula.dimension()) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "the batch has " + (columns == null ? 0 : columns.length) + " column(s) but the formula has "
                            + formula.dimension() + " variable(s) " + formula.variables()).build();
        }
        if (formula.dimension() == 0) {
            // columns carry the point count; a formula without variables has none to read
            throw PartialsException.builder(Kind.INVALID_ARGUMENT,
                    "a batch needs a formula with at least one variable; use values() for a constant formula").build();
        }
        int count = columns[0].length;
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != count) {
                throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                        "column " + formula.variables().get(j) + " has " + columns[j].length
                                + " points but column " + formula.variables().get(0) + " has " + count).build();
            }
        }
        return count;
    }

    /**
     * Checks that the points {@code [from, to)} of a batch of the right shape ({@link #batchShape}) have
     * finite coordinates. The error names the first non-finite point: the lowest point index, and at that
     * point the first non-finite coordinate in the formula's variable order; its
     * {@link PartialsException#order()} is the point index and its {@link PartialsException#name()} the
     * variable.
     *
     * @throws PartialsException {@link Kind#NON_FINITE_POINT}
     */
    public static void batchPoints(Formula formula, double[][] columns, int from, int to) {
        int first = to;
        int variable = -1;
        for (int j = 0; j < columns.length; j++) {
            double[] column = columns[j];
            for (int p = from; p < first; p++) { // up to the first found so far: a tie keeps the earlier variable
                if (!Double.isFinite(column[p])) {
                    first = p;
                    variable = j;
                    break;
                }
            }
        }
        if (variable >= 0) {
            String name = formula.variables().get(variable);
            throw PartialsException.builder(Kind.NON_FINITE_POINT,
                    "point " + first + ": coordinate " + name + " = " + columns[variable][first]
                            + " is not a finite number").name(name).order(first).build();
        }
    }

    /**
     * Checks an output array of a batch: {@code rows} arrays of at least {@code count} entries.
     *
     * @throws PartialsException {@link Kind#DIMENSION_MISMATCH}
     */
    public static void batchOut(String what, double[][] out, int rows, int count) {
        if (out == null || out.length != rows) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    what + " needs " + rows + " array(s), got " + (out == null ? "null" : out.length)).build();
        }
        for (double[] row : out) {
            length(what, row, count);
        }
    }

    /**
     * Checks {@code out} has at least {@code length} entries.
     *
     * @throws PartialsException {@link Kind#DIMENSION_MISMATCH}
     */
    public static void length(String what, double[] out, long length) {
        if (out == null || out.length < length) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    what + " needs " + length + " entries, got " + (out == null ? "null" : out.length))
                    .order((int) Math.min(length, Integer.MAX_VALUE)).build();
        }
    }

    /**
     * Checks a direction vector has one finite component per variable.
     *
     * @throws PartialsException {@link Kind#DIMENSION_MISMATCH} or {@link Kind#NON_FINITE_POINT}
     */
    public static void direction(Formula formula, double[] direction) {
        if (direction == null || direction.length != formula.dimension()) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "the direction has " + (direction == null ? 0 : direction.length) + " component(s) but the formula has "
                            + formula.dimension() + " variable(s)").build();
        }
        for (double d : direction) {
            if (!Double.isFinite(d)) {
                throw PartialsException.builder(Kind.NON_FINITE_POINT, "direction component " + d + " is not finite").build();
            }
        }
    }

    /**
     * Checks {@code output} is an output index of the formula.
     *
     * @throws PartialsException {@link Kind#NO_SUCH_OUTPUT}
     */
    public static void output(Formula formula, int output) {
        formula.output(output);
    }

    /**
     * Checks {@code index} has one count per variable and is within the provider's capabilities.
     *
     * @throws PartialsException {@link Kind#DIMENSION_MISMATCH}, or {@link Kind#ORDER_NOT_SUPPORTED} /
     *         {@link Kind#NOT_SUPPORTED} naming the providers that can serve the request
     */
    public static void index(String providerId, Capabilities capabilities, Formula formula, MultiIndex index) {
        if (index.dimension() != formula.dimension()) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "the multi-index " + index + " has " + index.dimension() + " count(s) but the formula has "
                            + formula.dimension() + " variable(s) " + formula.variables()).order(index.dimension()).build();
        }
        order(providerId, capabilities, index.order());
        if (index.isMixed() && !capabilities.mixedPartials()) {
            List<String> can = capable(c -> c.mixedPartials() && c.supportsOrder(index.order()), providerId);
            throw PartialsException.builder(Kind.NOT_SUPPORTED,
                    "Provider \"" + providerId + "\" does not compute mixed partials such as " + index
                            + alternatives(can)).provider(providerId).order(index.order()).suggestions(can).build();
        }
    }

    /**
     * Checks the provider serves derivatives of total order {@code order}.
     *
     * @throws PartialsException {@link Kind#ORDER_NOT_SUPPORTED} naming the providers that can
     */
    public static void order(String providerId, Capabilities capabilities, int order) {
        if (order < 0) {
            throw PartialsException.builder(Kind.INVALID_ARGUMENT, "negative derivative order " + order).order(order).build();
        }
        if (!capabilities.supportsOrder(order)) {
            List<String> can = capable(c -> c.supportsOrder(order), providerId);
            throw PartialsException.builder(Kind.ORDER_NOT_SUPPORTED,
                    "Provider \"" + providerId + "\" supports order <= " + capabilities.maxOrder() + ", got " + order
                            + alternatives(can)).provider(providerId).order(order).suggestions(can).build();
        }
    }

    /**
     * The error for a capability the provider lacks ({@code what}: "error estimates", "symbolic
     * output"), naming the providers whose capabilities satisfy {@code test}.
     */
    public static PartialsException notSupported(String providerId, String what,
                                                 java.util.function.Predicate<Capabilities> test) {
        List<String> can = capable(test, providerId);
        return PartialsException.builder(Kind.NOT_SUPPORTED,
                "Provider \"" + providerId + "\" does not offer " + what + alternatives(can))
                .provider(providerId).suggestions(can).build();
    }

    private static List<String> capable(java.util.function.Predicate<Capabilities> test, String except) {
        return PartialDerivative.all().stream()
                .filter(p -> !p.id().equals(except) && test.test(p.capabilities()))
                .map(PartialDerivative::id).toList();
    }

    private static String alternatives(List<String> can) {
        if (can.isEmpty()) {
            return "; no available provider can.";
        }
        StringBuilder sb = new StringBuilder("; ");
        for (int i = 0; i < can.size(); i++) {
            sb.append(i == 0 ? "" : (i == can.size() - 1 ? " and " : ", ")).append('"').append(can.get(i)).append('"');
        }
        return sb.append(can.size() == 1 ? " can." : " can.").toString();
    }
}
