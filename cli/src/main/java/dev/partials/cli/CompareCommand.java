package dev.partials.cli;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Every provider side by side at one point: the value, each requested partial, the time per call, the
 * deviation from the reference, the error estimate where the provider has one, and a verdict.
 *
 * <p><b>Reference.</b> For each result, the first of {@code symbolic}, {@code dual}, then the other
 * exact providers (by id) that computes it.
 *
 * <p><b>Deviation.</b> Relative: {@code |v - r| / s}, where {@code s} is the largest magnitude among
 * the reference's results of the same output and order (the gradient's norm for a gradient entry;
 * 1 when they are all 0), so a partial near 0 next to large ones is not judged by its own tiny size.
 * Two NaNs, or two equal infinities, do not deviate; NaN against a number deviates infinitely.
 *
 * <p><b>Tolerance.</b> An exact provider agrees within {@value #EXACT} (relative). An approximate
 * provider with error estimates agrees within 10× its own estimate (relative to the same {@code s}),
 * and never less than {@value #EXACT}; without estimates, within {@value #APPROXIMATE}.
 *
 * <p><b>Time per call.</b> A short warm loop with {@link System#nanoTime()}: a display, not a
 * benchmark (the {@code bench} module's JMH suite is the measurement).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Every provider side by side at one point, with a verdict.",
        description = {"Every provider side by side at one point: the value and the partials (default: the gradient), "
                + "the time per call, the deviation from the exact reference (symbolic when present, else dual), "
                + "the error estimate where the provider has one, and a verdict.",
            "Exact providers agree within 1e-12 (relative to the largest reference result of the same order); "
                    + "approximate ones within 10 times their own error estimate.",
            "Exit code 0 whenever the comparison ran, agreeing or not: the verdict is in the output."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials compare \"x^2 + 3*x*y\" --at x=1,y=2",
            "  partials compare \"sin(x)*exp(y)/(1+z^2)\" --at x=0.5,y=1,z=2",
            "  partials compare \"x^3*y\" --at 1,2 --wrt x,x --wrt x,y        (second partials)",
            "  partials compare \"x^2 + 3*x*y\" --at 1,2 --providers dual,finite-difference --format json"})
final class CompareCommand extends FormulaCommand {

    static final double EXACT = 1e-12;
    static final double APPROXIMATE = 1e-6;

    @Parameters(index = "0", paramLabel = "FORMULA", description = "The formula, for example \"x^2 + 3*x*y\".")
    String formula;

    @Option(names = "--at", paramLabel = "POINT", required = true,
            description = "The point: x=1,y=2 (by name) or 1,2 (in variable order).")
    String at;

    @Option(names = "--wrt", paramLabel = "VARS",
            description = "A partial to compare, one differentiation per listed variable (x,x,y is ∂³/∂x²∂y); "
                    + "repeat for several. Default: every first partial (the gradient).")
    List<String> wrt;

    @Option(names = "--providers", split = ",", paramLabel = "ID",
            description = "Compare only these providers (default: all available).")
    List<String> only;

    @Option(names = "--no-timing", description = "Skip the timing loop.")
    boolean noTiming;

    /** One compared result: output k's partial {@code index} (order 0: the value). */
    record Quantity(int output, MultiIndex index, String name) {
    }

    /** One provider's results. */
    static final class Row {
        final PartialDerivative provider;
        final double[] values;
        final double[] errors;
        final String[] notes;
        final double[] deviations;
        final double[] tolerances;
        double nanosPerCall = Double.NaN;
        String failure;
        boolean broken; // a call threw something other than a PartialsException: a provider bug
        boolean reference;

        Row(PartialDerivative provider, int q) {
            this.provider = provider;
            this.values = filled(q);
            this.errors = filled(q);
            this.notes = new String[q];
            this.deviations = filled(q);
            this.tolerances = filled(q);
        }

        boolean computed(int q) {
            return failure == null && notes[q] == null;
        }

        /** Whether every result it computed is within tolerance of the reference. */
        boolean agrees() {
            for (int q = 0; q < values.length; q++) {
                if (computed(q) && !(deviations[q] <= tolerances[q]) && !Double.isNaN(deviations[q])) {
                    return false;
                }
            }
            return true;
        }

        String verdict() {
            if (failure != null || broken) {
                return "failed";
            }
            if (reference) {
                return "reference";
            }
            return agrees() ? "agree" : "DISAGREE";
        }

        private static double[] filled(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }
    }

    private static volatile double sink;

    @Override
    public Integer call() {
        OutputFormat fmt = singleFormat();
        Formula f = formula(formula);
        double[] point = Coordinates.parse(f, at);
        List<Quantity> quantities = quantities(f);
        List<PartialDerivative> providers = providers();
        List<Row> rows = new ArrayList<>();
        for (PartialDerivative p : providers) {
            rows.add(compute(p, f, point, quantities));
        }
        Row[] reference = reference(rows, quantities.size());
        judge(rows, reference, quantities);
        boolean agree = rows.stream().allMatch(r -> r.failure != null || r.agrees());
        String refId = rows.stream().filter(r -> r.reference).map(r -> r.provider.id()).findFirst().orElse(null);
        if (fmt == OutputFormat.json) {
            out().println(Json.write(json(f, point, quantities, rows, refId, agree)));
        } else {
            table(out(), f, point, quantities, rows, reference, refId, agree);
        }
        out().flush();
        return 0;
    }

    private List<Quantity> quantities(Formula f) {
        List<MultiIndex> indices = new ArrayList<>();
        int n = f.dimension();
        if (wrt == null || wrt.isEmpty()) {
            for (int j = 0; j < n; j++) {
                indices.add(MultiIndex.unit(n, j));
            }
        } else {
            for (String w : wrt) {
                indices.add(MultiIndex.of(f, Arrays.stream(w.split(",")).map(String::strip).toList()));
            }
        }
        List<Quantity> qs = new ArrayList<>();
        for (int k = 0; k < f.outputCount(); k++) {
            qs.add(new Quantity(k, MultiIndex.zero(n), Names.output(f, k)));
            for (MultiIndex index : indices) {
                qs.add(new Quantity(k, index, Names.partial(f, k, index)));
            }
        }
        return qs;
    }

    private List<PartialDerivative> providers() {
        List<PartialDerivative> all = PartialDerivative.all();
        if (only == null) {
            if (all.isEmpty()) {
                throw PartialsException.builder(PartialsException.Kind.UNKNOWN_PROVIDER,
                        "no providers are available to compare. Add provider modules (dev.partials.dual, "
                                + "dev.partials.symbolic, …) to the module path.").build();
            }
            return all;
        }
        List<PartialDerivative> chosen = new ArrayList<>();
        for (String id : only) {
            chosen.add(PartialDerivative.of(id.strip()));
        }
        return chosen;
    }

    private Row compute(PartialDerivative p, Formula f, double[] point, List<Quantity> quantities) {
        Row row = new Row(p, quantities.size());
        Derivatives d;
        try {
            d = p.prepare(f);
        } catch (PartialsException e) {
            row.failure = e.detail();
            return row;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // A broken provider (a bug, or a module built against another API) fails its own column only.
            row.failure = "internal error: " + e;
            return row;
        }
        Capabilities caps = p.capabilities();
        double[] values = null;
        for (int q = 0; q < quantities.size(); q++) {
            Quantity qu = quantities.get(q);
            try {
                if (qu.index().order() == 0) {
                    if (values == null) {
                        values = d.values(point);
                    }
                    row.values[q] = values[qu.output()];
                } else {
                    row.values[q] = d.partial(qu.output(), qu.index(), point);
                    if (caps.errorEstimates()) {
                        row.errors[q] = d.partialEstimate(qu.output(), qu.index(), point).error();
                    }
                }
            } catch (PartialsException e) {
                row.notes[q] = e.detail();
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                row.notes[q] = "internal error: " + e;
                row.broken = true;
            }
        }
        if (!noTiming) {
            row.nanosPerCall = time(d, f, point, quantities, row);
        }
        return row;
    }

    /** Time per call of computing every requested partial the provider serves (the gradient by default). */
    private double time(Derivatives d, Formula f, double[] point, List<Quantity> quantities, Row row) {
        boolean gradient = wrt == null || wrt.isEmpty();
        int n = f.dimension();
        int m = f.outputCount();
        double[] buffer = new double[Math.max(1, m * n)];
        List<Quantity> served = new ArrayList<>();
        for (int q = 0; q < quantities.size(); q++) {
            if (row.computed(q) && quantities.get(q).index().order() > 0) {
                served.add(quantities.get(q));
            }
        }
        if (served.isEmpty() && !(gradient && n == 0)) {
            return Double.NaN;
        }
        Runnable call;
        if (gradient && n > 0 && m == 1) {
            call = () -> {
                d.gradient(point, buffer);
                sink += buffer[0];
            };
        } else if (gradient && n > 0) {
            call = () -> {
                d.jacobian(point, buffer);
                sink += buffer[0];
            };
        } else if (served.isEmpty()) {
            call = () -> sink += d.values(point)[0];
        } else {
            call = () -> {
                double s = 0;
                for (Quantity qu : served) {
                    s += d.partial(qu.output(), qu.index(), point);
                }
                sink += s;
            };
        }
        try {
            loop(call, 150_000_000L);
            long calls = 0;
            long start = System.nanoTime();
            long elapsed;
            long batch = 1;
            do {
                for (long i = 0; i < batch; i++) {
                    call.run();
                }
                calls += batch;
                batch *= 2;
                elapsed = System.nanoTime() - start;
            } while (elapsed < 60_000_000L);
            return (double) elapsed / calls;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return Double.NaN;
        }
    }

    private static void loop(Runnable call, long nanos) {
        long start = System.nanoTime();
        do {
            for (int i = 0; i < 16; i++) {
                call.run();
            }
        } while (System.nanoTime() - start < nanos);
    }

    /** For each quantity, the row that is its reference: symbolic, then dual, then other exact providers. */
    private static Row[] reference(List<Row> rows, int q) {
        List<Row> order = new ArrayList<>();
        for (String id : List.of("symbolic", "dual")) {
            rows.stream().filter(r -> r.provider.id().equals(id)).forEach(order::add);
        }
        rows.stream().filter(r -> r.provider.capabilities().exact() && !order.contains(r)).forEach(order::add);
        Row[] ref = new Row[q];
        for (int i = 0; i < q; i++) {
            for (Row r : order) {
                if (r.computed(i)) {
                    ref[i] = r;
                    break;
                }
            }
        }
        if (!order.isEmpty()) {
            Row main = Arrays.stream(ref).filter(r -> r != null).findFirst().orElse(null);
            if (main != null) {
                main.reference = true;
            }
        }
        return ref;
    }

    private static void judge(List<Row> rows, Row[] reference, List<Quantity> quantities) {
        int q = quantities.size();
        double[] scale = new double[q];
        for (int i = 0; i < q; i++) {
            if (reference[i] == null) {
                continue;
            }
            double s = 0;
            for (int j = 0; j < q; j++) {
                if (reference[j] != null && quantities.get(j).output() == quantities.get(i).output()
                        && quantities.get(j).index().order() == quantities.get(i).index().order()) {
                    double r = reference[j].values[j];
                    if (Double.isFinite(r)) {
                        s = Math.max(s, Math.abs(r));
                    }
                }
            }
            scale[i] = s == 0 ? 1 : s;
        }
        for (Row row : rows) {
            Capabilities caps = row.provider.capabilities();
            for (int i = 0; i < q; i++) {
                if (!row.computed(i) || reference[i] == null) {
                    continue;
                }
                row.deviations[i] = deviation(row.values[i], reference[i].values[i], scale[i]);
                if (caps.exact()) {
                    row.tolerances[i] = EXACT;
                } else if (caps.errorEstimates() && Double.isFinite(row.errors[i])) {
                    row.tolerances[i] = Math.max(EXACT, 10 * row.errors[i] / scale[i]);
                } else if (quantities.get(i).index().order() == 0) {
                    row.tolerances[i] = EXACT;
                } else {
                    row.tolerances[i] = APPROXIMATE;
                }
            }
        }
    }

    /** Relative deviation of {@code v} from {@code r}. */
    static double deviation(double v, double r, double scale) {
        if (Double.isNaN(v) && Double.isNaN(r)) {
            return 0;
        }
        if (Double.isNaN(v) || Double.isNaN(r)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(v) || Double.isInfinite(r)) {
            return v == r ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(v - r) / scale;
    }

    private void table(PrintWriter out, Formula f, double[] point, List<Quantity> quantities, List<Row> rows,
                       Row[] reference, String refId, boolean agree) {
        heading(out, f);
        out.println("at " + Coordinates.describe(f, point));
        out.println();
        Table t = new Table();
        List<String> head = new ArrayList<>();
        head.add("");
        for (Row r : rows) {
            head.add(r.provider.id());
        }
        t.row(head);
        for (int q = 0; q < quantities.size(); q++) {
            List<String> line = new ArrayList<>();
            line.add(quantities.get(q).name());
            for (Row r : rows) {
                line.add(r.failure != null ? "—" : r.notes[q] == null ? Numbers.format(r.values[q])
                        : r.notes[q].startsWith("internal error") ? "error" : "n/a");
            }
            t.row(line);
        }
        if (!noTiming) {
            List<String> line = new ArrayList<>();
            line.add("time/call");
            for (Row r : rows) {
                line.add(Numbers.duration(r.nanosPerCall));
            }
            t.row(line);
        }
        List<String> dev = new ArrayList<>();
        dev.add("deviation");
        for (Row r : rows) {
            dev.add(r.reference ? "(reference)" : maxOf(r.deviations, r));
        }
        t.row(dev);
        if (rows.stream().anyMatch(r -> r.provider.capabilities().errorEstimates())) {
            List<String> line = new ArrayList<>();
            line.add("error estimate");
            for (Row r : rows) {
                line.add(r.provider.capabilities().errorEstimates() ? maxOf(r.errors, r) : "—");
            }
            t.row(line);
        }
        List<String> verdict = new ArrayList<>();
        verdict.add("verdict");
        for (Row r : rows) {
            verdict.add(r.verdict());
        }
        t.row(verdict);
        t.print(out);
        out.println();
        for (Row r : rows) {
            if (r.failure != null) {
                out.println("note: " + r.provider.id() + " failed: " + r.failure);
            }
            for (int q = 0; q < quantities.size(); q++) {
                if (r.failure == null && r.notes[q] != null) {
                    out.println("note: " + r.provider.id() + ", " + quantities.get(q).name() + ": " + r.notes[q]);
                }
            }
        }
        if (refId == null) {
            out.println("verdict: no exact provider is available to serve as the reference");
            return;
        }
        long compared = rows.stream().filter(r -> r.failure == null && !r.broken && !r.reference).count();
        long failed = rows.stream().filter(r -> r.failure != null || r.broken).count();
        String failures = failed == 0 ? "" : "; " + failed + " provider(s) failed (see the notes)";
        if (agree) {
            out.println("verdict: agree — " + compared + " provider(s) match " + refId
                    + " (exact ones within " + Numbers.format(EXACT) + " relative, approximate ones within 10× their error estimate)"
                    + failures);
            return;
        }
        out.println("verdict: DISAGREE beyond tolerance" + failures + " —");
        for (Row r : rows) {
            for (int q = 0; q < quantities.size(); q++) {
                if (r.computed(q) && r.deviations[q] > r.tolerances[q]) {
                    out.println("  " + r.provider.id() + ": " + quantities.get(q).name() + " = " + Numbers.format(r.values[q])
                            + " but " + reference[q].provider.id() + " gives " + Numbers.format(reference[q].values[q])
                            + " (relative deviation " + Numbers.brief(r.deviations[q]) + ", tolerance "
                            + Numbers.brief(r.tolerances[q]) + ")");
                }
            }
        }
    }

    private static String maxOf(double[] a, Row r) {
        if (r.failure != null) {
            return "—";
        }
        double max = Double.NaN;
        for (int q = 0; q < a.length; q++) {
            if (r.computed(q) && !Double.isNaN(a[q])) {
                max = Double.isNaN(max) ? a[q] : Math.max(max, a[q]);
            }
        }
        return Double.isNaN(max) ? "—" : Numbers.brief(max);
    }

    private Map<String, Object> json(Formula f, double[] point, List<Quantity> quantities, List<Row> rows, String refId,
                                     boolean agree) {
        Map<String, Object> json = header("compare", f);
        json.put("point", point);
        json.put("reference", refId);
        List<Object> qs = new ArrayList<>();
        for (Quantity q : quantities) {
            Map<String, Object> m = Json.object();
            m.put("name", q.name());
            m.put("output", q.output());
            m.put("wrt", Names.wrt(f, q.index()));
            m.put("index", q.index().counts());
            qs.add(m);
        }
        json.put("quantities", qs);
        List<Object> ps = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = Json.object();
            m.put("id", r.provider.id());
            m.put("exact", r.provider.capabilities().exact());
            m.put("results", nullable(r.values, r));
            m.put("errorEstimates", nullable(r.errors, r));
            m.put("deviations", nullable(r.deviations, r));
            m.put("tolerances", nullable(r.tolerances, r));
            m.put("nanosPerCall", Double.isNaN(r.nanosPerCall) ? null : r.nanosPerCall);
            m.put("verdict", r.verdict());
            List<Object> notes = new ArrayList<>();
            if (r.failure != null) {
                notes.add(r.failure);
            }
            for (int q = 0; q < quantities.size(); q++) {
                if (r.failure == null && r.notes[q] != null) {
                    notes.add(quantities.get(q).name() + ": " + r.notes[q]);
                }
            }
            m.put("notes", notes);
            ps.add(m);
        }
        json.put("providers", ps);
        json.put("agree", agree);
        return json;
    }

    /** The array with null where the provider computed nothing, and for NaN estimates/deviations. */
    private static List<Object> nullable(double[] a, Row r) {
        List<Object> out = new ArrayList<>();
        for (int q = 0; q < a.length; q++) {
            out.add(!r.computed(q) || (Double.isNaN(a[q]) && a != r.values) ? null : (Object) a[q]);
        }
        return out;
    }
}
