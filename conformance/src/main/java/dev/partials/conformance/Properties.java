package dev.partials.conformance;

import static dev.partials.conformance.Runner.call;
import static dev.partials.conformance.Runner.partialCall;
import static dev.partials.conformance.Runner.run;

import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/** The random properties checked against the exact oracle; see {@link ProviderContract} for their requirements. */
final class Properties {

    private static final double SENTINEL = 31415.9265;
    private static final int[] BATCH_SIZES = {0, 1, 7, 8, 9, 33};

    private Properties() {
    }

    /** Scalar formulas, and vector ones a quarter of the time. */
    private static Generator<PolynomialCase> cases(int minOrder, int maxOrder, boolean mixed) {
        Generator<PolynomialCase> scalar = Generators.polynomialCases(PolynomialSpec.standard(), minOrder, maxOrder, mixed);
        Generator<PolynomialCase> vector = Generators.polynomialCases(PolynomialSpec.vector(), minOrder, maxOrder, mixed);
        return random -> random.nextInt(4) == 0 ? vector.next(random) : scalar.next(random);
    }

    private static Stream<DynamicTest> polynomial(Runner r, String property, int tries, Generator<PolynomialCase> g,
                                                  java.util.function.Function<PolynomialCase, Optional<Failure>> check) {
        return r.random(property, tries, g, Shrinker.polynomialCases(), Runner.View::of, check);
    }

    static Stream<DynamicTest> valuesMatchExactOracle(ProviderContract contract) {
        Runner r = Runner.of(contract);
        return polynomial(r, "valuesMatchExactOracle", r.settings.tries(), cases(0, 0, false), c -> {
            Derivatives d = r.prepare(c.formula().formula());
            ExactOracle o = ExactOracle.of(c.formula());
            double[] x = c.point().doubles();
            int n = x.length;
            MultiIndex zero = MultiIndex.zero(n);
            double[] values = call("d.values(" + Text.javaArray(x) + ")", () -> d.values(x));
            for (int k = 0; k < c.formula().outputCount(); k++) {
                ExactOracle.Answer a = o.value(k, c.point());
                double tol = r.tolerance(o, k, zero, x, a);
                Optional<Failure> f = Tolerances.compare("the value of output " + k + " by values(point)", a.value(),
                        values[k], tol, "d.values(" + Text.javaArray(x) + ")[" + k + "]");
                if (f.isPresent()) {
                    return f;
                }
                int kk = k;
                String pc = partialCall(k, zero, x);
                double p = call(pc, () -> d.partial(kk, zero, x));
                f = Tolerances.compare("the value of output " + k + " by partial(k, order 0, point)", a.value(), p, tol, pc);
                if (f.isPresent()) {
                    return f;
                }
            }
            return Optional.empty();
        });
    }

    static Stream<DynamicTest> partialsMatchExactOracle(ProviderContract contract) {
        Runner r = Runner.of(contract);
        int top = r.maxOrder(4);
        return polynomial(r, "partialsMatchExactOracle", r.settings.tries(),
                cases(1, top, r.capabilities.mixedPartials()), c -> {
                    Derivatives d = r.prepare(c.formula().formula());
                    ExactOracle o = ExactOracle.of(c.formula());
                    double[] x = c.point().doubles();
                    return checkPartial(r, d, o, c.output(), c.index(), c.point(), x);
                });
    }

    private static Optional<Failure> checkPartial(Runner r, Derivatives d, ExactOracle o, int output, MultiIndex index,
                                                  RationalPoint point, double[] x) {
        ExactOracle.Answer a = o.partial(output, index, point);
        String pc = partialCall(output, index, x);
        double p = call(pc, () -> d.partial(output, index, x));
        return Tolerances.compare(Text.partialName(index, o.formula().variables()) + " of output " + output
                + " by partial", a.value(), p, r.tolerance(o, output, index, x, a), pc);
    }

    static Stream<DynamicTest> gradientMatchesExactOracle(ProviderContract contract) {
        Runner r = Runner.of(contract);
        return polynomial(r, "gradientMatchesExactOracle", r.settings.tries(), cases(1, 1, false), c -> {
            Derivatives d = r.prepare(c.formula().formula());
            ExactOracle o = ExactOracle.of(c.formula());
            double[] x = c.point().doubles();
            int n = x.length;
            int k = c.output();
            double[] g = new double[n];
            String gc = "d.gradient(" + k + ", " + Text.javaArray(x) + ", g = new double[" + n + "])";
            run(gc, () -> d.gradient(k, x, g));
            for (int j = 0; j < n; j++) {
                MultiIndex e = MultiIndex.unit(n, j);
                ExactOracle.Answer a = o.partial(k, e, c.point());
                Optional<Failure> f = Tolerances.compare("∂/∂" + c.formula().variables().get(j) + " of output " + k
                        + " by gradient", a.value(), g[j], r.tolerance(o, k, e, x, a), gc + "; g[" + j + "]");
                if (f.isPresent()) {
                    return f;
                }
            }
            return Optional.empty();
        });
    }

    static Stream<DynamicTest> gradientMatchesPartials(ProviderContract contract) {
        Runner r = Runner.of(contract);
        return polynomial(r, "gradientMatchesPartials", r.settings.tries(), cases(1, 1, false), c -> {
            Derivatives d = r.prepare(c.formula().formula());
            ExactOracle o = ExactOracle.of(c.formula());
            double[] x = c.point().doubles();
            int n = x.length;
            int k = c.output();
            double[] g = new double[n];
            String gc = "d.gradient(" + k + ", " + Text.javaArray(x) + ", g = new double[" + n + "])";
            run(gc, () -> d.gradient(k, x, g));
            for (int j = 0; j < n; j++) {
                MultiIndex e = MultiIndex.unit(n, j);
                String pc = partialCall(k, e, x);
                double p = call(pc, () -> d.partial(k, e, x));
                double tol = 2 * r.tolerance(o, k, e, x, o.partial(k, e, c.point()));
                Optional<Failure> f = Tolerances.compareDoubles("gradient component " + j + " of output " + k
                        + " equals partial ∂/∂" + c.formula().variables().get(j) + " up to rounding", p, g[j], tol,
                        gc + "; g[" + j + "] vs " + pc);
                if (f.isPresent()) {
                    return f;
                }
            }
            return Optional.empty();
        });
    }

    /** Cases for Hessians: one variable when the provider has no mixed partials. */
    private static Generator<PolynomialCase> hessianCases(Runner r) {
        if (r.capabilities.mixedPartials()) {
            return cases(2, 2, true);
        }
        return Generators.polynomialCases(PolynomialSpec.standard().withVariables(1, 1), 2, 2, false);
    }

    static Stream<DynamicTest> hessianMatchesExactOracle(ProviderContract contract) {
        Runner r = Runner.of(contract);
        if (r.capabilities.maxOrder() < 2) {
            return Runner.notApplicable("the provider serves order <= " + r.capabilities.maxOrder());
        }
        return polynomial(r, "hessianMatchesExactOracle", r.settings.tries(), hessianCases(r), c -> {
            Derivatives d = r.prepare(c.formula().formula());
            ExactOracle o = ExactOracle.of(c.formula());
            double[] x = c.point().doubles();
            int n = x.length;
            int k = c.output();
            double[] h = new double[n * n];
            String hc = "d.hessian(" + k + ", " + Text.javaArray(x) + ", h = new double[" + n * n + "])";
            run(hc, () -> d.hessian(k, x, h));
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    Optional<Failure> f = Tolerances.same("the Hessian is exactly symmetric: h[" + i + "][" + j
                            + "] == h[" + j + "][" + i + "]", h[i * n + j], h[j * n + i], hc);
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    MultiIndex e = MultiIndex.pair(n, i, j);
                    ExactOracle.Answer a = o.partial(k, e, c.point());
                    Optional<Failure> f = Tolerances.compare(Text.partialName(e, c.formula().variables()) + " of output "
                            + k + " by hessian", a.value(), h[i * n + j], r.tolerance(o, k, e, x, a),
                            hc + "; h[" + (i * n + j) + "]");
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
            return Optional.empty();
        });
    }

    static Stream<DynamicTest> hessianMatchesPartials(ProviderContract contract) {
        Runner r = Runner.of(contract);
        if (r.capabilities.maxOrder() < 2) {
            return Runner.notApplicable("the provider serves order <= " + r.capabilities.maxOrder());
        }
        return polynomial(r, "hessianMatchesPartials", r.settings.tries(), hessianCases(r), c -> {
            Derivatives d = r.prepare(c.formula().formula());
            ExactOracle o = ExactOracle.of(c.formula());
            double[] x = c.point().doubles();
            int n = x.length;
            int k = c.output();
            double[] h = new double[n * n];
            String hc = "d.hessian(" + k + ", " + Text.javaArray(x) + ", h = new double[" + n * n + "])";
            run(hc, () -> d.hessian(k, x, h));
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    MultiIndex e = MultiIndex.pair(n, i, j);
                    String pc = partialCall(k, e, x);
                    double p = call(pc, () -> d.partial(k, e, x));
                    double tol = 2 * r.tolerance(o, k, e, x, o.partial(k, e, c.point()));
                    Optional<Failure> f = Tolerances.compareDoubles("Hessian entry (" + i + ", " + j + ") of output " + k
                            + " equals partial " + Text.partialName(e, c.formula().variables()) + " up to rounding",
                            p, h[i * n + j], tol, hc + "; h[" + (i * n + j) + "] vs " + pc);
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
            return Optional.empty();
        });
    }

    static Stream<DynamicTest> jacobianMatchesExactOracle(ProviderContract contract) {
        Runner r = Runner.of(contract);
        return polynomial(r, "jacobianMatchesExactOracle", r.settings.tries(),
                Generators.polynomialCases(PolynomialSpec.vector(), 1, 1, false), c -> {
                    Derivatives d = r.prepare(c.formula().formula());
                    ExactOracle o = ExactOracle.of(c.formula());
                    double[] x = c.point().doubles();
                    int n = x.length;
                    int m = c.formula().outputCount();
                    String jc = "d.jacobian(" + Text.javaArray(x) + ")";
                    double[][] jac = call(jc, () -> d.jacobian(x));
                    if (jac.length != m || Arrays.stream(jac).anyMatch(row -> row.length != n)) {
                        return Failure.of("the Jacobian is " + m + " × " + n, m + " rows of " + n,
                                jac.length + " rows of " + Arrays.stream(jac).mapToInt(row -> row.length).boxed().toList(),
                                "", jc);
                    }
                    for (int k = 0; k < m; k++) {
                        for (int j = 0; j < n; j++) {
                            MultiIndex e = MultiIndex.unit(n, j);
                            ExactOracle.Answer a = o.partial(k, e, c.point());
                            Optional<Failure> f = Tolerances.compare("∂f" + k + "/∂" + c.formula().variables().get(j)
                                    + " by jacobian", a.value(), jac[k][j], r.tolerance(o, k, e, x, a),
                                    jc + "[" + k + "][" + j + "]");
                            if (f.isPresent()) {
                                return f;
                            }
                        }
                    }
                    return Optional.empty();
                });
    }

    static Stream<DynamicTest> jacobianMatchesPartials(ProviderContract contract) {
        Runner r = Runner.of(contract);
        return polynomial(r, "jacobianMatchesPartials", r.settings.tries(),
                Generators.polynomialCases(PolynomialSpec.vector(), 1, 1, false), c -> {
                    Derivatives d = r.prepare(c.formula().formula());
                    ExactOracle o = ExactOracle.of(c.formula());
                    double[] x = c.point().doubles();
                    int n = x.length;
                    int m = c.formula().outputCount();
                    double[] jac = new double[m * n];
                    String jc = "d.jacobian(" + Text.javaArray(x) + ", jac = new double[" + m * n + "])";
                    run(jc, () -> d.jacobian(x, jac));
                    for (int k = 0; k < m; k++) {
                        for (int j = 0; j < n; j++) {
                            MultiIndex e = MultiIndex.unit(n, j);
                            int kk = k;
                            String pc = partialCall(k, e, x);
                            double p = call(pc, () -> d.partial(kk, e, x));
                            double tol = 2 * r.tolerance(o, k, e, x, o.partial(k, e, c.point()));
                            Optional<Failure> f = Tolerances.compareDoubles("Jacobian entry (" + k + ", " + j
                                    + ") equals partial ∂f" + k + "/∂" + c.formula().variables().get(j)
                                    + " up to rounding", p, jac[k * n + j], tol, jc + "; jac[" + (k * n + j) + "] vs " + pc);
                            if (f.isPresent()) {
                                return f;
                            }
                        }
                    }
                    return Optional.empty();
                });
    }

    /** Every multi-index over {@code n} variables of order 1..{@code maxOrder} (only pure ones unless {@code mixed}). */
    static List<MultiIndex> allIndices(int n, int maxOrder, boolean mixed) {
        List<MultiIndex> out = new ArrayList<>();
        int[] counts = new int[n];
        enumerate(counts, 0, maxOrder, out);
        out.removeIf(i -> i.order() == 0 || (!mixed && i.isMixed()));
        return out;
    }

    private static void enumerate(int[] counts, int j, int left, List<MultiIndex> out) {
        if (j == counts.length) {
            out.add(MultiIndex.of(counts));
            return;
        }
        for (int c = 0; c <= left; c++) {
            counts[j] = c;
            enumerate(counts, j + 1, left - c, out);
        }
        counts[j] = 0;
    }

    static Stream<DynamicTest> mixedPartialsUpToMaxOrder(ProviderContract contract) {
        Runner r = Runner.of(contract);
        int top = r.maxOrder(6);
        boolean mixed = r.capabilities.mixedPartials();
        return polynomial(r, "mixedPartialsUpToMaxOrder", r.settings.tries(),
                Generators.polynomialCases(PolynomialSpec.lowDegree(), 0, 0, false), c -> {
                    Derivatives d = r.prepare(c.formula().formula());
                    ExactOracle o = ExactOracle.of(c.formula());
                    double[] x = c.point().doubles();
                    for (MultiIndex index : allIndices(x.length, top, mixed)) {
                        Optional<Failure> f = checkPartial(r, d, o, c.output(), index, c.point(), x);
                        if (f.isPresent()) {
                            return f;
                        }
                    }
                    return Optional.empty();
                });
    }

    private static double[] filled(int length) {
        double[] a = new double[length];
        Arrays.fill(a, SENTINEL);
        return a;
    }

    /** Compares a twin's output with the allocating result and checks the two extra entries are untouched. */
    private static Optional<Failure> twins(String what, double[] allocating, double[] twin, int length, String call) {
        for (int i = 0; i < length; i++) {
            Optional<Failure> f = Tolerances.same(what + "[" + i + "] of the allocation-free twin equals the allocating method's",
                    allocating[i], twin[i], call);
            if (f.isPresent()) {
                return f;
            }
        }
        for (int i = length; i < twin.length; i++) {
            if (twin[i] != SENTINEL) {
                return Failure.of(what + ": the twin writes only the first " + length + " entries of its output array",
                        "entry " + i + " untouched (" + SENTINEL + ")", Double.toString(twin[i]), "", call);
            }
        }
        return Optional.empty();
    }

    static Stream<DynamicTest> allocationFreeTwinsMatch(ProviderContract contract) {
        Runner r = Runner.of(contract);
        int top = r.maxOrder(4);
        return polynomial(r, "allocationFreeTwinsMatch", r.settings.tries(),
                cases(0, top, r.capabilities.mixedPartials()), c -> {
                    Derivatives d = r.prepare(c.formula().formula());
                    double[] x = c.point().doubles();
                    double[] dir = c.direction().doubles();
                    int n = x.length;
                    int m = c.formula().outputCount();
                    String px = Text.javaArray(x);
                    String pd = Text.javaArray(dir);
                    List<Optional<Failure>> checks = new ArrayList<>();

                    double[] values = call("d.values(" + px + ")", () -> d.values(x));
                    double[] v2 = filled(m + 2);
                    String vc = "d.values(" + px + ", out = new double[" + (m + 2) + "])";
                    run(vc, () -> d.values(x, v2));
                    checks.add(twins("values", values, v2, m, vc));
                    double value = call("d.value(" + px + ")", () -> d.value(x));
                    checks.add(Tolerances.same("value(point) equals values(point)[0]", values[0], value, "d.value(" + px + ")"));

                    double[] g = call("d.gradient(" + px + ")", () -> d.gradient(x));
                    double[] g2 = filled(n + 2);
                    String gc = "d.gradient(" + px + ", out = new double[" + (n + 2) + "])";
                    run(gc, () -> d.gradient(x, g2));
                    checks.add(twins("gradient", g, g2, n, gc));
                    double[] g3 = filled(n + 2);
                    String gc3 = "d.gradient(0, " + px + ", out = new double[" + (n + 2) + "])";
                    run(gc3, () -> d.gradient(0, x, g3));
                    checks.add(twins("gradient of output 0", g, g3, n, gc3));

                    double[][] jac = call("d.jacobian(" + px + ")", () -> d.jacobian(x));
                    double[] flat = new double[m * n];
                    for (int k = 0; k < m; k++) {
                        System.arraycopy(jac[k], 0, flat, k * n, n);
                    }
                    double[] j2 = filled(m * n + 2);
                    String jc = "d.jacobian(" + px + ", out = new double[" + (m * n + 2) + "])";
                    run(jc, () -> d.jacobian(x, j2));
                    checks.add(twins("jacobian", flat, j2, m * n, jc));

                    if (r.hessianSupported(n)) {
                        double[][] hess = call("d.hessian(" + px + ")", () -> d.hessian(x));
                        double[] hf = new double[n * n];
                        for (int i = 0; i < n; i++) {
                            System.arraycopy(hess[i], 0, hf, i * n, n);
                        }
                        double[] h2 = filled(n * n + 2);
                        String hc = "d.hessian(" + px + ", out = new double[" + (n * n + 2) + "])";
                        run(hc, () -> d.hessian(x, h2));
                        checks.add(twins("hessian", hf, h2, n * n, hc));
                        double[] h3 = filled(n * n + 2);
                        String hc3 = "d.hessian(0, " + px + ", out = new double[" + (n * n + 2) + "])";
                        run(hc3, () -> d.hessian(0, x, h3));
                        checks.add(twins("hessian of output 0", hf, h3, n * n, hc3));
                    }

                    double[] jvp = call("d.jvp(" + px + ", " + pd + ")", () -> d.jvp(x, dir));
                    double[] jvp2 = filled(m + 2);
                    String jvc = "d.jvp(" + px + ", " + pd + ", out = new double[" + (m + 2) + "])";
                    run(jvc, () -> d.jvp(x, dir, jvp2));
                    checks.add(twins("jvp", jvp, jvp2, m, jvc));
                    double directional = call("d.directional(" + px + ", " + pd + ")", () -> d.directional(x, dir));
                    checks.add(Tolerances.same("directional(point, direction) equals jvp(point, direction)[0]", jvp[0],
                            directional, "d.directional(" + px + ", " + pd + ")"));

                    MultiIndex index = c.index();
                    String pc = "d.partial(" + Text.javaIndex(index) + ", " + px + ")";
                    double p1 = call(pc, () -> d.partial(index, x));
                    double p0 = call(partialCall(0, index, x), () -> d.partial(0, index, x));
                    checks.add(Tolerances.same("partial(index, point) equals partial(0, index, point)", p0, p1, pc));

                    double[][] columns = new double[n][1];
                    for (int j = 0; j < n; j++) {
                        columns[j][0] = x[j];
                    }
                    double[][] gb = call("d.gradientBatch(columns)", () -> d.gradientBatch(columns));
                    double[][] gb2 = new double[n][];
                    for (int j = 0; j < n; j++) {
                        gb2[j] = filled(3);
                    }
                    String gbc = "d.gradientBatch(columns, null, out = new double[" + n + "][3])";
                    run(gbc, () -> d.gradientBatch(columns, null, gb2));
                    for (int j = 0; j < n; j++) {
                        checks.add(twins("gradientBatch column " + j, gb[j], gb2[j], 1, gbc));
                    }
                    return checks.stream().filter(Optional::isPresent).findFirst().orElse(Optional.empty());
                });
    }

    /** Point p of a batch around {@code x}: a deterministic dyadic offset per point and coordinate. */
    private static double[][] batchColumns(double[] x, int count, int salt) {
        double[][] cols = new double[x.length][count];
        for (int j = 0; j < x.length; j++) {
            for (int p = 0; p < count; p++) {
                cols[j][p] = x[j] + (((long) p * (2 * j + 3) + j + salt) % 9 - 4) / 8.0;
            }
        }
        return cols;
    }

    private static double[] column(double[][] cols, int p) {
        double[] pt = new double[cols.length];
        for (int j = 0; j < cols.length; j++) {
            pt[j] = cols[j][p];
        }
        return pt;
    }

    static Stream<DynamicTest> batchMatchesSinglePoints(ProviderContract contract) {
        Runner r = Runner.of(contract);
        return polynomial(r, "batchMatchesSinglePoints", r.settings.tries(), cases(0, 0, false), c -> {
            Derivatives d = r.prepare(c.formula().formula());
            ExactOracle o = ExactOracle.of(c.formula());
            double[] x0 = c.point().doubles();
            double[] d0 = c.direction().doubles();
            int n = x0.length;
            int m = c.formula().outputCount();
            MultiIndex zero = MultiIndex.zero(n);
            for (int count : BATCH_SIZES) {
                double[][] pts = batchColumns(x0, count, 0);
                double[][] dirs = batchColumns(d0, count, 5);
                String b = "batch of " + count + " points";
                double[][] vb = new double[m][count];
                run("d.valuesBatch(points, values) for a " + b, () -> d.valuesBatch(pts, vb));
                double[] gv = new double[count];
                double[][] gb = new double[n][count];
                run("d.gradientBatch(points, values, gradients) for a " + b, () -> d.gradientBatch(pts, gv, gb));
                double[][] gba = call("d.gradientBatch(points) for a " + b, () -> d.gradientBatch(pts));
                double[][] jv = new double[m][count];
                double[][] jb = new double[m * n][count];
                run("d.jacobianBatch(points, values, jacobians) for a " + b, () -> d.jacobianBatch(pts, jv, jb));
                double[][] jb2 = new double[m * n][count];
                run("d.jacobianBatch(points, null, jacobians) for a " + b, () -> d.jacobianBatch(pts, null, jb2));
                double[][] ob = new double[m][count];
                run("d.jvpBatch(points, directions, out) for a " + b, () -> d.jvpBatch(pts, dirs, ob));
                if (gba.length != n || (n > 0 && gba[0].length != count)) {
                    return Failure.of("gradientBatch(points) returns " + n + " columns of " + count, n + " × " + count,
                            gba.length + " × " + (gba.length > 0 ? gba[0].length : 0), "", "d.gradientBatch(points)");
                }
                for (int p = 0; p < count; p++) {
                    double[] x = column(pts, p);
                    double[] dir = column(dirs, p);
                    String at = " at point " + p + " " + Text.tuple(x) + " of a " + b;
                    String px = Text.javaArray(x);
                    double[] values = call("d.values(" + px + ")", () -> d.values(x));
                    double[] jac = new double[m * n];
                    run("d.jacobian(" + px + ", out)", () -> d.jacobian(x, jac));
                    double[] jvp = call("d.jvp(" + px + ", " + Text.javaArray(dir) + ")", () -> d.jvp(x, dir));
                    for (int k = 0; k < m; k++) {
                        double tol = batchTolerance(r, o, k, zero, x, values[k]);
                        Optional<Failure> f = first(
                                Tolerances.compareDoubles("valuesBatch output " + k + at, values[k], vb[k][p], tol,
                                        "d.valuesBatch(points, values) vs d.values(" + px + ")"),
                                Tolerances.compareDoubles("jacobianBatch values output " + k + at, values[k], jv[k][p], tol,
                                        "d.jacobianBatch(points, values, jacobians) vs d.values(" + px + ")"));
                        if (f.isPresent()) {
                            return f;
                        }
                        double jtol = 0;
                        for (int j = 0; j < n; j++) {
                            MultiIndex e = MultiIndex.unit(n, j);
                            jtol += Math.abs(dir[j]) * batchTolerance(r, o, k, e, x, jac[k * n + j]);
                            double t = batchTolerance(r, o, k, e, x, jac[k * n + j]);
                            f = first(
                                    Tolerances.compareDoubles("jacobianBatch ∂f" + k + "/∂x" + j + at, jac[k * n + j],
                                            jb[k * n + j][p], t, "d.jacobianBatch(points, values, jacobians) vs d.jacobian(" + px + ", out)"),
                                    Tolerances.compareDoubles("jacobianBatch without values ∂f" + k + "/∂x" + j + at,
                                            jac[k * n + j], jb2[k * n + j][p], t,
                                            "d.jacobianBatch(points, null, jacobians) vs d.jacobian(" + px + ", out)"));
                            if (f.isPresent()) {
                                return f;
                            }
                            if (k == 0) {
                                f = first(
                                        Tolerances.compareDoubles("gradientBatch ∂f/∂x" + j + at, jac[j], gb[j][p], t,
                                                "d.gradientBatch(points, values, gradients) vs d.jacobian(" + px + ", out)"),
                                        Tolerances.compareDoubles("gradientBatch(points) ∂f/∂x" + j + at, jac[j], gba[j][p], t,
                                                "d.gradientBatch(points) vs d.jacobian(" + px + ", out)"));
                                if (f.isPresent()) {
                                    return f;
                                }
                            }
                        }
                        f = Tolerances.compareDoubles("jvpBatch output " + k + at, jvp[k], ob[k][p],
                                jtol + 4 * Math.ulp(Math.abs(jvp[k])),
                                "d.jvpBatch(points, directions, out) vs d.jvp(" + px + ", " + Text.javaArray(dir) + ")");
                        if (f.isPresent()) {
                            return f;
                        }
                    }
                    Optional<Failure> f = Tolerances.compareDoubles("gradientBatch values" + at, values[0], gv[p],
                            batchTolerance(r, o, 0, zero, x, values[0]), "d.gradientBatch(points, values, gradients) vs d.values(" + px + ")");
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * A batch result and the single-point result may differ by 4 ulps, or by twice the tolerance of
     * either against the exact value (they may round differently, e.g. with fused multiply-adds).
     */
    private static double batchTolerance(Runner r, ExactOracle o, int output, MultiIndex index, double[] x, double single) {
        double t = Tolerances.exact(Tolerances.depth(o.formula().expression(output), index), o.conditioning(output, index, x));
        if (!r.exact()) {
            t += r.contract.approximateTolerance(index.order()) * o.scale(output, index, x);
        }
        return 4 * Math.ulp(Math.abs(single)) + 2 * t;
    }

    @SafeVarargs
    private static Optional<Failure> first(Optional<Failure>... fs) {
        for (Optional<Failure> f : fs) {
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    static Stream<DynamicTest> jvpMatchesJacobianTimesDirection(ProviderContract contract) {
        Runner r = Runner.of(contract);
        return polynomial(r, "jvpMatchesJacobianTimesDirection", r.settings.tries(), cases(1, 1, false), c -> {
            Derivatives d = r.prepare(c.formula().formula());
            ExactOracle o = ExactOracle.of(c.formula());
            double[] x = c.point().doubles();
            double[] dir = c.direction().doubles();
            int n = x.length;
            int m = c.formula().outputCount();
            String jc = "d.jvp(" + Text.javaArray(x) + ", " + Text.javaArray(dir) + ")";
            double[] jvp = call(jc, () -> d.jvp(x, dir));
            double[][] jac = call("d.jacobian(" + Text.javaArray(x) + ")", () -> d.jacobian(x));
            for (int k = 0; k < m; k++) {
                ExactOracle.Answer a = o.jvp(k, c.point(), c.direction());
                double tol = 0;
                double jd = 0;
                for (int j = 0; j < n; j++) {
                    if (dir[j] != 0) {
                        MultiIndex e = MultiIndex.unit(n, j);
                        tol += Math.abs(dir[j]) * r.tolerance(o, k, e, x, o.partial(k, e, c.point()));
                        jd += jac[k][j] * dir[j];
                    }
                }
                tol += 2.0 * (n + 1) * Tolerances.U * a.conditioning().doubleValue();
                Optional<Failure> f = first(
                        Tolerances.compare("the JVP of output " + k + " equals Σ_j ∂f" + k + "/∂x_j · direction_j (exact)",
                                a.value(), jvp[k], tol, jc + "[" + k + "]"),
                        Tolerances.compareDoubles("the JVP of output " + k + " equals jacobian(point)·direction",
                                jd, jvp[k], 2 * tol, jc + "[" + k + "] vs d.jacobian(" + Text.javaArray(x) + ")·direction"));
                if (f.isPresent()) {
                    return f;
                }
            }
            return Optional.empty();
        });
    }

    static Stream<DynamicTest> derivativeExpressionsMatchExactOracle(ProviderContract contract) {
        Runner r = Runner.of(contract);
        if (!r.capabilities.symbolicOutput()) {
            return Runner.notApplicable("the provider has no symbolic output");
        }
        int top = r.maxOrder(4);
        return polynomial(r, "derivativeExpressionsMatchExactOracle", r.settings.tries(),
                cases(1, top, r.capabilities.mixedPartials()), c -> {
                    Derivatives d = r.prepare(c.formula().formula());
                    ExactOracle o = ExactOracle.of(c.formula());
                    double[] x = c.point().doubles();
                    String call = "d.derivativeExpression(" + c.output() + ", " + Text.javaIndex(c.index()) + ")";
                    Optional<Expression> e = call(call, () -> d.derivativeExpression(c.output(), c.index()));
                    if (e.isEmpty()) {
                        return Failure.of("a provider with symbolic output returns the derivative expression",
                                "an expression", "Optional.empty()", "", call);
                    }
                    double v = Formula.of(c.formula().variables(), e.get()).program().evaluate(x)[0];
                    ExactOracle.Answer a = o.partial(c.output(), c.index(), c.point());
                    double tol = Tolerances.exact(Tolerances.depth(e.get(), MultiIndex.zero(x.length)),
                            a.conditioning().doubleValue());
                    return Tolerances.compare("the derivative expression " + Text.of(e.get()) + " of "
                            + Text.partialName(c.index(), c.formula().variables()) + " evaluated by Program",
                            a.value(), v, tol, call + " evaluated at " + Text.javaArray(x));
                });
    }

    /** One estimate of the error estimate property. */
    private record Sample(int tryIndex, PolynomialCase c, double value, Rational exact, double error, double estimate) {
        boolean honest() {
            return error <= 10 * estimate;
        }
    }

    static Stream<DynamicTest> errorEstimatesAreHonest(ProviderContract contract) {
        Runner r = Runner.of(contract);
        if (!r.capabilities.errorEstimates()) {
            return Runner.notApplicable("the provider has no error estimates");
        }
        int top = r.maxOrder(4);
        Generator<PolynomialCase> g = cases(1, top, r.capabilities.mixedPartials());
        int tries = r.settings.tries();
        String name = tries + " tries from seed " + r.settings.seed();
        return Stream.of(DynamicTest.dynamicTest(name, () -> {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                int at = i;
                RandomGenerator random = r.settings.randomForTry(i);
                PolynomialCase c = g.next(random);
                Optional<Failure> thrown = Runner.guarded(cc -> {
                    Derivatives d = r.prepare(cc.formula().formula());
                    double[] x = cc.point().doubles();
                    Estimate e = call("d.partialEstimate(" + cc.output() + ", " + Text.javaIndex(cc.index()) + ", "
                            + Text.javaArray(x) + ")", () -> d.partialEstimate(cc.output(), cc.index(), x));
                    Rational exact = ExactOracle.of(cc.formula()).partial(cc.output(), cc.index(), cc.point()).value();
                    double err = Double.isFinite(e.value())
                            ? Rational.ofDouble(e.value()).subtract(exact).abs().doubleValue() : Double.POSITIVE_INFINITY;
                    samples.add(new Sample(at, cc, e.value(), exact, err, Double.isNaN(e.error()) ? -1 : e.error()));
                    return Optional.empty();
                }, c);
                if (thrown.isPresent()) {
                    Assertions.fail(r.message("errorEstimatesAreHonest", i, tries, r.settings.seedOfTry(i),
                            Runner.View.of(c), thrown.get(), Runner.View.of(c), 0));
                }
            }
            long honest = samples.stream().filter(Sample::honest).count();
            if (honest < Math.ceil(0.99 * samples.size())) {
                Sample worst = samples.stream().filter(s -> !s.honest())
                        .max((a, b) -> Double.compare(a.error / Math.max(a.estimate, Double.MIN_VALUE),
                                b.error / Math.max(b.estimate, Double.MIN_VALUE))).orElseThrow();
                Assertions.fail(estimateMessage(r, "|value - exact| <= 10 × estimate in at least 99% of "
                        + samples.size() + " cases; it holds in " + honest, worst));
            }
            double[] errors = samples.stream().filter(s -> s.error > 0).mapToDouble(Sample::error).sorted().toArray();
            double[] estimates = samples.stream().filter(s -> s.error > 0).mapToDouble(Sample::estimate).sorted().toArray();
            if (errors.length > 0) {
                double medianError = errors[errors.length / 2];
                double medianEstimate = estimates[estimates.length / 2];
                if (medianEstimate > 100 * medianError) {
                    Sample typical = samples.stream().filter(s -> s.error > 0)
                            .min((a, b) -> Double.compare(Math.abs(a.estimate - medianEstimate),
                                    Math.abs(b.estimate - medianEstimate))).orElseThrow();
                    Assertions.fail(estimateMessage(r, "the median estimate " + medianEstimate
                            + " is at most 100 × the median true error " + medianError
                            + " (over the " + errors.length + " cases with a non-zero error)", typical));
                }
            }
        }));
    }

    private static String estimateMessage(Runner r, String claim, Sample s) {
        double[] x = s.c.point().doubles();
        String call = "d.partialEstimate(" + s.c.output() + ", " + Text.javaIndex(s.c.index()) + ", " + Text.javaArray(x) + ")";
        Failure f = new Failure(claim + "; for example " + Text.partialName(s.c.index(), s.c.formula().variables())
                + " of output " + s.c.output() + " (try " + (s.tryIndex + 1) + ", seed " + r.settings.seedOfTry(s.tryIndex)
                + ")", Tolerances.exact(s.exact), s.value + " with estimated error " + (s.estimate < 0 ? "NaN" : s.estimate)
                + "; true error " + s.error, "", call);
        return r.fixedMessage("errorEstimatesAreHonest", "error estimates are not honest", Runner.View.of(s.c), f);
    }
}
