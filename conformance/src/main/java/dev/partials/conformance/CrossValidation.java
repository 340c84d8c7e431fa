package dev.partials.conformance;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Cross-validation: every pair of providers on the same random cases.
 *
 * <p>Each try {@code i} draws, from the generator seeded with {@link KitSettings#seedOfTry(int)}, three
 * cases: one random polynomial case (scalar, or a vector formula a quarter of the time; the
 * {@link Generators#polynomialCases kit's generators}); one elementary case {@code f(p(x))} (a smooth
 * function of the language of a random quadratic polynomial, at a point where it is well
 * conditioned); and one case of nested elementary expressions ({@link Generators#elementaryCases}:
 * every operation of the language, nested up to 6 deep, in 1–4 variables, a quarter of them vector
 * formulas, at a point inside every operation's smooth domain with margin). On the polynomial and
 * nested cases every provider computes, where its {@link Capabilities} allow, the values, the
 * gradient, the Jacobian (vector formulas), the Hessian (order 2, and mixed partials or one variable)
 * and the case's random multi-index lowered to every order up to {@code min(maxOrder, 4)}, pure and
 * mixed; on {@code f(p(x))} the value and gradient. Every pair then compares what both computed; the
 * partial compared is the case's index lowered to the pair's common maximum order (made pure unless
 * both serve mixed partials).
 *
 * <h2>Tolerances</h2>
 * Two results agree when {@code |a - b| <= tol_a + tol_b}, each provider's tolerance being its
 * distance allowed from the exact value:
 * <ul>
 * <li>an exact provider on a polynomial: the contract's exact tolerance {@code 2·D·u·C} of the
 *     {@link ExactOracle exact oracle};</li>
 * <li>an exact provider on {@code f(p(x))}: the tolerances of {@code p} and {@code ∂p} propagated
 *     through {@code f'} and {@code f''} plus a few u relative, as the contract's elementary property
 *     does;</li>
 * <li>an exact provider on nested expressions: {@code c·u·E_α} with c = {@value #EXPRESSION_SLACK},
 *     where {@code E_α} is the kit's own running error bound of partial α, computed independently of
 *     every provider by truncated Taylor arithmetic (order 4) over the expression: each operation
 *     adds its rounding, measured on the <em>magnitude</em> of its result (the same derivative
 *     computed with the absolute value of every value and local partial, so a cancelling difference
 *     {@code a − b} is charged {@code |a| + |b|}), charges 4 u for a library function and its
 *     derivative formula, and carries its operands' error bounds through the magnitudes and the next
 *     derivative (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., §3.3). The
 *     bound is a first-order bound for any evaluation that sums the same products in any order (forward
 *     mode, Taylor mode, a simplified derivative expression); exact and exact are not bitwise equal on
 *     nested expressions, and over 10,000 cases of the built-in exact providers the largest
 *     {@code |result − jet|/(u·E)} measured was 0.54, so c = 4 leaves a margin of about 7 per
 *     provider;</li>
 * <li>an approximate provider with error estimates: its exact tolerance plus 10 × its own
 *     {@link Derivatives#partialEstimate estimate} of the partial;</li>
 * <li>an approximate provider without estimates: its exact tolerance plus the contract's default
 *     {@link ProviderContract#approximateTolerance(int) approximate tolerance} times the scale (the
 *     oracle's scale for polynomials; the sum of the magnitudes of all partials to order 4 for nested
 *     expressions).</li>
 * </ul>
 * A provider that throws on a request within its capabilities, or answers NaN where the other does
 * not, fails the pair. A failure also shows the kit's own value (the exact oracle's, or the Taylor
 * jet's), which tells which of the two is wrong.
 *
 * <p>The <b>relative deviation</b> of two results is {@code |a - b| / max(1, |a|, |b|)} (absolute for
 * results below 1). A failing pair reports the first failing case of each kind shrunk (with the kit's
 * {@link Shrinker#polynomialCases() polynomial shrinker}, through the inner polynomial for
 * {@code f(p(x))}, and {@link Shrinker#elementaryCases()} for nested expressions) and every failing
 * case with its seed and a replay line. The run is deterministic from the
 * seed.
 *
 * {@snippet :
 * CrossValidation.Report r = CrossValidation.run(PartialDerivative.all(), KitSettings.fromSystemProperties());
 * System.out.println(r.text());
 * if (!r.passed()) { ... }
 * }
 *
 * @since 0.1
 */
public final class CrossValidation {

    /** The highest order of partial cross-validated. */
    public static final int MAX_ORDER = 4;

    /**
     * The factor c of the tolerance {@code c·u·E} of an exact provider on a nested elementary
     * expression, E being the kit's running error bound (see the class documentation).
     */
    public static final double EXPRESSION_SLACK = 4;

    /** {@link Mismatch#kind()} of a random polynomial case. */
    public static final String POLYNOMIAL = "polynomial";

    /** {@link Mismatch#kind()} of an elementary function of a quadratic polynomial, {@code f(p(x))}. */
    public static final String ELEMENTARY = "elementary";

    /** {@link Mismatch#kind()} of a case of nested elementary expressions ({@link Generators#elementaryCases}). */
    public static final String EXPRESSION = "expression";

    private CrossValidation() {
    }

    /**
     * One case on which two providers disagree.
     *
     * @param first    the id of one provider
     * @param second   the id of the other
     * @param kind     {@value #POLYNOMIAL}, {@value #ELEMENTARY} ({@code f(p(x))}) or {@value #EXPRESSION}
     *                 (nested elementary expressions)
     * @param tryIndex the try (0-based) that drew the case
     * @param seed     the seed of that try: {@code -Dpartials.seed=<seed> -Dpartials.tries=1} replays it
     * @param claim    what should agree, with both results and the tolerance
     * @param formula  the formula of the shrunk case (or of the original case when not shrunk)
     * @param point    the point, as text
     * @param shrunk   how the case was shrunk ({@code "in 7 steps from …"}), or empty when it was not
     * @param replay   the line that replays the run of this case
     */
    public record Mismatch(String first, String second, String kind, int tryIndex, long seed, String claim,
                           String formula, String point, Optional<String> shrunk, String replay) {

        /** A multi-line description of the mismatch. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            sb.append(first).append(" × ").append(second).append(": ").append(kind).append(" case, try ")
                    .append(tryIndex + 1).append(", seed ").append(seed).append('\n');
            sb.append("  claim:      ").append(claim).append('\n');
            sb.append("  formula:    ").append(formula).append('\n');
            sb.append("  point:      ").append(point).append('\n');
            sb.append("  shrunk:     ").append(shrunk.orElse("not shrunk")).append('\n');
            sb.append("  reproduce:  ").append(replay).append('\n');
            return sb.toString();
        }
    }

    /**
     * One cell of the matrix: a pair of providers.
     *
     * @param first                 one provider's id
     * @param second                the other's
     * @param cases                 how many cases both were compared on
     * @param maxRelativeDeviation  the largest relative deviation of any compared result
     * @param failures              the cases on which they disagree (the first of each kind shrunk)
     */
    public record Cell(String first, String second, int cases, double maxRelativeDeviation, List<Mismatch> failures) {
        /** Copies the failures. */
        public Cell {
            failures = List.copyOf(failures);
        }
    }

    /**
     * The provider × provider matrix of a cross-validation run.
     *
     * @param settings  the seed and tries
     * @param providers the provider ids, in the order given
     * @param cells     one cell per unordered pair, in row-major order of {@link #providers}
     */
    public record Report(KitSettings settings, List<String> providers, List<Cell> cells) {

        /** Copies the lists. */
        public Report {
            providers = List.copyOf(providers);
            cells = List.copyOf(cells);
        }

        /**
         * The cell of providers {@code a} and {@code b} (in either order).
         *
         * @throws IllegalArgumentException if there is no such pair
         */
        public Cell cell(String a, String b) {
            for (Cell c : cells) {
                if ((c.first().equals(a) && c.second().equals(b)) || (c.first().equals(b) && c.second().equals(a))) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no pair " + a + " × " + b + " in " + providers);
        }

        /** Every mismatch of every pair. */
        public List<Mismatch> failures() {
            return cells.stream().flatMap(c -> c.failures().stream()).toList();
        }

        /** Whether no pair disagrees. */
        public boolean passed() {
            return cells.stream().allMatch(c -> c.failures().isEmpty());
        }

        /**
         * The matrix as a table (each cell: cases, max relative deviation, failures), followed by the
         * first mismatch of each kind of each failing pair with its shrunk counterexample and replay line.
         */
        public String text() {
            int w = 8;
            for (String p : providers) {
                w = Math.max(w, p.length());
            }
            List<List<String>> rows = new ArrayList<>();
            int cw = w;
            for (String a : providers) {
                List<String> row = new ArrayList<>();
                for (String b : providers) {
                    String s;
                    if (a.equals(b)) {
                        s = "—";
                    } else {
                        Cell c = cell(a, b);
                        s = c.cases() + " " + String.format(Locale.ROOT, "%.1e", c.maxRelativeDeviation()) + " "
                                + (c.failures().isEmpty() ? "ok" : c.failures().size() + " FAIL");
                    }
                    row.add(s);
                    cw = Math.max(cw, s.length());
                }
                rows.add(row);
            }
            StringBuilder sb = new StringBuilder();
            sb.append("cross-validation: seed ").append(settings.seed()).append(", ").append(settings.tries())
                    .append(" tries (a polynomial, an elementary f(p) and a nested elementary expression case each), ").append(providers.size())
                    .append(" providers\n");
            sb.append("each cell: cases compared, max relative deviation |a-b|/max(1,|a|,|b|), failures\n\n");
            sb.append(pad("", w));
            for (String p : providers) {
                sb.append("  ").append(pad(p, cw));
            }
            sb.append('\n');
            for (int i = 0; i < providers.size(); i++) {
                sb.append(pad(providers.get(i), w));
                for (String s : rows.get(i)) {
                    sb.append("  ").append(pad(s, cw));
                }
                sb.append('\n');
            }
            long failing = cells.stream().filter(c -> !c.failures().isEmpty()).count();
            sb.append('\n').append(failing == 0 ? "all " + cells.size() + " pairs agree"
                    : failing + " of " + cells.size() + " pairs disagree").append('\n');
            for (Cell c : cells) {
                List<Mismatch> shown = new ArrayList<>();
                for (String kind : List.of(POLYNOMIAL, ELEMENTARY, EXPRESSION)) {
                    c.failures().stream().filter(m -> m.kind().equals(kind)).findFirst().ifPresent(shown::add);
                }
                for (Mismatch m : shown) {
                    sb.append('\n').append(m.text());
                }
                if (c.failures().size() > shown.size()) {
                    sb.append("  (and ").append(c.failures().size() - shown.size()).append(" more failing case(s) of this pair)\n");
                }
            }
            return sb.toString();
        }

        private static String pad(String s, int w) {
            return s.length() >= w ? s : s + " ".repeat(w - s.length());
        }
    }

    /**
     * Cross-validates every pair of {@code providers} on {@code settings.tries()} polynomial cases and
     * as many {@code f(p(x))} and nested elementary cases.
     *
     * @throws IllegalArgumentException if fewer than two providers are given or two share an id
     */
    public static Report run(List<PartialDerivative> providers, KitSettings settings) {
        return run(providers, settings, ElementarySpec.standard());
    }

    /**
     * As {@link #run(List, KitSettings)}, with the nested elementary cases drawn within {@code spec}
     * (deeper nesting, fewer variables, …).
     *
     * @throws IllegalArgumentException if fewer than two providers are given or two share an id
     */
    public static Report run(List<PartialDerivative> providers, KitSettings settings, ElementarySpec spec) {
        if (providers.size() < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two providers, got "
                    + providers.stream().map(PartialDerivative::id).toList());
        }
        List<String> ids = providers.stream().map(PartialDerivative::id).toList();
        if (ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException("provider ids must be unique: " + ids);
        }
        int np = providers.size();
        int[][] cases = new int[np][np];
        double[][] deviation = new double[np][np];
        List<List<List<Mismatch>>> failures = new ArrayList<>();
        for (int a = 0; a < np; a++) {
            List<List<Mismatch>> row = new ArrayList<>();
            for (int b = 0; b < np; b++) {
                row.add(new ArrayList<>());
            }
            failures.add(row);
        }
        Generator<PolynomialCase> polynomials = polynomialCases();
        Generator<Elementary.Case> elementary = Elementary.cases();
        Generator<ElementaryCase> expressions = Generators.elementaryCases(spec);
        for (int i = 0; i < settings.tries(); i++) {
            RandomGenerator random = settings.randomForTry(i);
            PolynomialCase pc = polynomials.next(random);
            Elementary.Case ec = elementary.next(random);
            ElementaryCase xc = expressions.next(random);
            List<Results> pr = new ArrayList<>();
            List<Results> er = new ArrayList<>();
            List<Results> xr = new ArrayList<>();
            for (PartialDerivative p : providers) {
                pr.add(compute(p, pc));
                er.add(compute(p, ec));
                xr.add(compute(p, xc));
            }
            for (int a = 0; a < np; a++) {
                for (int b = a + 1; b < np; b++) {
                    PartialDerivative pa = providers.get(a);
                    PartialDerivative pb = providers.get(b);
                    Comparison c1 = compare(pa, pb, pc.index(), pc.output(), pr.get(a), pr.get(b));
                    Comparison c2 = compare(pa, pb, MultiIndex.zero(1), 0, er.get(a), er.get(b));
                    Comparison c3 = compare(pa, pb, xc.index(), xc.output(), xr.get(a), xr.get(b));
                    cases[a][b] += 3;
                    deviation[a][b] = Math.max(deviation[a][b], Math.max(c1.deviation, Math.max(c2.deviation, c3.deviation)));
                    List<Mismatch> fs = failures.get(a).get(b);
                    if (c1.failure != null) {
                        fs.add(polynomialMismatch(pa, pb, settings, i, pc, c1.failure, firstOfKind(fs, POLYNOMIAL)));
                    }
                    if (c2.failure != null) {
                        fs.add(elementaryMismatch(pa, pb, settings, i, ec, c2.failure, firstOfKind(fs, ELEMENTARY)));
                    }
                    if (c3.failure != null) {
                        fs.add(expressionMismatch(pa, pb, settings, i, xc, c3.failure, firstOfKind(fs, EXPRESSION)));
                    }
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int a = 0; a < np; a++) {
            for (int b = a + 1; b < np; b++) {
                cells.add(new Cell(ids.get(a), ids.get(b), cases[a][b], deviation[a][b], failures.get(a).get(b)));
            }
        }
        return new Report(settings, ids, cells);
    }

    /** Scalar formulas, vector ones a quarter of the time; multi-indices of order 1–4, mixed. */
    private static Generator<PolynomialCase> polynomialCases() {
        Generator<PolynomialCase> scalar = Generators.polynomialCases(PolynomialSpec.standard(), 1, MAX_ORDER, true);
        Generator<PolynomialCase> vector = Generators.polynomialCases(PolynomialSpec.vector(), 1, MAX_ORDER, true);
        return random -> random.nextInt(4) == 0 ? vector.next(random) : scalar.next(random);
    }

    // ---------------------------------------------------------------- one provider's results on one case

    /** One computed number with the provider's tolerance for it and the kit's own value (NaN if none). */
    private record Entry(double value, double tolerance, double reference) {
        Entry(double value, double tolerance) {
            this(value, tolerance, Double.NaN);
        }
    }

    /**
     * What the kit knows of one partial independently of the providers.
     *
     * @param value          the kit's value (the exact oracle's, or the kit's Taylor jet's)
     * @param exactTolerance how far an exact provider may be from the exact value
     * @param scale          the scale of the default approximate tolerance
     */
    private record Expected(double value, double exactTolerance, double scale) {
    }

    /** The kit's expectation of partial {@code index} of output {@code output}. */
    @FunctionalInterface
    private interface Reference {
        Expected expected(int output, MultiIndex index);
    }

    /** What one provider computed on one case: entries by name, or the exception it threw. */
    private record Results(Map<String, Entry> entries, String threw) {
    }

    /** The index lowered to order {@code cap} (removing from the last variables first), pure unless {@code mixed}. */
    static MultiIndex clamp(MultiIndex index, int cap, boolean mixed) {
        int[] counts = index.counts();
        int order = index.order();
        for (int j = counts.length - 1; j >= 0 && order > cap; j--) {
            int drop = Math.min(counts[j], order - cap);
            counts[j] -= drop;
            order -= drop;
        }
        if (!mixed) {
            int first = -1;
            for (int j = 0; j < counts.length; j++) {
                if (counts[j] > 0 && first < 0) {
                    first = j;
                } else if (counts[j] > 0) {
                    counts[first] += counts[j];
                    counts[j] = 0;
                }
            }
        }
        return MultiIndex.of(counts);
    }

    private static String key(String what, int output, MultiIndex index) {
        return what + " " + output + " " + index;
    }

    private static Results compute(PartialDerivative p, PolynomialCase c) {
        ExactOracle o = ExactOracle.of(c.formula());
        double[] x = c.point().doubles();
        return compute(p, c.formula().formula(), x, c.output(), c.index(), (output, index) -> {
            ExactOracle.Answer a = o.partial(output, index, c.point());
            double t = Tolerances.exact(Tolerances.depth(o.formula().expression(output), index),
                    a.conditioning().doubleValue());
            return new Expected(a.doubleValue(), t, o.scale(output, index, x));
        });
    }

    private static Results compute(PartialDerivative p, ElementaryCase c) {
        List<Jet> jets = ElementaryExpressions.jets(c);
        return compute(p, c.formula(), c.point(), c.output(), c.index(), (output, index) -> {
            Jet j = jets.get(output);
            return new Expected(j.partial(index), EXPRESSION_SLACK * Tolerances.U * j.errorBound(index), scale(j));
        });
    }

    /** The scale of a jet: the sum of the magnitudes of all its partials. */
    private static double scale(Jet j) {
        double s = 0;
        for (int q = 0; q < j.layout.size; q++) {
            s += j.magnitude[q] * j.layout.factorials[q];
        }
        return s;
    }

    /**
     * What provider {@code p} computes on {@code formula} at {@code x}: every value; the gradient of
     * output {@code k}; the Jacobian (several outputs); the Hessian of output k (order 2, and mixed
     * partials or one variable); and the case's {@code index} lowered to every order up to
     * {@code min(maxOrder, 4)}, pure and mixed.
     */
    private static Results compute(PartialDerivative p, Formula formula, double[] x, int k, MultiIndex caseIndex,
                                   Reference ref) {
        Map<String, Entry> e = new LinkedHashMap<>();
        String[] call = {"provider.prepare(formula)"};
        try {
            Capabilities caps = p.capabilities();
            Derivatives d = p.prepare(formula);
            int n = x.length;
            int m = formula.outputCount();
            call[0] = "d.values(point)";
            double[] values = d.values(x);
            for (int q = 0; q < m; q++) {
                e.put(key("value", q, MultiIndex.zero(n)), entry(p, d, ref, q, MultiIndex.zero(n), x, values[q], call));
            }
            call[0] = "d.gradient(output, point, out)";
            double[] g = new double[n];
            d.gradient(k, x, g);
            for (int j = 0; j < n; j++) {
                MultiIndex u = MultiIndex.unit(n, j);
                e.put(key("gradient", k, u), entry(p, d, ref, k, u, x, g[j], call));
            }
            if (m > 1) {
                call[0] = "d.jacobian(point)";
                double[][] jac = d.jacobian(x);
                for (int q = 0; q < m; q++) {
                    for (int j = 0; j < n; j++) {
                        MultiIndex u = MultiIndex.unit(n, j);
                        e.put(key("jacobian", q, u), entry(p, d, ref, q, u, x, jac[q][j], call));
                    }
                }
            }
            if (caps.maxOrder() >= 2 && (caps.mixedPartials() || n == 1)) {
                call[0] = "d.hessian(output, point, out)";
                double[] h = new double[n * n];
                d.hessian(k, x, h);
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        MultiIndex u = MultiIndex.pair(n, i, j);
                        e.put(key("hessian", k, u), entry(p, d, ref, k, u, x, h[i * n + j], call));
                    }
                }
            }
            int top = Math.min(caps.maxOrder(), MAX_ORDER);
            for (int cap = 1; cap <= top; cap++) {
                for (boolean mixed : new boolean[] {false, true}) {
                    MultiIndex idx = clamp(caseIndex, cap, mixed);
                    if (idx.order() == 0 || !caps.supports(idx) || e.containsKey(key("partial", k, idx))) {
                        continue;
                    }
                    call[0] = Runner.partialCall(k, idx, x);
                    double v = d.partial(k, idx, x);
                    e.put(key("partial", k, idx), entry(p, d, ref, k, idx, x, v, call));
                }
            }
            return new Results(e, null);
        } catch (RuntimeException | StackOverflowError ex) {
            return new Results(e, call[0] + " threw " + Failure.describe(ex));
        }
    }

    private static Entry entry(PartialDerivative p, Derivatives d, Reference ref, int output, MultiIndex index,
                               double[] x, double value, String[] call) {
        Expected ex = ref.expected(output, index);
        double t = ex.exactTolerance();
        if (!p.capabilities().exact()) {
            t += approximate(p, d, output, index, x, ex.scale(), call);
        }
        return new Entry(value, t, ex.value());
    }

    /** 10 × the provider's estimate when it has one, else the contract's default tolerance times {@code scale}. */
    private static double approximate(PartialDerivative p, Derivatives d, int output, MultiIndex index, double[] x,
                                      double scale, String[] call) {
        if (p.capabilities().errorEstimates()) {
            String was = call[0];
            call[0] = "d.partialEstimate(" + output + ", " + Text.javaIndex(index) + ", " + Text.javaArray(x) + ")";
            Estimate est = d.partialEstimate(output, index, x);
            call[0] = was;
            if (Double.isFinite(est.error())) {
                return 10 * est.error();
            }
        }
        return DEFAULT_CONTRACT.approximateTolerance(index.order()) * scale;
    }

    /** A contract used only for its default approximate tolerance. */
    private static final ProviderContract DEFAULT_CONTRACT = () -> {
        throw new UnsupportedOperationException("used for its default tolerance only");
    };

    private static Results compute(PartialDerivative p, Elementary.Case c) {
        Map<String, Entry> e = new LinkedHashMap<>();
        String[] call = {"provider.prepare(formula)"};
        try {
            PolynomialFormula pf = c.inner().formula();
            Elementary.Function fn = c.function();
            double[] x = c.inner().point().doubles();
            int n = x.length;
            MultiIndex zero = MultiIndex.zero(n);
            ExactOracle o = ExactOracle.of(pf);
            ExactOracle.Answer a0 = o.value(0, c.inner().point());
            double v = a0.doubleValue();
            double f0 = fn.value.applyAsDouble(v);
            double f1 = fn.first.applyAsDouble(v);
            double f2 = fn.second.applyAsDouble(v);
            double tolP = Tolerances.exact(Tolerances.depth(pf.expression(0), zero), a0.conditioning().doubleValue())
                    + Tolerances.U * Math.abs(v);
            boolean exact = p.capabilities().exact();
            Derivatives d = p.prepare(Formula.of(pf.variables(), c.expression()));
            call[0] = "d.values(point)";
            double value = d.values(x)[0];
            double tolValue = 2 * Math.abs(f1) * tolP + 8 * Tolerances.U * Math.abs(f0);
            if (!exact) {
                tolValue += approximate(p, d, 0, zero, x, Math.abs(f1) * o.scale(0, zero, x) + Math.abs(f0), call);
            }
            e.put(key("value", 0, zero), new Entry(value, tolValue));
            call[0] = "d.gradient(output, point, out)";
            double[] grad = new double[n];
            d.gradient(0, x, grad);
            for (int j = 0; j < n; j++) {
                MultiIndex u = MultiIndex.unit(n, j);
                ExactOracle.Answer a1 = o.partial(0, u, c.inner().point());
                double g = a1.doubleValue();
                double tolG = Tolerances.exact(Tolerances.depth(pf.expression(0), u), a1.conditioning().doubleValue())
                        + Tolerances.U * Math.abs(g);
                double t = 2 * Math.abs(f2) * tolP * Math.abs(g) + Math.abs(f1) * tolG + 32 * Tolerances.U * Math.abs(f1 * g)
                        + 8 * Tolerances.U * fn.absoluteError.applyAsDouble(v) * Math.abs(g);
                if (!exact) {
                    t += approximate(p, d, 0, u, x, Math.abs(f1) * o.scale(0, u, x)
                            + Math.abs(f2) * Math.abs(g) * o.scale(0, zero, x) + Math.abs(f1 * g) + Math.abs(f0), call);
                }
                e.put(key("gradient", 0, u), new Entry(grad[j], t));
            }
            return new Results(e, null);
        } catch (RuntimeException | StackOverflowError ex) {
            return new Results(e, call[0] + " threw " + Failure.describe(ex));
        }
    }

    // ---------------------------------------------------------------- comparing a pair

    /** The outcome of comparing two providers on one case: the largest deviation, and the first failure or null. */
    private record Comparison(double deviation, String failure) {
    }

    private static Comparison compare(PartialDerivative pa, PartialDerivative pb, MultiIndex caseIndex, int output,
                                      Results a, Results b) {
        if (a.threw() != null) {
            return new Comparison(0, pa.id() + " answers without an exception, but " + a.threw());
        }
        if (b.threw() != null) {
            return new Comparison(0, pb.id() + " answers without an exception, but " + b.threw());
        }
        Capabilities ca = pa.capabilities();
        Capabilities cb = pb.capabilities();
        int common = Math.min(MAX_ORDER, Math.min(ca.maxOrder(), cb.maxOrder()));
        boolean mixed = ca.mixedPartials() && cb.mixedPartials();
        // the case's index lowered to the pair's common order: the one partial compared
        String partialKey = caseIndex.order() > 0 ? key("partial", output, clamp(caseIndex, common, mixed)) : null;
        double worst = 0;
        for (Map.Entry<String, Entry> me : a.entries().entrySet()) {
            String k = me.getKey();
            if (k.startsWith("partial ") && !k.equals(partialKey)) {
                continue;
            }
            Entry eb = b.entries().get(k);
            if (eb == null) {
                continue;
            }
            Entry ea = me.getValue();
            double x = ea.value();
            double y = eb.value();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                if (Double.isNaN(x) != Double.isNaN(y)) {
                    return new Comparison(Double.POSITIVE_INFINITY, describe(k) + ": " + pa.id() + " gives " + x + ", "
                            + pb.id() + " gives " + y
                            + (Double.isNaN(ea.reference()) ? "" : "; the kit's reference value is " + ea.reference()));
                }
                continue;
            }
            double diff = x == y ? 0 : Math.abs(x - y);
            double dev = diff / Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
            if (Double.isNaN(dev)) {
                dev = Double.POSITIVE_INFINITY;
            }
            worst = Math.max(worst, dev);
            double tol = ea.tolerance() + eb.tolerance();
            if (!(diff <= tol)) {
                return new Comparison(worst, describe(k) + ": " + pa.id() + " gives " + x + ", " + pb.id() + " gives "
                        + y + "; |difference| = " + diff + " > tolerance " + tol
                        + (Double.isNaN(ea.reference()) ? "" : "; the kit's reference value is " + ea.reference()));
            }
        }
        return new Comparison(worst, null);
    }

    /** {@code "gradient 0 (1, 0)"} → {@code "gradient of output 0, index (1, 0)"}. */
    private static String describe(String key) {
        int s1 = key.indexOf(' ');
        int s2 = key.indexOf(' ', s1 + 1);
        return key.substring(0, s1) + " of output " + key.substring(s1 + 1, s2) + ", index " + key.substring(s2 + 1);
    }

    // ---------------------------------------------------------------- mismatches and shrinking

    private static Optional<String> check(PartialDerivative pa, PartialDerivative pb, PolynomialCase c) {
        try {
            return Optional.ofNullable(compare(pa, pb, c.index(), c.output(), compute(pa, c), compute(pb, c)).failure);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> check(PartialDerivative pa, PartialDerivative pb, Elementary.Case c) {
        try {
            if (!c.valid()) {
                return Optional.empty(); // a shrink step left the function's well-conditioned domain
            }
            return Optional.ofNullable(compare(pa, pb, MultiIndex.zero(1), 0, compute(pa, c), compute(pb, c)).failure);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> check(PartialDerivative pa, PartialDerivative pb, ElementaryCase c) {
        try {
            if (!c.valid()) {
                return Optional.empty(); // never proposed by the shrinker; kept for safety
            }
            return Optional.ofNullable(compare(pa, pb, c.index(), c.output(), compute(pa, c), compute(pb, c)).failure);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean firstOfKind(List<Mismatch> failures, String kind) {
        return failures.stream().noneMatch(m -> m.kind().equals(kind));
    }

    private static String replay(KitSettings settings, int tryIndex) {
        long seed = settings.seedOfTry(tryIndex);
        return "-D" + KitSettings.SEED_PROPERTY + "=" + seed + " -D" + KitSettings.TRIES_PROPERTY
                + "=1 (partials verify --cross --seed " + seed + " --tries 1)";
    }

    private static Mismatch polynomialMismatch(PartialDerivative pa, PartialDerivative pb, KitSettings settings,
                                               int tryIndex, PolynomialCase c, String failure, boolean shrink) {
        return mismatch(pa, pb, settings, tryIndex, POLYNOMIAL, c, failure, shrink, Shrinker.polynomialCases(),
                x -> check(pa, pb, x), x -> x.formula().text(), x -> x.formula().variables(),
                x -> Text.tuple(x.point().doubles()));
    }

    private static Mismatch elementaryMismatch(PartialDerivative pa, PartialDerivative pb, KitSettings settings,
                                               int tryIndex, Elementary.Case c, String failure, boolean shrink) {
        Shrinker<Elementary.Case> shrinker = Shrinker.polynomialCases()
                .on(Elementary.Case::inner, (e, inner) -> new Elementary.Case(e.function(), inner));
        return mismatch(pa, pb, settings, tryIndex, ELEMENTARY, c, failure, shrink, shrinker,
                x -> check(pa, pb, x), x -> Text.of(x.expression()), x -> x.inner().formula().variables(),
                x -> Text.tuple(x.inner().point().doubles()));
    }

    private static Mismatch expressionMismatch(PartialDerivative pa, PartialDerivative pb, KitSettings settings,
                                               int tryIndex, ElementaryCase c, String failure, boolean shrink) {
        return mismatch(pa, pb, settings, tryIndex, EXPRESSION, c, failure, shrink, Shrinker.elementaryCases(),
                x -> check(pa, pb, x), ElementaryCase::text, ElementaryCase::variables, x -> Text.tuple(x.point()));
    }

    /**
     * The mismatch of one case of any kind: shrunk first when {@code shrink} (the first failure of its
     * kind), keeping the shrunk case only if it still fails.
     */
    private static <C> Mismatch mismatch(PartialDerivative pa, PartialDerivative pb, KitSettings settings,
                                         int tryIndex, String kind, C c, String failure, boolean shrink,
                                         Shrinker<C> shrinker, Function<C, Optional<String>> check,
                                         Function<C, String> text, Function<C, List<String>> variables,
                                         Function<C, String> point) {
        C shown = c;
        String claim = failure;
        Optional<String> shrunk = Optional.empty();
        if (shrink) {
            Shrinker.Shrunk<C> s = shrinker.shrink(c, x -> check.apply(x).isPresent(), Shrinker.DEFAULT_MAX_ATTEMPTS);
            Optional<String> again = check.apply(s.value());
            if (again.isPresent()) {
                shown = s.value();
                claim = again.get();
                shrunk = Optional.of(s.steps() == 0 ? "no simpler failing case found"
                        : "in " + s.steps() + " steps from " + text.apply(c) + " at " + point.apply(c));
            }
        }
        return new Mismatch(pa.id(), pb.id(), kind, tryIndex, settings.seedOfTry(tryIndex), claim,
                text.apply(shown) + "    over (" + String.join(", ", variables.apply(shown)) + ")",
                point.apply(shown), shrunk, replay(settings, tryIndex));
    }
}
