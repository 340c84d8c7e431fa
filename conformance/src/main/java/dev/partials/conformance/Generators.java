package dev.partials.conformance;

import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The kit's generators: random polynomial formulas (expanded, factored and mixed), rational points,
 * multi-indices and whole {@link PolynomialCase}s.
 *
 * <h2>Distributions</h2>
 * <ul>
 * <li><b>Variables</b>: between the spec's bounds, named {@code x, y, z, w, u, v} or {@code x1 … x6}
 *     (each naming half of the time).</li>
 * <li><b>Coefficients</b>: non-zero integers in [-9, 9] (70%) or fractions {@code p/q} with
 *     {@code p} in [-9, 9] and {@code q} in {2, 3, 4, 5, 8} (30%).</li>
 * <li><b>Outputs</b>: expanded (35%: 1–8 monomials of random degree up to the maximum), factored
 *     (35%: a coefficient times 1–4 powers of bases of 1–3 terms, mostly linear, exponents 1–3), or
 *     a sum of 2–3 such products (30%). The total degree of every product stays within the maximum.</li>
 * <li><b>Points</b>: each coordinate 0 (10%) or {@code p/q} with {@code |p/q| <= 3} and {@code q} in
 *     {1, 2, 4, 8} (75%) or {3, 5} (15%). Dyadic denominators make the double the fraction itself;
 *     for 3 and 5 the point holds the nearest double's exact value (see {@link RationalPoint}), so the
 *     oracle stays exactly comparable either way.</li>
 * <li><b>Multi-indices</b>: total order uniform in the requested range, each differentiation on a
 *     random variable (or all on one variable when mixed partials are excluded).</li>
 * </ul>
 *
 * <p>Every generator draws only from the {@link RandomGenerator} it is given: the same seed gives the
 * same cases.
 *
 * @since 0.1
 */
public final class Generators {

    private static final List<String> LETTERS = List.of("x", "y", "z", "w", "u", "v");
    private static final int[] DYADIC = {1, 2, 4, 8};
    private static final int[] OTHER = {3, 5};
    private static final int[] COEFFICIENT_DENOMINATORS = {2, 3, 4, 5, 8};

    private Generators() {
    }

    /** Random polynomial formulas within {@code spec}. */
    public static Generator<PolynomialFormula> polynomialFormulas(PolynomialSpec spec) {
        return random -> {
            int n = between(random, spec.minVariables(), spec.maxVariables());
            int m = between(random, spec.minOutputs(), spec.maxOutputs());
            List<String> names = variableNames(n, random.nextBoolean());
            List<PolynomialFormula.Sum> outputs = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                outputs.add(sum(random, n, spec.maxDegree()));
            }
            return PolynomialFormula.of(names, outputs);
        };
    }

    /** {@code x, y, z, …} ({@code letters}) or {@code x1, x2, …}. */
    static List<String> variableNames(int n, boolean letters) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            names.add(letters ? LETTERS.get(j) : "x" + (j + 1));
        }
        return names;
    }

    /** Random points in {@code dimension} variables with coordinates in [-3, 3]. */
    public static Generator<RationalPoint> points(int dimension) {
        return random -> {
            List<Rational> c = new ArrayList<>();
            for (int j = 0; j < dimension; j++) {
                c.add(coordinate(random, 3, 0.10));
            }
            return new RationalPoint(c);
        };
    }

    /** Random directions in {@code dimension} variables: components in [-2, 2], 30% of them 0. */
    public static Generator<RationalPoint> directions(int dimension) {
        return random -> {
            List<Rational> c = new ArrayList<>();
            for (int j = 0; j < dimension; j++) {
                c.add(coordinate(random, 2, 0.30));
            }
            return new RationalPoint(c);
        };
    }

    /**
     * Random multi-indices over {@code dimension} variables of total order in
     * {@code [minOrder, maxOrder]}; with {@code mixed} false, all differentiations are on one
     * variable.
     */
    public static Generator<MultiIndex> multiIndices(int dimension, int minOrder, int maxOrder, boolean mixed) {
        if (minOrder < 0 || maxOrder < minOrder) {
            throw new IllegalArgumentException("orders must satisfy 0 <= min <= max, got " + minOrder + ".." + maxOrder);
        }
        return random -> {
            int order = between(random, minOrder, maxOrder);
            int[] counts = new int[dimension];
            int only = random.nextInt(dimension);
            for (int i = 0; i < order; i++) {
                counts[mixed ? random.nextInt(dimension) : only]++;
            }
            return MultiIndex.of(counts);
        };
    }

    /**
     * Random cases: a formula within {@code spec}, a point, an output, a multi-index of order in
     * {@code [minOrder, maxOrder]} (mixed only if {@code mixed}) and a direction.
     */
    public static Generator<PolynomialCase> polynomialCases(PolynomialSpec spec, int minOrder, int maxOrder,
                                                            boolean mixed) {
        Generator<PolynomialFormula> formulas = polynomialFormulas(spec);
        return random -> {
            PolynomialFormula f = formulas.next(random);
            int n = f.dimension();
            RationalPoint point = points(n).next(random);
            int output = random.nextInt(f.outputCount());
            MultiIndex index = multiIndices(n, minOrder, maxOrder, mixed).next(random);
            RationalPoint direction = directions(n).next(random);
            return new PolynomialCase(f, point, output, index, direction);
        };
    }

    /**
     * Random cases of nested elementary expressions: every operation of the language ({@link dev.partials.Op}:
     * {@code + - * / ^}, negation, every unary function, {@code atan2}, {@code min}, {@code max}),
     * nested up to {@code spec.maxDepth()} deep (the root's depth drawn uniformly from 1 to it), in 1 to
     * {@code spec.maxVariables()} variables named {@code x, y, z, w}, a quarter of them vector formulas
     * of 2 to {@code spec.maxOutputs()} outputs; the point's coordinates are multiples of 1/8 in
     * [-2.5, 2.5], the index has order 1–4 (mixed), and the leaves are variables (75%), small
     * rationals (20%) and {@code pi} or {@code e}.
     *
     * <p>The point is fixed first and each tree is built bottom-up: a node's operation is drawn
     * uniformly, and if it is not allowed at its children's values (computed in {@code double}) another
     * of the same arity that is allowed is taken. An operation is allowed when, with margin
     * m = 1/4: the divisor has |b| ≥ m; {@code log}, {@code sqrt} and a non-integer power's base are
     * ≥ m (and |b·log a| ≤ 4 for {@code a^b}); an integer power with a negative exponent has |a| ≥ m;
     * {@code asin}, {@code acos} have |a| ≤ 0.8; {@code tan} has |cos a| ≥ 0.3; {@code exp},
     * {@code sinh}, {@code cosh} have |a| ≤ 4 and the other smooth functions |a| ≤ 10; {@code abs},
     * {@code relu} have |a| ≥ m (no kink); {@code min}, {@code max} have |a − b| ≥ m (no tie);
     * {@code atan2(y, x)} has x² + y² ≥ m² and is away from its branch cut (x ≥ m or |y| ≥ m); and the
     * result keeps every value within 100 and every partial of order ≤ 4 (of the magnitude jet, the
     * derivative computed on absolute values) within 10^5, so nothing explodes.
     * {@link ElementaryCase#valid()} re-checks all of it; the
     * {@linkplain Shrinker#elementaryCases() shrinker} keeps only valid candidates.
     */
    public static Generator<ElementaryCase> elementaryCases(ElementarySpec spec) {
        return ElementaryExpressions.cases(spec);
    }

    private static PolynomialFormula.Sum sum(RandomGenerator random, int n, int maxDegree) {
        double form = random.nextDouble();
        if (form < 0.35) {
            return PolynomialFormula.expandedSum(expanded(random, n, maxDegree, 1 + random.nextInt(8)));
        }
        if (form < 0.70) {
            return new PolynomialFormula.Sum(List.of(factored(random, n, maxDegree)));
        }
        int products = 2 + random.nextInt(2);
        List<PolynomialFormula.Product> ps = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            if (random.nextBoolean()) {
                ps.add(factored(random, n, maxDegree));
            } else {
                Polynomial p = expanded(random, n, maxDegree, 1 + random.nextInt(4));
                ps.add(new PolynomialFormula.Product(random.nextInt(3) == 0 ? coefficient(random) : Rational.ONE,
                        List.of(new PolynomialFormula.Power(p, 1))));
            }
        }
        return new PolynomialFormula.Sum(ps);
    }

    /** A non-zero polynomial of {@code terms} random monomials of degree at most {@code maxDegree}. */
    private static Polynomial expanded(RandomGenerator random, int n, int maxDegree, int terms) {
        Polynomial p = Polynomial.zero(n);
        for (int t = 0; t < terms; t++) {
            p = p.plus(Polynomial.monomial(n, coefficient(random), exponents(random, n, random.nextInt(maxDegree + 1))));
        }
        if (p.isZero()) {
            p = Polynomial.variable(n, random.nextInt(n));
        }
        return p;
    }

    /** A coefficient times powers of small non-constant bases, of total degree at most {@code maxDegree}. */
    private static PolynomialFormula.Product factored(RandomGenerator random, int n, int maxDegree) {
        Rational c = random.nextBoolean() ? (random.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE) : coefficient(random);
        int factors = 1 + random.nextInt(4);
        int budget = maxDegree;
        List<PolynomialFormula.Power> powers = new ArrayList<>();
        for (int i = 0; i < factors && budget > 0; i++) {
            int baseDegree = budget >= 2 && random.nextInt(5) == 0 ? 2 : 1;
            Polynomial base = base(random, n, baseDegree);
            int d = base.degree();
            int exponent = 1 + random.nextInt(Math.min(3, budget / d));
            powers.add(new PolynomialFormula.Power(base, exponent));
            budget -= d * exponent;
        }
        return new PolynomialFormula.Product(c, powers);
    }

    /** A base of 1–3 terms of degree at most {@code degree}, with at least one term of that degree. */
    private static Polynomial base(RandomGenerator random, int n, int degree) {
        while (true) {
            Polynomial p = Polynomial.monomial(n, random.nextInt(3) == 0 ? coefficient(random) : Rational.ONE,
                    exponents(random, n, degree));
            int more = random.nextInt(3);
            for (int t = 0; t < more; t++) {
                p = p.plus(Polynomial.monomial(n, coefficient(random), exponents(random, n, random.nextInt(degree + 1))));
            }
            if (p.degree() >= 1) {
                return p;
            }
        }
    }

    /** An exponent vector of total degree {@code degree}, each unit on a random variable. */
    private static int[] exponents(RandomGenerator random, int n, int degree) {
        int[] e = new int[n];
        for (int i = 0; i < degree; i++) {
            e[random.nextInt(n)]++;
        }
        return e;
    }

    /** A non-zero integer in [-9, 9] (70%) or a fraction p/q with q in {2, 3, 4, 5, 8}. */
    static Rational coefficient(RandomGenerator random) {
        int p = random.nextInt(1, 10) * (random.nextBoolean() ? 1 : -1);
        if (random.nextDouble() < 0.7) {
            return Rational.of(p);
        }
        return Rational.of(p, COEFFICIENT_DENOMINATORS[random.nextInt(COEFFICIENT_DENOMINATORS.length)]);
    }

    private static Rational coordinate(RandomGenerator random, int bound, double zero) {
        double u = random.nextDouble();
        if (u < zero) {
            return Rational.ZERO;
        }
        int q = u < zero + (1 - zero) * 0.83 ? DYADIC[random.nextInt(DYADIC.length)] : OTHER[random.nextInt(OTHER.length)];
        int p = random.nextInt(-bound * q, bound * q + 1);
        return Rational.of(p, q);
    }

    private static int between(RandomGenerator random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
