package dev.partials.conformance;

import static dev.partials.conformance.Runner.call;
import static dev.partials.conformance.Runner.run;

import dev.partials.Derivatives;
import dev.partials.MultiIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/** The properties {@code isThreadSafe} and {@code isReusable}. */
final class Concurrency {

    /** Threads that share one prepared {@code Derivatives}. */
    static final int THREADS = 8;
    private static final int POINTS = 24;
    private static final int ROUNDS = 4;

    private Concurrency() {
    }

    /** A formula with its points, directions and multi-indices, and the results at every point. */
    private record Workload(PolynomialCase base, double[][] points, double[][] directions, List<MultiIndex> indices) {
    }

    private static Workload workload(Runner r, RandomGenerator random, int points) {
        Generator<PolynomialCase> cases = Generators.polynomialCases(
                PolynomialSpec.vector().withVariables(2, 4), 0, r.maxOrder(3), r.capabilities.mixedPartials());
        PolynomialCase c = cases.next(random);
        int n = c.formula().dimension();
        double[][] xs = new double[points][];
        double[][] ds = new double[points][];
        xs[0] = c.point().doubles();
        ds[0] = c.direction().doubles();
        for (int p = 1; p < points; p++) {
            xs[p] = Generators.points(n).next(random).doubles();
            ds[p] = Generators.directions(n).next(random).doubles();
        }
        List<MultiIndex> indices = new ArrayList<>();
        Generator<MultiIndex> g = Generators.multiIndices(n, 0, r.maxOrder(3), r.capabilities.mixedPartials());
        for (int i = 0; i < 3; i++) {
            indices.add(g.next(random));
        }
        return new Workload(c, xs, ds, indices);
    }

    /**
     * Every result at one point, in a fixed order: values, gradient, Jacobian, JVP, the partials of
     * every output at each multi-index, and the Hessian when served. Labels are filled when asked.
     */
    static double[] snapshot(Runner r, Derivatives d, int m, double[] x, double[] dir, List<MultiIndex> indices,
                             List<String> labels) {
        int n = x.length;
        List<Double> out = new ArrayList<>();
        String px = Text.javaArray(x);
        add(out, labels, "d.values(" + px + ")", call("values", () -> d.values(x)));
        add(out, labels, "d.gradient(" + px + ")", call("gradient", () -> d.gradient(x)));
        double[] jac = new double[m * n];
        run("jacobian", () -> d.jacobian(x, jac));
        add(out, labels, "d.jacobian(" + px + ", out)", jac);
        add(out, labels, "d.jvp(" + px + ", " + Text.javaArray(dir) + ")", call("jvp", () -> d.jvp(x, dir)));
        for (MultiIndex index : indices) {
            for (int k = 0; k < m; k++) {
                int kk = k;
                add(out, labels, Runner.partialCall(k, index, x), new double[] {call("partial", () -> d.partial(kk, index, x))});
            }
        }
        if (r.hessianSupported(n)) {
            double[] h = new double[n * n];
            run("hessian", () -> d.hessian(0, x, h));
            add(out, labels, "d.hessian(0, " + px + ", out)", h);
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static void add(List<Double> out, List<String> labels, String call, double[] values) {
        for (int i = 0; i < values.length; i++) {
            out.add(values[i]);
            if (labels != null) {
                labels.add(values.length == 1 ? call : call + "[" + i + "]");
            }
        }
    }

    /** The first entry where {@code b} is not the same number as {@code a}, or -1. */
    private static int mismatch(double[] a, double[] b) {
        if (a.length != b.length) {
            return Math.min(a.length, b.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] == b[i] || (Double.isNaN(a[i]) && Double.isNaN(b[i])))) {
                return i;
            }
        }
        return -1;
    }

    private static Failure difference(Runner r, Derivatives d, Workload w, int p, int i, double[] expected, double[] actual,
                                      String claim) {
        List<String> labels = new ArrayList<>();
        int m = w.base().formula().outputCount();
        snapshot(r, d, m, w.points()[p], w.directions()[p], w.indices(), labels);
        String label = i < labels.size() ? labels.get(i) : "result " + i;
        return new Failure(claim, i < expected.length ? Double.toString(expected[i]) : "(missing)",
                i < actual.length ? Double.toString(actual[i]) : "(missing)", "0 (must be identical)", label);
    }

    static Stream<DynamicTest> isThreadSafe(ProviderContract contract) {
        Runner r = Runner.of(contract);
        int tries = r.settings.scaledTries(20);
        String name = tries + (tries == 1 ? " formula" : " formulas") + " × " + THREADS + " threads from seed " + r.settings.seed();
        return Stream.of(DynamicTest.dynamicTest(name, () -> {
            for (int t = 0; t < tries; t++) {
                long seed = r.settings.seedOfTry(t);
                Workload w = workload(r, r.settings.randomForTry(t), POINTS);
                int m = w.base().formula().outputCount();
                Derivatives d = r.prepare(w.base().formula().formula());
                double[][] expected = new double[POINTS][];
                for (int p = 0; p < POINTS; p++) {
                    expected[p] = snapshot(r, d, m, w.points()[p], w.directions()[p], w.indices(), null);
                }
                AtomicReference<int[]> first = new AtomicReference<>();      // point, entry, thread
                AtomicReference<double[]> firstActual = new AtomicReference<>();
                AtomicReference<Throwable> thrown = new AtomicReference<>();
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int th = 0; th < THREADS; th++) {
                    int id = th;
                    threads.add(Thread.ofPlatform().name("partials-conformance-" + th).start(() -> {
                        try {
                            start.await();
                            for (int round = 0; round < ROUNDS && first.get() == null; round++) {
                                for (int q = 0; q < POINTS; q++) {
                                    int p = (q + id * 3 + round * 5) % POINTS;
                                    double[] got = snapshot(r, d, m, w.points()[p], w.directions()[p], w.indices(), null);
                                    int i = mismatch(expected[p], got);
                                    if (i >= 0 && first.compareAndSet(null, new int[] {p, i, id})) {
                                        firstActual.set(got);
                                    }
                                }
                            }
                        } catch (Throwable e) {
                            thrown.compareAndSet(null, e);
                        }
                    }));
                }
                start.countDown();
                for (Thread th : threads) {
                    th.join(120_000);
                }
                Workload shown = w;
                if (thrown.get() != null) {
                    Throwable e = thrown.get();
                    Failure f = new Failure("every call from " + THREADS + " threads returns normally", "a result",
                            "threw " + Failure.describe(e instanceof Runner.ProviderThrew p ? p.getCause() : e), "",
                            e instanceof Runner.ProviderThrew p ? p.call : "(concurrent calls)");
                    Assertions.fail(message(r, "isThreadSafe", t, tries, seed, shown, 0, f));
                }
                int[] at = first.get();
                if (at != null) {
                    Failure f = difference(r, d, w, at[0], at[1], expected[at[0]], firstActual.get(),
                            "one prepared Derivatives used by " + THREADS + " threads gives exactly the sequential result"
                                    + " (thread " + at[2] + ", point " + at[0] + ")");
                    Assertions.fail(message(r, "isThreadSafe", t, tries, seed, shown, at[0], f));
                }
            }
        }));
    }

    static Stream<DynamicTest> isReusable(ProviderContract contract) {
        Runner r = Runner.of(contract);
        int tries = r.settings.scaledTries(10);
        String name = tries + (tries == 1 ? " try" : " tries") + " from seed " + r.settings.seed();
        return Stream.of(DynamicTest.dynamicTest(name, () -> {
            for (int t = 0; t < tries; t++) {
                long seed = r.settings.seedOfTry(t);
                Workload w = workload(r, r.settings.randomForTry(t), 2);
                int m = w.base().formula().outputCount();
                Optional<Failure> failure = Runner.guarded(x -> {
                    Derivatives d = r.prepare(x.base().formula().formula());
                    double[][] first = new double[2][];
                    for (int p = 0; p < 2; p++) {
                        first[p] = snapshot(r, d, m, x.points()[p], x.directions()[p], x.indices(), null);
                    }
                    for (int round = 0; round < 4; round++) {
                        for (int p = 0; p < 2; p++) {
                            double[] again = snapshot(r, d, m, x.points()[p], x.directions()[p], x.indices(), null);
                            int i = mismatch(first[p], again);
                            if (i >= 0) {
                                return Optional.of(difference(r, d, x, p, i, first[p], again,
                                        "repeated calls at alternating points give identical results (round " + (round + 2)
                                                + ", point " + p + ")"));
                            }
                        }
                    }
                    return Optional.empty();
                }, w);
                if (failure.isPresent()) {
                    Assertions.fail(message(r, "isReusable", t, tries, seed, w, 0, failure.get()));
                }
            }
        }));
    }

    private static String message(Runner r, String property, int t, int tries, long seed, Workload w, int p, Failure f) {
        Runner.View v = new Runner.View(w.base().formula().text(), w.base().formula().variables(), w.points()[p]);
        String m = r.message(property, t, tries, seed, v, f, v, 0);
        return m.replace("  shrunk:     no simpler failing case found\n",
                "  shrunk:     not shrunk (the failure depends on the sequence of calls)\n");
    }
}
