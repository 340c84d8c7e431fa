package dev.partials.bench.functions;

/**
 * A suite function with a hand-written loop over a batch of points laid out as columns (struct of
 * arrays, the {@code Derivatives} batch layout): {@code points[j][p]} is coordinate j of point p.
 */
public interface BatchFunction extends ScalarFunction {

    /** Writes {@code values[p] = f(point p)} for p in {@code [0, count)}. */
    void valueLoop(double[][] points, int count, double[] values);

    /** Writes {@code values[p]} and {@code gradients[j][p] = ∂f/∂x_j} at point p, for p in {@code [0, count)}. */
    void valueAndGradientLoop(double[][] points, int count, double[] values, double[][] gradients);
}
