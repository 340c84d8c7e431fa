package dev.partials.conformance;

import dev.partials.Expression;
import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An exact multivariate polynomial with rational coefficients: a map from exponent vectors to
 * non-zero {@link Rational} coefficients. It is the ground truth of the conformance kit: its
 * derivatives and values are computed in exact {@code BigInteger} arithmetic, independent of every
 * provider.
 *
 * {@snippet :
 * Polynomial x = Polynomial.variable(2, 0);
 * Polynomial y = Polynomial.variable(2, 1);
 * Polynomial f = x.pow(2).plus(x.times(y).times(Rational.of(3)));   // x^2 + 3*x*y
 * Rational dfdx = f.derivative(MultiIndex.of(1, 0))
 *         .evaluate(List.of(Rational.ONE, Rational.TWO));          // 8
 * }
 *
 * <p>Terms are kept in graded order (higher total degree first, then lexicographically by exponent,
 * higher first), which is also the order in which they are printed. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Polynomial {

    /** Graded order, higher total degree first, then lexicographic with higher exponents first. */
    private static final Comparator<int[]> GRADED = (a, b) -> {
        int c = Integer.compare(sum(b), sum(a));
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(b[i], a[i]);
            }
        }
        return 0;
    };

    private final int dimension;
    private final TreeMap<int[], Rational> terms;

    private Polynomial(int dimension, TreeMap<int[], Rational> terms) {
        this.dimension = dimension;
        this.terms = terms;
    }

    /** The zero polynomial in {@code dimension} variables. */
    public static Polynomial zero(int dimension) {
        checkDimension(dimension);
        return new Polynomial(dimension, new TreeMap<>(GRADED));
    }

    /** The constant {@code value} in {@code dimension} variables. */
    public static Polynomial constant(int dimension, Rational value) {
        return monomial(dimension, value, new int[dimension]);
    }

    /** The variable {@code x_variable} in {@code dimension} variables. */
    public static Polynomial variable(int dimension, int variable) {
        int[] e = new int[dimension];
        Objects.checkIndex(variable, dimension);
        e[variable] = 1;
        return monomial(dimension, Rational.ONE, e);
    }

    /**
     * The monomial {@code coefficient · Π x_j^exponents[j]}.
     *
     * @throws IllegalArgumentException if {@code exponents} has the wrong length or a negative entry
     */
    public static Polynomial monomial(int dimension, Rational coefficient, int... exponents) {
        checkDimension(dimension);
        if (exponents.length != dimension) {
            throw new IllegalArgumentException("a monomial in " + dimension + " variables needs " + dimension
                    + " exponents, got " + exponents.length);
        }
        for (int e : exponents) {
            if (e < 0) {
                throw new IllegalArgumentException("negative exponent in " + Arrays.toString(exponents));
            }
        }
        TreeMap<int[], Rational> t = new TreeMap<>(GRADED);
        if (coefficient.signum() != 0) {
            t.put(exponents.clone(), coefficient);
        }
        return new Polynomial(dimension, t);
    }

    /**
     * The polynomial with these terms: exponent vector (one entry per variable) to coefficient.
     * Zero coefficients are dropped; equal exponent vectors are not possible in a map.
     */
    public static Polynomial of(int dimension, Map<List<Integer>, Rational> terms) {
        Polynomial p = zero(dimension);
        for (Map.Entry<List<Integer>, Rational> e : terms.entrySet()) {
            int[] exps = e.getKey().stream().mapToInt(Integer::intValue).toArray();
            p = p.plus(monomial(dimension, e.getValue(), exps));
        }
        return p;
    }

    private static void checkDimension(int dimension) {
        if (dimension < 0) {
            throw new IllegalArgumentException("negative dimension " + dimension);
        }
    }

    /** The number of variables. */
    public int dimension() {
        return dimension;
    }

    /** The number of terms with a non-zero coefficient. */
    public int termCount() {
        return terms.size();
    }

    /** Whether this is the zero polynomial. */
    public boolean isZero() {
        return terms.isEmpty();
    }

    /** The total degree: the largest sum of exponents of a term; -1 for the zero polynomial. */
    public int degree() {
        return terms.isEmpty() ? -1 : sum(terms.firstKey());
    }

    /** The largest exponent of variable {@code variable} in any term (0 when it does not occur). */
    public int degreeIn(int variable) {
        int d = 0;
        for (int[] e : terms.keySet()) {
            d = Math.max(d, e[variable]);
        }
        return d;
    }

    /** Whether some term has a positive exponent of variable {@code variable}. */
    public boolean dependsOn(int variable) {
        return degreeIn(variable) > 0;
    }

    /** The terms in graded order: exponent vector to coefficient (an unmodifiable copy). */
    public Map<List<Integer>, Rational> terms() {
        Map<List<Integer>, Rational> out = new LinkedHashMap<>();
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            out.put(Arrays.stream(e.getKey()).boxed().toList(), e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The coefficient of the monomial with these exponents (0 when absent). */
    public Rational coefficient(int... exponents) {
        return terms.getOrDefault(exponents, Rational.ZERO);
    }

    /** {@code this + other}. */
    public Polynomial plus(Polynomial other) {
        checkSame(other);
        TreeMap<int[], Rational> t = new TreeMap<>(terms);
        for (Map.Entry<int[], Rational> e : other.terms.entrySet()) {
            addTerm(t, e.getKey(), e.getValue());
        }
        return new Polynomial(dimension, t);
    }

    /** {@code this - other}. */
    public Polynomial minus(Polynomial other) {
        return plus(other.negate());
    }

    /** {@code -this}. */
    public Polynomial negate() {
        return times(Rational.MINUS_ONE);
    }

    /** {@code c · this}. */
    public Polynomial times(Rational c) {
        TreeMap<int[], Rational> t = new TreeMap<>(GRADED);
        if (c.signum() != 0) {
            for (Map.Entry<int[], Rational> e : terms.entrySet()) {
                t.put(e.getKey(), e.getValue().multiply(c));
            }
        }
        return new Polynomial(dimension, t);
    }

    /** {@code this · other}, expanded exactly. */
    public Polynomial times(Polynomial other) {
        checkSame(other);
        TreeMap<int[], Rational> t = new TreeMap<>(GRADED);
        for (Map.Entry<int[], Rational> a : terms.entrySet()) {
            for (Map.Entry<int[], Rational> b : other.terms.entrySet()) {
                int[] e = new int[dimension];
                for (int i = 0; i < dimension; i++) {
                    e[i] = a.getKey()[i] + b.getKey()[i];
                }
                addTerm(t, e, a.getValue().multiply(b.getValue()));
            }
        }
        return new Polynomial(dimension, t);
    }

    /**
     * {@code this^exponent}, expanded exactly.
     *
     * @throws IllegalArgumentException for a negative exponent
     */
    public Polynomial pow(int exponent) {
        if (exponent < 0) {
            throw new IllegalArgumentException("negative exponent " + exponent);
        }
        Polynomial result = constant(dimension, Rational.ONE);
        Polynomial base = this;
        int e = exponent;
        while (e > 0) {
            if ((e & 1) != 0) {
                result = result.times(base);
            }
            e >>= 1;
            if (e > 0) {
                base = base.times(base);
            }
        }
        return result;
    }

    /** The polynomial with every coefficient replaced by its absolute value. */
    public Polynomial absolute() {
        TreeMap<int[], Rational> t = new TreeMap<>(GRADED);
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            t.put(e.getKey(), e.getValue().abs());
        }
        return new Polynomial(dimension, t);
    }

    /** ∂/∂x_variable, exactly. */
    public Polynomial derivative(int variable) {
        Objects.checkIndex(variable, dimension);
        TreeMap<int[], Rational> t = new TreeMap<>(GRADED);
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            int a = e.getKey()[variable];
            if (a > 0) {
                int[] x = e.getKey().clone();
                x[variable] = a - 1;
                t.put(x, e.getValue().multiply(Rational.of(a)));
            }
        }
        return new Polynomial(dimension, t);
    }

    /**
     * The partial derivative {@code index}, exactly: each term {@code c·x^a} becomes
     * {@code c·(a!/(a-α)!)·x^(a-α)}, or vanishes when some {@code a_j < α_j}.
     *
     * @throws IllegalArgumentException if {@code index} has the wrong dimension
     */
    public Polynomial derivative(MultiIndex index) {
        if (index.dimension() != dimension) {
            throw new IllegalArgumentException("multi-index " + index + " has " + index.dimension()
                    + " counts, the polynomial has " + dimension + " variables");
        }
        TreeMap<int[], Rational> t = new TreeMap<>(GRADED);
        outer:
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            int[] x = e.getKey().clone();
            java.math.BigInteger factor = java.math.BigInteger.ONE;
            for (int j = 0; j < dimension; j++) {
                int k = index.count(j);
                if (x[j] < k) {
                    continue outer;
                }
                for (int i = 0; i < k; i++) {
                    factor = factor.multiply(java.math.BigInteger.valueOf(x[j] - i));
                }
                x[j] -= k;
            }
            t.put(x, e.getValue().multiply(Rational.of(factor)));
        }
        return new Polynomial(dimension, t);
    }

    /**
     * The exact value at {@code point}.
     *
     * @throws IllegalArgumentException if the point has the wrong dimension
     */
    public Rational evaluate(List<Rational> point) {
        return evaluate(point, false);
    }

    /**
     * The sum of the absolute values of the terms at {@code point}, {@code Σ |c·x^a|}: the
     * condition number of evaluating the expanded polynomial (times its value), used to scale
     * tolerances.
     */
    public Rational absoluteTermSum(List<Rational> point) {
        return evaluate(point, true);
    }

    private Rational evaluate(List<Rational> point, boolean absolute) {
        if (point.size() != dimension) {
            throw new IllegalArgumentException("a point of " + point.size() + " coordinates for a polynomial in "
                    + dimension + " variables");
        }
        // Powers of each coordinate up to the degree in that variable, computed once.
        Rational[][] powers = new Rational[dimension][];
        for (int j = 0; j < dimension; j++) {
            int d = degreeIn(j);
            powers[j] = new Rational[d + 1];
            powers[j][0] = Rational.ONE;
            Rational x = absolute ? point.get(j).abs() : point.get(j);
            for (int k = 1; k <= d; k++) {
                powers[j][k] = powers[j][k - 1].multiply(x);
            }
        }
        Rational sum = Rational.ZERO;
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            Rational t = absolute ? e.getValue().abs() : e.getValue();
            int[] a = e.getKey();
            for (int j = 0; j < dimension; j++) {
                if (a[j] > 0) {
                    t = t.multiply(powers[j][a[j]]);
                }
            }
            sum = sum.add(t);
        }
        return sum;
    }

    /**
     * The value at {@code point} computed in {@code double} arithmetic: cheap, for scales and
     * tolerances where exactness is not needed.
     */
    public double evaluateDouble(double[] point) {
        double sum = 0;
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            double t = e.getValue().doubleValue();
            int[] a = e.getKey();
            for (int j = 0; j < dimension; j++) {
                for (int k = 0; k < a[j]; k++) {
                    t *= point[j];
                }
            }
            sum += t;
        }
        return sum;
    }

    /** This polynomial over {@code dimension - 1} variables with variable {@code variable} removed (it must not occur). */
    Polynomial withoutVariable(int variable) {
        if (dependsOn(variable)) {
            throw new IllegalArgumentException("variable " + variable + " occurs");
        }
        TreeMap<int[], Rational> t = new TreeMap<>(GRADED);
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            int[] a = e.getKey();
            int[] x = new int[dimension - 1];
            for (int j = 0, k = 0; j < dimension; j++) {
                if (j != variable) {
                    x[k++] = a[j];
                }
            }
            t.put(x, e.getValue());
        }
        return new Polynomial(dimension - 1, t);
    }

    /** The terms as (exponents, coefficient) pairs in graded order, for generators and shrinkers. */
    List<Map.Entry<int[], Rational>> entries() {
        List<Map.Entry<int[], Rational>> out = new ArrayList<>();
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            out.add(Map.entry(e.getKey().clone(), e.getValue()));
        }
        return out;
    }

    /**
     * The expanded polynomial as an expression over {@code variables}: a left-to-right sum of
     * monomials in graded order, {@code x^2 + 3*x*y - 1/2}. Negative coefficients after the first
     * term become subtractions; a coefficient {@code p/q} is a rational constant factor.
     */
    public Expression toExpression(List<String> variables) {
        if (variables.size() != dimension) {
            throw new IllegalArgumentException(variables.size() + " names for " + dimension + " variables");
        }
        Expression sum = null;
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            Rational c = e.getValue();
            if (sum == null) {
                sum = monomialExpression(variables, c, e.getKey());
            } else if (c.signum() < 0) {
                sum = sum.minus(monomialExpression(variables, c.negate(), e.getKey()));
            } else {
                sum = sum.plus(monomialExpression(variables, c, e.getKey()));
            }
        }
        return sum == null ? Expression.constant(0) : sum;
    }

    /** {@code c*x^2*y}, folded left to right from the coefficient; {@code -(x^2*y)} for -1. */
    private static Expression monomialExpression(List<String> variables, Rational c, int[] exps) {
        boolean unit = c.abs().equals(Rational.ONE);
        Expression m = unit ? null : Expression.constant(c);
        for (int j = 0; j < exps.length; j++) {
            if (exps[j] == 0) {
                continue;
            }
            Expression x = Expression.variable(variables.get(j));
            Expression f = exps[j] == 1 ? x : x.pow(exps[j]);
            m = m == null ? f : m.times(f);
        }
        if (m == null) {
            return Expression.constant(c);
        }
        return unit && c.signum() < 0 ? m.negate() : m;
    }

    /** The polynomial in the formula language over {@code variables}: {@code x^2 + 3*x*y - 1/2}. */
    public String text(List<String> variables) {
        return Text.of(toExpression(variables));
    }

    /** Equal when the dimension and every coefficient are equal. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Polynomial p) || p.dimension != dimension || p.terms.size() != terms.size()) {
            return false;
        }
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            if (!e.getValue().equals(p.terms.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = dimension;
        for (Map.Entry<int[], Rational> e : terms.entrySet()) {
            h = 31 * h + Arrays.hashCode(e.getKey()) * 17 + e.getValue().hashCode();
        }
        return h;
    }

    /** The polynomial over variables {@code x1, x2, …}: {@code x1^2 + 3*x1*x2}. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= dimension; j++) {
            names.add("x" + j);
        }
        return text(names);
    }

    private void checkSame(Polynomial other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("polynomials in " + dimension + " and " + other.dimension + " variables");
        }
    }

    private static void addTerm(TreeMap<int[], Rational> t, int[] exps, Rational c) {
        Rational old = t.get(exps);
        Rational sum = old == null ? c : old.add(c);
        if (sum.signum() == 0) {
            t.remove(exps);
        } else {
            t.put(old == null ? exps.clone() : exps, sum);
        }
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }
}
