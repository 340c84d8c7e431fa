package dev.partials.simd;

/**
 * The code {@link BlockCompiler} generates for one {@link Plan}: the value pass, and the tangent passes
 * when it computes derivatives, over whole lane groups of a batch, every value, local partial and
 * tangent in a vector variable. Implementations are stateless and thread-safe.
 */
interface BlockCode {

    /**
     * Computes points {@code [from, to)} of a batch, {@code to − from} a multiple of {@link Lanes#LANES}
     * and every column at least {@code to} long.
     *
     * @param points the input columns, {@code points[j][p]}
     * @param values the value columns by output index ({@code values[k][p]}), or null for none
     * @param out    the derivative columns: {@code out[v][p]} for a gradient, {@code out[k·n + v][p]}
     *               for a Jacobian; null when the code computes values only
     * @param state  scratch of {@link BlockCompiler.Compiled#stateSize()} doubles for the values passed
     *               between generated methods; may be null when that size is 0
     * @return the sum of {@code x − x} over the coordinates x the code loads ({@link
     *         BlockCompiler.Compiled#checks}): 0 when they are all finite, else NaN — then the code may
     *         have stopped after the stretch that has the first non-finite one, its results written
     */
    double run(double[][] points, double[][] values, double[][] out, double[] state, int from, int to);
}
