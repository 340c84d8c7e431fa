package dev.partials.bench.functions;

import dev.partials.Formula;
import org.hipparchus.CalculusFieldElement;

/**
 * One scalar function of the benchmark suite ({@code BENCH-FUNCTIONS.md}), written four ways: as a
 * {@link Formula} for the providers, as plain Java, as plain Java with its hand-derived analytic
 * derivatives (the baseline every provider is compared with), and as generic
 * {@link CalculusFieldElement} code, the way Hipparchus users write it, which runs on
 * {@code Gradient} and {@code DerivativeStructure} alike.
 *
 * <p>The plain and hand-written methods allocate nothing; an implementation may own scratch arrays
 * for them, so an instance is used by one thread at a time (JMH gives each benchmark thread its own).
 */
public interface ScalarFunction {

    /** The suite name: {@code seed}, {@code rosenbrock-100}, … */
    String name();

    /** The function in the formula language (parsed or traced), variables in suite order. */
    Formula formula();

    /** The number of variables, n. */
    int dimension();

    /** A fresh copy of the benchmark point. */
    double[] point();

    /** f(x), plain Java: the denominator of the ADBench ratio. */
    double value(double[] x);

    /** f(x), with ∇f(x) written into {@code gradient[0..n)}; hand-derived, sharing subexpressions. */
    double valueAndGradient(double[] x, double[] gradient);

    /**
     * Writes the Hessian of f at x into {@code hessian}, row-major n × n. Entries that are zero for
     * every x (structurally) may be left untouched, so the caller passes an array whose structurally
     * zero entries are 0, as a freshly allocated one is: that is how hand-written sparse code works.
     */
    void hessian(double[] x, double[] hessian);

    /** f on any Hipparchus field: {@code Gradient}, {@code DerivativeStructure}, … */
    <T extends CalculusFieldElement<T>> T apply(T[] x);
}
