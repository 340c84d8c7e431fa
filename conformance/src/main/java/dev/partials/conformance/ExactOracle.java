package dev.partials.conformance;

import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ground truth of the kit: the exact rational value of any partial derivative of a
 * {@link PolynomialFormula} at a {@link RationalPoint}, by exact differentiation of the expanded
 * polynomial and exact evaluation in {@code BigInteger} arithmetic. It never consults a provider.
 *
 * {@snippet :
 * ExactOracle oracle = ExactOracle.of(formula);
 * ExactOracle.Answer a = oracle.partial(0, MultiIndex.of(1, 0), RationalPoint.of(1, 2));
 * Rational exact = a.value();            // 8 for x^2 + 3*x*y
 * }
 *
 * <h2>Conditioning</h2>
 * Beside the value, an {@link Answer} carries two measures of how hard the value is to compute in
 * floating point:
 * <ul>
 * <li>{@link Answer#termSum()}: {@code Σ |c·x^a|} over the terms of the expanded derivative: the
 *     condition of evaluating the expanded polynomial.</li>
 * <li>{@link Answer#conditioning()}: the same derivative of the formula's <em>absolute form</em>
 *     (every coefficient of the shape as written replaced by its absolute value, see
 *     {@link PolynomialFormula#absolute(int)}) evaluated at {@code |x|}. The standard error analysis of
 *     evaluating an expression of {@code +, -, ×} in floating point (Higham, <i>Accuracy and Stability
 *     of Numerical Algorithms</i>, 2nd ed., §3.1) bounds the error by {@code γ_D} times the value of the
 *     expression with all signs made positive; forward-mode and Taylor arithmetic only add more
 *     {@code +} and {@code ×}, so the same holds for every partial derivative, with this quantity. It
 *     is never smaller than {@code termSum} (the expansion can cancel terms, the absolute form cannot)
 *     and can be much larger: for {@code (x+1)^4*(x-1)^4} at {@code x = 1} it is 256 where
 *     {@code termSum} is 16. Tolerances use it, because a provider evaluates the factored form as
 *     written.</li>
 * </ul>
 *
 * <p>Derivative polynomials are computed once per (output, multi-index) and cached; the oracle is
 * thread-safe.
 *
 * @since 0.1
 */
public final class ExactOracle {

    /**
     * An exact partial derivative at a point, with its conditioning.
     *
     * @param value        the exact value
     * @param termSum      {@code Σ |c·x^a|} over the terms of the expanded derivative at the point
     * @param conditioning the derivative of the absolute form at {@code |x|}; {@code >= termSum}
     */
    public record Answer(Rational value, Rational termSum, Rational conditioning) {
        /** The value correctly rounded to a double. */
        public double doubleValue() {
            return value.doubleValue();
        }
    }

    private record Key(int output, MultiIndex index) {
    }

    private final PolynomialFormula formula;
    private final Map<Key, Polynomial> derivatives = new ConcurrentHashMap<>();
    private final Map<Key, Polynomial> absoluteDerivatives = new ConcurrentHashMap<>();

    private ExactOracle(PolynomialFormula formula) {
        this.formula = formula;
    }

    /** The oracle of {@code formula}. */
    public static ExactOracle of(PolynomialFormula formula) {
        return new ExactOracle(formula);
    }

    /** The formula this oracle answers for. */
    public PolynomialFormula formula() {
        return formula;
    }

    /**
     * The exact partial derivative {@code index} of output {@code output} at {@code point}.
     *
     * @throws IllegalArgumentException if the index or point has the wrong dimension
     * @throws IndexOutOfBoundsException if the output does not exist
     */
    public Answer partial(int output, MultiIndex index, RationalPoint point) {
        Polynomial d = derivative(output, index);
        Polynomial a = absoluteDerivative(output, index);
        return new Answer(d.evaluate(point.coordinates()), d.absoluteTermSum(point.coordinates()),
                a.evaluate(absolute(point.coordinates())));
    }

    /** The value of output {@code output} at {@code point}: the partial of order 0. */
    public Answer value(int output, RationalPoint point) {
        return partial(output, MultiIndex.zero(formula.dimension()), point);
    }

    /**
     * The exact Jacobian-vector product {@code Σ_j direction_j · ∂f_output/∂x_j} at {@code point}, with
     * conditioning {@code Σ_j |direction_j| · conditioning_j} (and likewise for the term sum).
     */
    public Answer jvp(int output, RationalPoint point, RationalPoint direction) {
        int n = formula.dimension();
        Rational v = Rational.ZERO;
        Rational t = Rational.ZERO;
        Rational c = Rational.ZERO;
        for (int j = 0; j < n; j++) {
            Rational dj = direction.coordinate(j);
            if (dj.signum() == 0) {
                continue;
            }
            Answer a = partial(output, MultiIndex.unit(n, j), point);
            v = v.add(dj.multiply(a.value()));
            t = t.add(dj.abs().multiply(a.termSum()));
            c = c.add(dj.abs().multiply(a.conditioning()));
        }
        return new Answer(v, t, c);
    }

    /** The exact derivative polynomial {@code ∂^index f_output}. */
    public Polynomial derivative(int output, MultiIndex index) {
        return derivatives.computeIfAbsent(new Key(output, index), k -> formula.exact(output).derivative(index));
    }

    /** The derivative {@code ∂^index} of output {@code output}'s absolute form. */
    public Polynomial absoluteDerivative(int output, MultiIndex index) {
        return absoluteDerivatives.computeIfAbsent(new Key(output, index),
                k -> formula.absolute(output).derivative(index));
    }

    /**
     * {@link Answer#conditioning()} computed in {@code double} (all terms are non-negative, so it is
     * accurate to a few ulps): cheap enough for every point of a batch.
     */
    public double conditioning(int output, MultiIndex index, double[] point) {
        double[] abs = new double[point.length];
        for (int j = 0; j < abs.length; j++) {
            abs[j] = Math.abs(point[j]);
        }
        return absoluteDerivative(output, index).evaluateDouble(abs);
    }

    /**
     * The scale of the derivative over the unit neighbourhood of {@code point}: the absolute form's
     * derivative {@code index} plus its value, both at the point with every coordinate lifted to
     * {@code max(|x_j|, 1)}. It bounds the derivatives a difference quotient with steps up to 1 mixes
     * in, and is positive for every non-zero formula; tolerances of approximate providers scale with
     * it.
     */
    public double scale(int output, MultiIndex index, double[] point) {
        double[] lifted = new double[point.length];
        for (int j = 0; j < lifted.length; j++) {
            lifted[j] = Math.max(1.0, Math.abs(point[j]));
        }
        return absoluteDerivative(output, index).evaluateDouble(lifted)
                + formula.absolute(output).evaluateDouble(lifted);
    }

    private static List<Rational> absolute(List<Rational> point) {
        List<Rational> a = new ArrayList<>(point.size());
        for (Rational r : point) {
            a.add(r.abs());
        }
        return a;
    }
}
