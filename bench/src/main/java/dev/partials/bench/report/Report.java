package dev.partials.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns JMH results ({@code -rf json}, one or more files) into {@code docs/benchmarks.md}: per suite
 * function a table of ratios — derivative time ÷ plain-Java f (the ADBench measure), ÷ the hand-written
 * derivative, and Hipparchus time ÷ each method's time — with allocation per call from
 * {@code -prof gc}; a summary of the fastest provider per function and its distance from hand-written
 * code; the targets of issue 9, met or missed; and the machine, JDK, date and command at the top.
 *
 * <p>Times are JMH's median per call with JMH's error (99.9% confidence half-width of the mean);
 * ratios are of medians taken in the same run.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.partials.bench.report.Report
 * [--out docs/benchmarks.md] [--profile NAME] [--command "…"]… [--log jmh-output.txt]… results.json…};
 * {@code bench/run} calls it after each profile. With JMH's console output ({@code --log}), benchmarks
 * that failed are listed with their error (a missing provider, say) instead of just "not measured".
 */
public final class Report {

    /** Provider methods, in table order, with their provider ids. */
    static final Map<String, String> PROVIDERS = new LinkedHashMap<>();

    static {
        PROVIDERS.put("dual", "dual");
        PROVIDERS.put("symbolic", "symbolic");
        PROVIDERS.put("finiteDifference", "finite-difference");
        PROVIDERS.put("complexStep", "complex-step");
        PROVIDERS.put("simd", "simd");
    }

    static final List<String> GRADIENT_FUNCTIONS = List.of("seed", "neuron", "rat43", "rosenbrock-10",
            "rosenbrock-100", "rosenbrock-1000", "logistic-10", "logistic-100", "polynomial");
    static final List<String> BATCH_FUNCTIONS = List.of("seed", "neuron", "rosenbrock-10");

    /**
     * Issue 3's reference numbers on this machine (ns per call): plain f, hand-written value + gradient,
     * Hipparchus Gradient, Hipparchus DS order 1. This run's baselines should land near them (±30%).
     */
    static final Map<String, double[]> REFERENCE = new LinkedHashMap<>();

    static {
        REFERENCE.put("seed", new double[] {0.9, 1.8, 38.5, 121});
        REFERENCE.put("neuron", new double[] {9.7, 14.0, 144, 307});
        REFERENCE.put("rat43", new double[] {36, 48, 187, 400});
        REFERENCE.put("ba", new double[] {51, 90, 3_373, 6_964});
        REFERENCE.put("rosenbrock-10", new double[] {11, 19, 1_951, 3_343});
        REFERENCE.put("rosenbrock-100", new double[] {108, 192, 137_704, 300_877});
        REFERENCE.put("rosenbrock-1000", new double[] {1_037, 2_289, 16_177_189, 43_949_847});
    }

    /** Issue 6's hand-written batch loop, ns per point. */
    static final Map<String, Double> BATCH_REFERENCE = Map.of("seed", 2.1, "neuron", 15.5, "rosenbrock-10", 20.7);

    /** One benchmark result. */
    record Result(String benchmark, String method, String function, double median, double error, String unit,
                  double alloc, Map<String, Object> raw) {
    }

    private final Map<String, Result> results = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final List<String> commands = new ArrayList<>();
    private String profile = "";
    private Instant started = Instant.MAX;
    private Instant finished = Instant.EPOCH;

    static String key(String benchmark, String function, String method) {
        return benchmark + "|" + function + "|" + method;
    }

    /**
     * Entry point.
     *
     * @param args {@code [--out FILE] [--profile NAME] [--command TEXT]… json…}
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("docs/benchmarks.md");
        Report report = new Report();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--profile" -> report.profile = args[++i];
                case "--command" -> report.commands.add(args[++i]);
                case "--log" -> report.readLog(Files.readAllLines(Path.of(args[++i])));
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            System.err.println("usage: Report [--out docs/benchmarks.md] [--profile NAME] [--command TEXT]... "
                    + "[--log JMH-OUTPUT]... results.json...");
            System.exit(2);
        }
        for (Path p : inputs) {
            report.read(Files.readString(p));
            Instant t = Files.getLastModifiedTime(p).toInstant();
            if (t.isAfter(report.finished)) {
                report.finished = t;
            }
            if (t.isBefore(report.started)) {
                report.started = t;
            }
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, report.render(Machine.describe()));
        System.out.println("wrote " + out + " from " + report.results.size() + " results");
    }

    /** Adds the results of one JMH JSON document. */
    @SuppressWarnings("unchecked")
    void read(String json) {
        for (Object o : (List<Object>) Json.parse(json)) {
            Map<String, Object> m = (Map<String, Object>) o;
            String full = (String) m.get("benchmark");
            String[] parts = full.split("\\.");
            String benchmark = parts[parts.length - 2];
            String method = parts[parts.length - 1];
            Map<String, Object> params = (Map<String, Object>) m.getOrDefault("params", Map.of());
            String function = params.containsKey("function") ? (String) params.get("function")
                    : benchmark.equals("JacobianBenchmark") ? "ba" : "";
            Map<String, Object> primary = (Map<String, Object>) m.get("primaryMetric");
            Map<String, Object> percentiles = (Map<String, Object>) primary.get("scorePercentiles");
            double median = percentiles != null && percentiles.containsKey("50.0")
                    ? Json.number(percentiles.get("50.0")) : Json.number(primary.get("score"));
            double error = Json.number(primary.get("scoreError"));
            String unit = (String) primary.get("scoreUnit");
            double alloc = Double.NaN;
            Object secondary = m.get("secondaryMetrics");
            if (secondary instanceof Map<?, ?> s && s.get("gc.alloc.rate.norm") instanceof Map<?, ?> a) {
                alloc = Json.number(a.get("score"));
            }
            results.put(key(benchmark, function, method),
                    new Result(benchmark, method, function, median, error, unit, alloc, m));
        }
    }

    /**
     * Reads JMH's console output for failed benchmarks: after {@code # Benchmark: …} and
     * {@code # Parameters: (function = …)}, an iteration line ending in {@code <failure>} is followed
     * by the exception's first line.
     */
    void readLog(List<String> lines) {
        String benchmark = null;
        String function = "";
        boolean failing = false;
        for (String line : lines) {
            if (line.startsWith("# Benchmark: ")) {
                String full = line.substring("# Benchmark: ".length()).trim();
                String[] parts = full.split("\\.");
                benchmark = parts[parts.length - 2] + "|" + parts[parts.length - 1];
                function = parts[parts.length - 2].equals("JacobianBenchmark") ? "ba" : "";
                failing = false;
            } else if (line.startsWith("# Parameters: (function = ")) {
                function = line.substring("# Parameters: (function = ".length(), line.length() - 1).trim();
            } else if (line.contains("<failure>")) {
                failing = true;
            } else if (failing && !line.isBlank() && benchmark != null) {
                String[] bm = benchmark.split("\\|");
                failures.putIfAbsent(key(bm[0], function, bm[1]), line.trim());
                failing = false;
            }
        }
    }

    String failure(String benchmark, String function, String method) {
        return failures.get(key(benchmark, function, method));
    }

    Result get(String benchmark, String function, String method) {
        return results.get(key(benchmark, function, method));
    }

    double time(String benchmark, String function, String method) {
        Result r = get(benchmark, function, method);
        return r == null ? Double.NaN : r.median();
    }

    // ---------------------------------------------------------------- rendering

    String render(Machine machine) {
        StringBuilder sb = new StringBuilder();
        header(sb, machine);
        summary(sb);
        targets(sb);
        reference(sb);
        gradients(sb);
        jacobian(sb);
        hessians(sb);
        batches(sb);
        symbolic(sb);
        missing(sb);
        return sb.toString();
    }

    private void header(StringBuilder sb, Machine machine) {
        sb.append("# Benchmarks\n\n");
        sb.append("Generated by `bench/report` (`dev.partials.bench.report.Report`) from JMH's JSON results; "
                + "regenerate it, do not edit it. How to run: `bench/README.md`.\n\n");
        Result any = results.values().stream().findFirst().orElse(null);
        sb.append("| | |\n|---|---|\n");
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
        sb.append("| date | ");
        if (started.isBefore(finished)) {
            sb.append("runs ended between ").append(minute.format(started.atOffset(ZoneOffset.UTC))).append(" and ")
                    .append(minute.format(finished.atOffset(ZoneOffset.UTC))).append(" |\n");
        } else {
            sb.append(minute.format(finished.atOffset(ZoneOffset.UTC))).append(" (end of the run) |\n");
        }
        sb.append("| machine | ").append(machine.cpus()).append(" CPUs (`nproc`), ").append(machine.model())
                .append(" (`/proc/cpuinfo`), ").append(machine.memory()).append(" memory; shared, so runs differ by ±30% |\n");
        if (any != null) {
            Map<String, Object> raw = any.raw();
            sb.append("| JDK | ").append(raw.get("jdkVersion")).append(" (").append(raw.get("vmName")).append(' ')
                    .append(raw.get("vmVersion")).append(") |\n");
            sb.append("| JMH | ").append(raw.get("jmhVersion")).append("; ").append(settings()).append(" |\n");
        }
        sb.append("| profile | ").append(profile.isEmpty() ? "(not given)" : profile).append(" |\n");
        if (commands.isEmpty()) {
            sb.append("| command | (not given) |\n");
        } else {
            for (String c : commands) {
                sb.append("| command | `").append(c.replace("|", "\\|")).append("` |\n");
            }
        }
        sb.append('\n');
        sb.append("How to read: times are JMH's median per call (per point for batches) ± JMH's error (99.9% "
                + "half-width of the mean). **÷ f** is time ÷ the same function as plain Java (the ADBench "
                + "measure); **÷ hand** is time ÷ the hand-written analytic derivative; **Hipparchus ÷** is the "
                + "Hipparchus time ÷ this method's time (above 1: this method is faster). **alloc** is bytes "
                + "allocated per call (`-prof gc`, `gc.alloc.rate.norm`); providers are called through their "
                + "allocation-free twins. Hand-written value + gradient returns the value too; a provider's "
                + "`gradient(point, out)` computes it on the way but does not return it. Only numbers from "
                + "the same run are compared. \"—\": not measured in this run (not selected by the profile, or "
                + "the benchmark failed — see the end).\n\n");
    }

    private String settings() {
        Set<String> s = new LinkedHashSet<>();
        for (Result r : results.values()) {
            Map<String, Object> m = r.raw();
            int forks = (int) Json.number(m.get("forks"));
            s.add(String.format(Locale.ROOT, "%d %s, %d × %s warmup, %d × %s measurement", forks,
                    forks == 1 ? "fork" : "forks", (int) Json.number(m.get("warmupIterations")), m.get("warmupTime"),
                    (int) Json.number(m.get("measurementIterations")), m.get("measurementTime")));
        }
        return String.join("; ", s);
    }

    private record Best(String method, double time) {
    }

    private Best fastestProvider(String benchmark, String function) {
        Best best = null;
        for (String m : PROVIDERS.keySet()) {
            double t = time(benchmark, function, m);
            if (!Double.isNaN(t) && (best == null || t < best.time())) {
                best = new Best(m, t);
            }
        }
        return best;
    }

    private void summary(StringBuilder sb) {
        sb.append("## Summary: the fastest provider per function\n\n");
        sb.append("The ratio to hand-written code is the number the project drives towards 1. Hipparchus ÷ is "
                + "Hipparchus `Gradient` time ÷ the fastest provider's (`DerivativeStructure` of order 2 for "
                + "Hessians).\n\n");
        sb.append("| function | derivative | fastest provider | time (ns) | ÷ hand | ÷ f | Hipparchus ÷ | `dual` ÷ hand |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (String fn : GRADIENT_FUNCTIONS) {
            summaryRow(sb, "GradientBenchmark", fn, "gradient");
        }
        summaryRow(sb, "JacobianBenchmark", "ba", "Jacobian 2 × 15");
        for (String fn : GRADIENT_FUNCTIONS) {
            if (results.containsKey(key("HessianBenchmark", fn, "handWritten"))) {
                summaryRow(sb, "HessianBenchmark", fn, "Hessian");
            }
        }
        sb.append('\n');
    }

    private void summaryRow(StringBuilder sb, String benchmark, String fn, String what) {
        Best best = fastestProvider(benchmark, fn);
        double hand = time(benchmark, fn, "handWritten");
        double plain = time(benchmark, fn, "plainJava");
        double hip = time(benchmark, fn, benchmark.equals("HessianBenchmark") ? "hipparchusDerivativeStructure"
                : "hipparchusGradient");
        double dual = time(benchmark, fn, "dual");
        if (best == null && Double.isNaN(hand)) {
            return;
        }
        sb.append("| ").append(fn).append(" | ").append(what).append(" | ")
                .append(best == null ? "—" : "`" + PROVIDERS.get(best.method()) + "`").append(" | ")
                .append(best == null ? "—" : ns(best.time())).append(" | ")
                .append(best == null ? "—" : ratio(best.time() / hand)).append(" | ")
                .append(best == null ? "—" : ratio(best.time() / plain)).append(" | ")
                .append(best == null ? "—" : ratio(hip / best.time())).append(" | ")
                .append(ratio(dual / hand)).append(" |\n");
    }

    private void targets(StringBuilder sb) {
        sb.append("## Targets (issue 9)\n\n");
        sb.append("| target | measured | met? |\n|---|---|---|\n");
        // dual value + gradient within 20× of hand-written on every function
        List<String> over = new ArrayList<>();
        double worst = Double.NaN;
        String worstFn = "";
        int measured = 0;
        List<String[]> gradientCases = new ArrayList<>();
        for (String fn : GRADIENT_FUNCTIONS) {
            gradientCases.add(new String[] {"GradientBenchmark", fn});
        }
        gradientCases.add(new String[] {"JacobianBenchmark", "ba"});
        for (String[] c : gradientCases) {
            double r = time(c[0], c[1], "dual") / time(c[0], c[1], "handWritten");
            if (!Double.isNaN(r)) {
                measured++;
                if (Double.isNaN(worst) || r > worst) {
                    worst = r;
                    worstFn = c[1];
                }
                if (r > 20) {
                    over.add(c[1] + " " + ratio(r));
                }
            }
        }
        sb.append("| `dual` value + gradient ≤ 20× hand-written, every function (incl. Rosenbrock n = 1,000, BA Jacobian) | ")
                .append(measured == 0 ? "not measured" : measured + " of " + gradientCases.size()
                        + " functions measured; worst " + worstFn + " " + ratio(worst)
                        + (over.isEmpty() ? "" : "; over: " + String.join(", ", over)))
                .append(" | ").append(verdict(measured, gradientCases.size(), over.isEmpty())).append(" |\n");

        List<String> hess = new ArrayList<>();
        boolean hessOk = true;
        int hessMeasured = 0;
        for (String fn : List.of("rosenbrock-10", "rosenbrock-100")) {
            double r = time("HessianBenchmark", fn, "dual") / time("HessianBenchmark", fn, "handWritten");
            if (!Double.isNaN(r)) {
                hessMeasured++;
                hess.add(fn + " " + ratio(r));
                hessOk &= r <= 20;
            }
        }
        sb.append("| `dual` Hessian ≤ 20× hand-written at n = 10 and 100 (Rosenbrock) | ")
                .append(hess.isEmpty() ? "not measured" : String.join(", ", hess)).append(" | ")
                .append(verdict(hessMeasured, 2, hessOk)).append(" |\n");

        double maxAlloc = Double.NaN;
        String maxAllocAt = "";
        int allocMeasured = 0;
        for (Result r : results.values()) {
            if (r.method().equals("dual") && !r.benchmark().equals("BatchBenchmark") && !Double.isNaN(r.alloc())) {
                allocMeasured++;
                if (Double.isNaN(maxAlloc) || r.alloc() > maxAlloc) {
                    maxAlloc = r.alloc();
                    maxAllocAt = r.benchmark().replace("Benchmark", "") + " " + r.function();
                }
            }
        }
        sb.append("| `dual` allocation-free calls allocate ≤ 16 B per call | ")
                .append(allocMeasured == 0 ? (results.values().stream().anyMatch(r -> r.method().equals("dual"))
                        ? "not measured (run with `-prof gc`)" : "not measured")
                        : "max " + bytes(maxAlloc) + " (" + maxAllocAt + ") over " + allocMeasured + " benchmarks")
                .append(" | ").append(allocMeasured == 0 ? "—" : maxAlloc <= 16 ? "met" : "**missed**").append(" |\n");

        List<String> simdHand = new ArrayList<>();
        List<String> simdDual = new ArrayList<>();
        boolean handOk = true;
        boolean dualOk = true;
        int sh = 0;
        int sd = 0;
        for (String fn : BATCH_FUNCTIONS) {
            double simd = time("BatchBenchmark", fn, "simd");
            double r = simd / time("BatchBenchmark", fn, "handWrittenLoop");
            double d = time("BatchBenchmark", fn, "dual") / simd;
            if (!Double.isNaN(r)) {
                sh++;
                simdHand.add(fn + " " + ratio(r));
                handOk &= r <= 3;
            }
            if (!Double.isNaN(d)) {
                sd++;
                simdDual.add(fn + " " + ratio(d));
                dualOk &= d >= 4;
            }
        }
        sb.append("| `simd` batched ≤ 3× the hand-written loop per point (1,000,003 points, one thread) | ")
                .append(simdHand.isEmpty() ? "not measured" : "simd ÷ hand: " + String.join(", ", simdHand))
                .append(" | ").append(verdict(sh, 3, handOk)).append(" |\n");
        sb.append("| `simd` batched ≥ 4× faster than `dual` looping over the points | ")
                .append(simdDual.isEmpty() ? "not measured" : "dual ÷ simd: " + String.join(", ", simdDual))
                .append(" | ").append(verdict(sd, 3, dualOk)).append(" |\n");
        List<String> floors = new ArrayList<>();
        for (String fn : BATCH_FUNCTIONS) {
            double copy = time("BatchBenchmark", fn, "copyLoop");
            double simd = time("BatchBenchmark", fn, "simd");
            double dual = time("BatchBenchmark", fn, "dual");
            if (!Double.isNaN(copy) && !Double.isNaN(simd) && !Double.isNaN(dual)) {
                floors.add(fn + " " + ns(copy) + " ns (dual ÷ copy " + ratio(dual / copy) + ", simd ÷ copy "
                        + ratio(simd / copy) + ")");
            }
        }
        if (!floors.isEmpty()) {
            sb.append("| (for the two above) the column copy, the memory traffic of a batch without arithmetic | ")
                    .append(String.join(", ", floors)).append(" | — |\n");
        }
        double neuron = time("BatchBenchmark", "neuron", "simd");
        sb.append("| `simd` neuron batch at or below JAX's 8.9 ns per point (issue 6) | ")
                .append(Double.isNaN(neuron) ? "not measured" : ns(neuron) + " ns").append(" | ")
                .append(Double.isNaN(neuron) ? "—" : neuron <= 8.9 ? "met" : "**missed**").append(" |\n");

        Result partial = get("SymbolicBenchmark", "", "partial");
        Result gradient = get("SymbolicBenchmark", "", "gradient");
        sb.append("| `symbolic` derivative + simplification of a 1,000-node expression < 50 ms | ")
                .append(partial == null ? "not measured" : ms(partial)).append(" | ")
                .append(partial == null ? "—" : toMs(partial) < 50 ? "met" : "**missed**").append(" |\n");
        sb.append("| `symbolic` full gradient (4 partials) of it < 100 ms | ")
                .append(gradient == null ? "not measured" : ms(gradient)).append(" | ")
                .append(gradient == null ? "—" : toMs(gradient) < 100 ? "met" : "**missed**").append(" |\n");
        sb.append("| the fastest provider per function and its ratio to hand-written code | see the summary | ")
                .append(results.isEmpty() ? "—" : "reported").append(" |\n\n");
    }

    private static String verdict(int measured, int expected, boolean ok) {
        if (measured == 0) {
            return "—";
        }
        if (!ok) {
            return "**missed**";
        }
        return measured == expected ? "met" : "met where measured (" + measured + " of " + expected + ")";
    }

    private void reference(StringBuilder sb) {
        sb.append("## Baselines against the reference numbers (issues 3 and 6)\n\n");
        sb.append("This run's baselines beside the numbers measured earlier on this machine; they should land "
                + "within the machine's ±30% noise (⚠ marks a number outside it). ns per call (per point for "
                + "batches).\n\n");
        sb.append("| function | plain f | ref | hand | ref | Hipparchus `Gradient` | ref | Hipparchus DS 1 | ref |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> e : REFERENCE.entrySet()) {
            String fn = e.getKey();
            String b = fn.equals("ba") ? "JacobianBenchmark" : "GradientBenchmark";
            double[] ref = e.getValue();
            sb.append("| ").append(fn);
            String[] methods = {"plainJava", "handWritten", "hipparchusGradient", "hipparchusDerivativeStructure"};
            for (int i = 0; i < 4; i++) {
                double t = time(b, fn, methods[i]);
                sb.append(" | ").append(ns(t)).append(offReference(t, ref[i])).append(" | ").append(ns(ref[i]));
            }
            sb.append(" |\n");
        }
        sb.append("\nHand-written batch loop, ns per point: ");
        List<String> parts = new ArrayList<>();
        for (String fn : BATCH_FUNCTIONS) {
            double t = time("BatchBenchmark", fn, "handWrittenLoop");
            parts.add(fn + " " + ns(t) + offReference(t, BATCH_REFERENCE.get(fn)) + " (ref " + ns(BATCH_REFERENCE.get(fn)) + ")");
        }
        sb.append(String.join(", ", parts)).append(".\n\n");
    }

    private static String offReference(double measured, double reference) {
        return Double.isNaN(measured) || Math.abs(measured / reference - 1) <= 0.3 ? "" : " ⚠";
    }

    private void gradients(StringBuilder sb) {
        sb.append("## Value and gradient (`GradientBenchmark`)\n\n");
        for (String fn : GRADIENT_FUNCTIONS) {
            firstOrderTable(sb, "GradientBenchmark", fn, "### " + fn + "\n\n");
        }
    }

    private void jacobian(StringBuilder sb) {
        firstOrderTable(sb, "JacobianBenchmark", "ba",
                "## Jacobian of the bundle-adjustment residual (`JacobianBenchmark`, n = 15, m = 2)\n\n");
    }

    private void firstOrderTable(StringBuilder sb, String benchmark, String fn, String title) {
        List<String> methods = new ArrayList<>(List.of("plainJava", "handWritten", "hipparchusGradient",
                "hipparchusDerivativeStructure"));
        methods.addAll(PROVIDERS.keySet());
        if (methods.stream().noneMatch(m -> get(benchmark, fn, m) != null || failure(benchmark, fn, m) != null)) {
            return;
        }
        sb.append(title);
        sb.append("| method | time (ns) | ± | ÷ f | ÷ hand | Hipparchus `Gradient` ÷ | Hipparchus DS ÷ | alloc (B/call) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        double plain = time(benchmark, fn, "plainJava");
        double hand = time(benchmark, fn, "handWritten");
        double hg = time(benchmark, fn, "hipparchusGradient");
        double hd = time(benchmark, fn, "hipparchusDerivativeStructure");
        for (String m : methods) {
            Result r = get(benchmark, fn, m);
            sb.append("| ").append(label(m, 1)).append(" | ");
            if (r == null) {
                sb.append(failure(benchmark, fn, m) == null ? "—" : "failed¹").append(" | | | | | | |\n");
                continue;
            }
            double t = r.median();
            sb.append(ns(t)).append(" | ").append(ns(r.error())).append(" | ")
                    .append(m.equals("plainJava") ? "1" : ratio(t / plain)).append(" | ")
                    .append(m.equals("plainJava") ? "" : ratio(t / hand)).append(" | ")
                    .append(m.equals("plainJava") ? "" : ratio(hg / t)).append(" | ")
                    .append(m.equals("plainJava") ? "" : ratio(hd / t)).append(" | ")
                    .append(bytes(r.alloc())).append(" |\n");
        }
        sb.append('\n');
    }

    private void hessians(StringBuilder sb) {
        if (results.values().stream().noneMatch(r -> r.benchmark().equals("HessianBenchmark"))) {
            return;
        }
        sb.append("## Hessian (`HessianBenchmark`, n ≤ 100)\n\n");
        sb.append("The hand-written Hessian exploits known structure (Rosenbrock's is tridiagonal); providers "
                + "fill the whole n × n array. `complex-step` and `simd` serve first order only and are not measured.\n\n");
        List<String> methods = List.of("plainJava", "handWritten", "hipparchusDerivativeStructure", "dual", "symbolic",
                "finiteDifference");
        for (String fn : GRADIENT_FUNCTIONS) {
            if (methods.stream().noneMatch(m -> get("HessianBenchmark", fn, m) != null)) {
                continue;
            }
            sb.append("### ").append(fn).append("\n\n");
            sb.append("| method | time (ns) | ± | ÷ f | ÷ hand | Hipparchus DS 2 ÷ | alloc (B/call) |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
            double plain = time("HessianBenchmark", fn, "plainJava");
            double hand = time("HessianBenchmark", fn, "handWritten");
            double hd = time("HessianBenchmark", fn, "hipparchusDerivativeStructure");
            for (String m : methods) {
                Result r = get("HessianBenchmark", fn, m);
                sb.append("| ").append(label(m, 2)).append(" | ");
                if (r == null) {
                    sb.append(failure("HessianBenchmark", fn, m) == null ? "—" : "failed¹").append(" | | | | | |\n");
                    continue;
                }
                double t = r.median();
                boolean base = m.equals("plainJava");
                sb.append(ns(t)).append(" | ").append(ns(r.error())).append(" | ")
                        .append(base ? "1" : ratio(t / plain)).append(" | ")
                        .append(base ? "" : ratio(t / hand)).append(" | ")
                        .append(base ? "" : ratio(hd / t)).append(" | ")
                        .append(bytes(r.alloc())).append(" |\n");
            }
            sb.append('\n');
        }
    }

    private void batches(StringBuilder sb) {
        if (results.values().stream().noneMatch(r -> r.benchmark().equals("BatchBenchmark"))) {
            return;
        }
        sb.append("## Batches: value + gradient over 1,000,003 points, one thread (`BatchBenchmark`)\n\n");
        sb.append("ns per point; alloc is bytes per point. The column copy does no arithmetic: it reads the n input "
                + "columns and writes n + 1 result columns, the memory traffic of every method here, at the best "
                + "streaming speed (a floor for the batch on this machine).\n\n");
        for (String fn : BATCH_FUNCTIONS) {
            List<String> methods = List.of("copyLoop", "plainJavaLoop", "handWrittenLoop", "simd", "dual");
            if (methods.stream().noneMatch(m -> get("BatchBenchmark", fn, m) != null)) {
                continue;
            }
            sb.append("### ").append(fn).append("\n\n");
            sb.append("| method | ns/point | ± | ÷ f loop | ÷ hand loop | `dual` ÷ | alloc (B/point) |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
            double plain = time("BatchBenchmark", fn, "plainJavaLoop");
            double hand = time("BatchBenchmark", fn, "handWrittenLoop");
            double dual = time("BatchBenchmark", fn, "dual");
            for (String m : methods) {
                Result r = get("BatchBenchmark", fn, m);
                sb.append("| ").append(label(m, 1)).append(" | ");
                if (r == null) {
                    sb.append(failure("BatchBenchmark", fn, m) == null ? "—" : "failed¹").append(" | | | | | |\n");
                    continue;
                }
                double t = r.median();
                sb.append(ns(t)).append(" | ").append(ns(r.error())).append(" | ").append(ratio(t / plain)).append(" | ")
                        .append(ratio(t / hand)).append(" | ").append(ratio(dual / t)).append(" | ")
                        .append(bytes(r.alloc())).append(" |\n");
            }
            sb.append('\n');
        }
    }

    private void symbolic(StringBuilder sb) {
        Result partial = get("SymbolicBenchmark", "", "partial");
        Result gradient = get("SymbolicBenchmark", "", "gradient");
        if (partial == null && gradient == null) {
            return;
        }
        sb.append("## Symbolic differentiation of a random 1,000-node expression (`SymbolicBenchmark`)\n\n");
        sb.append("| operation | time | ± | target | SymPy 1.14 `diff` (issue 4) |\n|---|---:|---:|---:|---:|\n");
        if (partial != null) {
            sb.append("| one partial, simplified | ").append(ms(partial)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", toMs(partial.error(), partial.unit())))
                    .append(" | < 50 ms | 510 ms (1,134 nodes) |\n");
        }
        if (gradient != null) {
            sb.append("| gradient (4 partials), simplified | ").append(ms(gradient)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", toMs(gradient.error(), gradient.unit())))
                    .append(" | < 100 ms | |\n");
        }
        sb.append('\n');
    }

    private void missing(StringBuilder sb) {
        sb.append("## Failed or not measured\n\n");
        if (!failures.isEmpty()) {
            sb.append("¹ Benchmarks that failed in this run, with the error their fork reported:\n\n");
            Map<String, List<String>> byError = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : failures.entrySet()) {
                String[] k = e.getKey().split("\\|");
                String where = k[0].replace("Benchmark", "") + " " + label(k[2], 1)
                        + (k[1].isEmpty() ? "" : " " + k[1]);
                byError.computeIfAbsent(e.getValue(), x -> new ArrayList<>()).add(where);
            }
            for (Map.Entry<String, List<String>> e : byError.entrySet()) {
                sb.append("- `").append(e.getKey().replace("`", "'")).append("`: ")
                        .append(String.join(", ", e.getValue())).append('\n');
            }
            sb.append('\n');
        }
        Map<String, List<String>> absent = new TreeMap<>();
        for (String fn : GRADIENT_FUNCTIONS) {
            for (String m : PROVIDERS.keySet()) {
                if (get("GradientBenchmark", fn, m) == null && failure("GradientBenchmark", fn, m) == null) {
                    absent.computeIfAbsent(PROVIDERS.get(m), k -> new ArrayList<>()).add("gradient " + fn);
                }
            }
        }
        for (String m : PROVIDERS.keySet()) {
            if (get("JacobianBenchmark", "ba", m) == null && failure("JacobianBenchmark", "ba", m) == null) {
                absent.computeIfAbsent(PROVIDERS.get(m), k -> new ArrayList<>()).add("Jacobian ba");
            }
        }
        if (absent.isEmpty()) {
            sb.append("Every provider's gradient and Jacobian benchmarks were run.\n");
            return;
        }
        sb.append("Provider gradient and Jacobian benchmarks not run (not selected by the profile):\n\n");
        for (Map.Entry<String, List<String>> e : absent.entrySet()) {
            sb.append("- `").append(e.getKey()).append("`: ").append(e.getValue().size() == GRADIENT_FUNCTIONS.size() + 1
                    ? "all gradients and the Jacobian" : String.join(", ", e.getValue())).append('\n');
        }
    }

    // ---------------------------------------------------------------- formatting

    static String label(String method, int order) {
        return switch (method) {
            case "plainJava" -> "plain Java f";
            case "handWritten" -> "hand-written";
            case "hipparchusGradient" -> "Hipparchus `Gradient`";
            case "hipparchusDerivativeStructure" -> "Hipparchus `DerivativeStructure` (order " + order + ")";
            case "plainJavaLoop" -> "plain Java f loop";
            case "handWrittenLoop" -> "hand-written loop";
            case "copyLoop" -> "column copy (no arithmetic)";
            default -> PROVIDERS.containsKey(method) ? "`" + PROVIDERS.get(method) + "`" : method;
        };
    }

    static String ns(double t) {
        if (Double.isNaN(t)) {
            return "—";
        }
        double a = Math.abs(t);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", t);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", t);
        }
        return String.format(Locale.ROOT, "%.2f", t);
    }

    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "—";
        }
        if (r >= 100) {
            return String.format(Locale.ROOT, "%,.0f×", r);
        }
        if (r >= 10) {
            return String.format(Locale.ROOT, "%.1f×", r);
        }
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "—";
        }
        // -prof gc reports ≈ 1e-5 B/op for calls that never allocate: round to whole bytes
        return String.format(Locale.ROOT, "%,.0f", b);
    }

    private static double toMs(double v, String unit) {
        return switch (unit) {
            case "ns/op" -> v / 1e6;
            case "us/op" -> v / 1e3;
            case "s/op" -> v * 1e3;
            default -> v;
        };
    }

    private static double toMs(Result r) {
        return toMs(r.median(), r.unit());
    }

    private static String ms(Result r) {
        return String.format(Locale.ROOT, "%.2f ms", toMs(r));
    }
}
