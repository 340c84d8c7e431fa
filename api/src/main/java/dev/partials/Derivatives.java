package dev.partials;

import dev.partials.spi.Checks;
import java.util.Optional;

/**
 * The derivatives of one {@link Formula}, prepared by one {@link PartialDerivative provider}:
 * values, partials of any order (mixed too), gradients, Jacobians, Hessians, Jacobian-vector
 * products, and batched forms over many points.
 *
 * {@snippet class=dev.partials.ApiSnippets region=derivatives}
 *
 * <p><b>Points</b> are arrays of one finite coordinate per variable, in the formula's variable order.
 * A point of the wrong length gives {@link PartialsException.Kind#DIMENSION_MISMATCH}; a NaN or
 * infinite coordinate gives {@link PartialsException.Kind#NON_FINITE_POINT}. In a batch, that error
 * names the first such point (the lowest point index, then the first variable; see
 * {@link dev.partials.spi.Checks#batchPoints}), and the result arrays may then hold results of some of
 * the batch's points (a provider may check the coordinates as it computes, rather than read a long batch
 * once more before). Results outside a function's domain are NaN, never an exception (see {@link Op}
 * for the conventions).
 *
 * <p><b>Storage order.</b> A Jacobian written into a flat array is row-major, m × n:
 * {@code out[k*n + j] = ∂f_k/∂x_j}. A Hessian is n × n row-major and symmetric. A <em>batch</em> of
 * {@code count} points is given as columns: {@code points[j][p]} is coordinate j of point p; results
 * are columns too ({@code gradients[j][p] = ∂f/∂x_j} at point p, {@code jacobians[k*n + j][p]}).
 *
 * <p><b>Allocation-free twins.</b> Every method that returns a new array has a twin that writes into
 * caller arrays; providers make the twins allocate nothing after warm-up.
 *
 * <h2>Requirements for implementations</h2>
 * <ul>
 * <li>Instances MUST be immutable and safe for concurrent use by any number of threads
 *     (property {@code isThreadSafe}), and reusable for any number of calls (property
 *     {@code isReusable}).</li>
 * <li>{@link #values(double[], double[])} and {@link #partial(int, MultiIndex, double[])} are
 *     required; every other method has a default built on them that is exact whenever they are.
 *     A provider SHOULD override the defaults it can do faster (gradient in one pass, …), and MUST
 *     give the same results as the defaults up to rounding (properties {@code gradientMatchesPartials},
 *     {@code hessianMatchesPartials}, {@code jacobianMatchesPartials}, {@code batchMatchesSinglePoints}).</li>
 * <li>A partial with respect to a variable that the output does not structurally depend on MUST be
 *     exactly 0, even where other partials are NaN or infinite (property {@code structuralZeros}).</li>
 * <li>Every method MUST check its arguments with {@link Checks} and throw the documented kinds
 *     (property {@code rejectsBadInput}).</li>
 * </ul>
 *
 * @since 0.1
 */
public interface Derivatives {

    /** The formula these derivatives belong to. */
    Formula formula();

    /** The provider that prepared them. */
    PartialDerivative provider();

    /**
     * Writes the value of every output at {@code point} into {@code out[0..m)}.
     *
     * @throws PartialsException on a bad point or a too-short {@code out}
     */
    void values(double[] point, double[] out);

    /**
     * The partial derivative {@code index} of output {@code output} at {@code point}; the order-0
     * index gives the value.
     *
     * @throws PartialsException {@link PartialsException.Kind#ORDER_NOT_SUPPORTED} or
     *         {@link PartialsException.Kind#NOT_SUPPORTED} beyond the provider's capabilities (the
     *         message names a provider that can), and the kinds of {@link Checks}
     */
    double partial(int output, MultiIndex index, double[] point);

    /** The provider's capabilities, for convenience. */
    default Capabilities capabilities() {
        return provider().capabilities();
    }

    /** The value of the first output at {@code point}. */
    default double value(double... point) {
        return values(point)[0];
    }

    /** The values of all outputs at {@code point}. */
    default double[] values(double... point) {
        double[] out = new double[formula().outputCount()];
        values(point, out);
        return out;
    }

    /** The partial derivative {@code index} of the first output at {@code point}. */
    default double partial(MultiIndex index, double... point) {
        return partial(0, index, point);
    }

    /** The gradient of the first output at {@code point}: {@code (∂f/∂x_0, …, ∂f/∂x_{n-1})}. */
    default double[] gradient(double... point) {
        double[] out = new double[formula().dimension()];
        gradient(point, out);
        return out;
    }

    /** Writes the gradient of the first output at {@code point} into {@code out[0..n)}. */
    default void gradient(double[] point, double[] out) {
        gradient(0, point, out);
    }

    /** Writes the gradient of output {@code output} at {@code point} into {@code out[0..n)}. */
    default void gradient(int output, double[] point, double[] out) {
        Formula f = formula();
        Checks.output(f, output);
        Checks.point(f, point);
        int n = f.dimension();
        Checks.length("gradient", out, n);
        for (int j = 0; j < n; j++) {
            out[j] = partial(output, MultiIndex.unit(n, j), point);
        }
    }

    /** The m × n Jacobian at {@code point}: {@code jacobian[k][j] = ∂f_k/∂x_j}. */
    default double[][] jacobian(double... point) {
        int m = formula().outputCount();
        int n = formula().dimension();
        double[] flat = new double[m * n];
        jacobian(point, flat);
        double[][] out = new double[m][n];
        for (int k = 0; k < m; k++) {
            System.arraycopy(flat, k * n, out[k], 0, n);
        }
        return out;
    }

    /** Writes the Jacobian at {@code point} into {@code out}, row-major m × n. */
    default void jacobian(double[] point, double[] out) {
        Formula f = formula();
        int m = f.outputCount();
        int n = f.dimension();
        Checks.point(f, point);
        Checks.length("Jacobian", out, (long) m * n);
        double[] row = new double[n];
        for (int k = 0; k < m; k++) {
            gradient(k, point, row);
            System.arraycopy(row, 0, out, k * n, n);
        }
    }

    /** The n × n Hessian of the first output at {@code point}. */
    default double[][] hessian(double... point) {
        int n = formula().dimension();
        double[] flat = new double[n * n];
        hessian(0, point, flat);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * n, out[i], 0, n);
        }
        return out;
    }

    /** Writes the Hessian of the first output at {@code point} into {@code out}, row-major n × n. */
    default void hessian(double[] point, double[] out) {
        hessian(0, point, out);
    }

    /**
     * Writes the Hessian of output {@code output} at {@code point} into {@code out}, row-major n × n;
     * each mixed partial is computed once and written to both {@code (i, j)} and {@code (j, i)}.
     *
     * @throws PartialsException {@link PartialsException.Kind#ORDER_NOT_SUPPORTED} for a first-order provider
     */
    default void hessian(int output, double[] point, double[] out) {
        Formula f = formula();
        Checks.output(f, output);
        Checks.point(f, point);
        int n = f.dimension();
        Checks.order(provider().id(), capabilities(), 2);
        Checks.length("Hessian", out, (long) n * n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double h = partial(output, MultiIndex.pair(n, i, j), point);
                out[i * n + j] = h;
                out[j * n + i] = h;
            }
        }
    }

    /** The Jacobian-vector product at {@code point}: the directional derivative of every output along {@code direction}. */
    default double[] jvp(double[] point, double[] direction) {
        double[] out = new double[formula().outputCount()];
        jvp(point, direction, out);
        return out;
    }

    /**
     * Writes the Jacobian-vector product {@code J(point)·direction} into {@code out[0..m)}.
     * Variables with a zero direction component contribute nothing, even where their partial is NaN.
     */
    default void jvp(double[] point, double[] direction, double[] out) {
        Formula f = formula();
        Checks.point(f, point);
        Checks.direction(f, direction);
        int m = f.outputCount();
        int n = f.dimension();
        Checks.length("JVP", out, m);
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                if (direction[j] != 0) {
                    s += partial(k, MultiIndex.unit(n, j), point) * direction[j];
                }
            }
            out[k] = s;
        }
    }

    /** The directional derivative of the first output at {@code point} along {@code direction}. */
    default double directional(double[] point, double[] direction) {
        return jvp(point, direction)[0];
    }

    /**
     * Writes the values of every output at every point of a batch: {@code values[k][p]}.
     *
     * @param points columns, {@code points[j][p]}
     * @param values m arrays of at least {@code count} entries
     */
    default void valuesBatch(double[][] points, double[][] values) {
        Formula f = formula();
        int count = Checks.batch(f, points);
        int m = f.outputCount();
        Checks.batchOut("values", values, m, count);
        double[] point = new double[f.dimension()];
        double[] out = new double[m];
        for (int p = 0; p < count; p++) {
            gather(points, p, point);
            values(point, out);
            for (int k = 0; k < m; k++) {
                values[k][p] = out[k];
            }
        }
    }

    /**
     * Writes the value and gradient of the first output at every point of a batch.
     *
     * @param points    columns, {@code points[j][p]}
     * @param values    {@code values[p]}, or null when only gradients are wanted
     * @param gradients n arrays: {@code gradients[j][p] = ∂f/∂x_j} at point p
     */
    default void gradientBatch(double[][] points, double[] values, double[][] gradients) {
        Formula f = formula();
        int count = Checks.batch(f, points);
        int n = f.dimension();
        Checks.batchOut("gradients", gradients, n, count);
        if (values != null) {
            Checks.length("values", values, count);
        }
        double[] point = new double[n];
        double[] g = new double[n];
        double[] v = new double[f.outputCount()];
        for (int p = 0; p < count; p++) {
            gather(points, p, point);
            gradient(0, point, g);
            for (int j = 0; j < n; j++) {
                gradients[j][p] = g[j];
            }
            if (values != null) {
                values(point, v);
                values[p] = v[0];
            }
        }
    }

    /** The gradients of the first output at every point of a batch, as columns {@code [j][p]}. */
    default double[][] gradientBatch(double[][] points) {
        int count = Checks.batch(formula(), points);
        double[][] out = new double[formula().dimension()][count];
        gradientBatch(points, null, out);
        return out;
    }

    /**
     * Writes the values and Jacobians at every point of a batch.
     *
     * @param points    columns, {@code points[j][p]}
     * @param values    m arrays {@code values[k][p]}, or null
     * @param jacobians m·n arrays: {@code jacobians[k*n + j][p] = ∂f_k/∂x_j} at point p
     */
    default void jacobianBatch(double[][] points, double[][] values, double[][] jacobians) {
        Formula f = formula();
        int count = Checks.batch(f, points);
        int n = f.dimension();
        int m = f.outputCount();
        Checks.batchOut("Jacobians", jacobians, m * n, count);
        if (values != null) {
            Checks.batchOut("values", values, m, count);
        }
        double[] point = new double[n];
        double[] jac = new double[m * n];
        double[] v = new double[m];
        for (int p = 0; p < count; p++) {
            gather(points, p, point);
            jacobian(point, jac);
            for (int r = 0; r < m * n; r++) {
                jacobians[r][p] = jac[r];
            }
            if (values != null) {
                values(point, v);
                for (int k = 0; k < m; k++) {
                    values[k][p] = v[k];
                }
            }
        }
    }

    /**
     * Writes the Jacobian-vector products at every point of a batch, with one direction per point.
     *
     * @param points     columns, {@code points[j][p]}
     * @param directions columns, {@code directions[j][p]}
     * @param out        m arrays, {@code out[k][p]}
     */
    default void jvpBatch(double[][] points, double[][] directions, double[][] out) {
        Formula f = formula();
        int count = Checks.batch(f, points);
        int n = f.dimension();
        int m = f.outputCount();
        Checks.batchOut("directions", directions, n, count);
        Checks.batchOut("JVPs", out, m, count);
        double[] point = new double[n];
        double[] dir = new double[n];
        double[] r = new double[m];
        for (int p = 0; p < count; p++) {
            gather(points, p, point);
            gather(directions, p, dir);
            jvp(point, dir, r);
            for (int k = 0; k < m; k++) {
                out[k][p] = r[k];
            }
        }
    }

    /**
     * The partial {@code index} of output {@code output} at {@code point} with an estimate of its
     * absolute error.
     *
     * @throws PartialsException {@link PartialsException.Kind#NOT_SUPPORTED} unless
     *         {@link Capabilities#errorEstimates()}
     */
    default Estimate partialEstimate(int output, MultiIndex index, double[] point) {
        throw Checks.notSupported(provider().id(), "error estimates", Capabilities::errorEstimates);
    }

    /** The gradient of the first output with an error estimate per component. */
    default Estimate[] gradientEstimate(double... point) {
        Formula f = formula();
        Checks.point(f, point);
        int n = f.dimension();
        Estimate[] out = new Estimate[n];
        for (int j = 0; j < n; j++) {
            out[j] = partialEstimate(0, MultiIndex.unit(n, j), point);
        }
        return out;
    }

    /**
     * The partial {@code index} of output {@code output} as an expression, for providers with
     * {@link Capabilities#symbolicOutput()}; empty otherwise.
     */
    default Optional<Expression> derivativeExpression(int output, MultiIndex index) {
        return Optional.empty();
    }

    private static void gather(double[][] columns, int p, double[] point) {
        for (int j = 0; j < point.length; j++) {
            point[j] = columns[j][p];
        }
    }
}
