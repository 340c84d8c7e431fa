package dev.partials.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report generator reads JMH's JSON and console output and computes the ratios it prints. */
class ReportTests {

    private static String result(String method, String function, double median, double alloc) {
        return """
            {
                "jmhVersion" : "1.37", "benchmark" : "dev.partials.bench.GradientBenchmark.%s", "mode" : "avgt",
                "threads" : 1, "forks" : 1, "jdkVersion" : "25", "vmName" : "OpenJDK 64-Bit Server VM",
                "vmVersion" : "25+36", "warmupIterations" : 1, "warmupTime" : "1 s",
                "measurementIterations" : 3, "measurementTime" : "500 ms",
                "params" : { "function" : "%s" },
                "primaryMetric" : {
                    "score" : %s, "scoreError" : "NaN", "scoreConfidence" : [ 1.0, 2.0 ],
                    "scorePercentiles" : { "0.0" : 1.0, "50.0" : %s, "100.0" : 3.0 },
                    "scoreUnit" : "ns/op", "rawData" : [ [ 1.0, 2.0, 3.0 ] ]
                },
                "secondaryMetrics" : {
                    "gc.alloc.rate.norm" : { "score" : %s, "scoreError" : 0.1, "scoreUnit" : "B/op" }
                }
            }""".formatted(method, function, median * 1.1, median, alloc);
    }

    private static Report report() {
        Report r = new Report();
        r.read("[" + String.join(",", result("plainJava", "seed", 1.0, 0.0), result("handWritten", "seed", 2.0, 0.0),
                result("hipparchusGradient", "seed", 40.0, 296), result("dual", "seed", 20.0, 0.001)) + "]");
        r.readLog(List.of(
                "# Benchmark: dev.partials.bench.GradientBenchmark.simd",
                "# Parameters: (function = seed)",
                "# Warmup Iteration   1: <failure>",
                "",
                "dev.partials.PartialsException: No provider \"simd\"; available: [dual]",
                "\tat dev.partials.internal.Registry.unknown(Registry.java:112)"));
        return r;
    }

    @Test
    void readsTheMedianAndTheAllocationOfEachBenchmark() {
        Report r = report();
        assertThat(r.time("GradientBenchmark", "seed", "dual")).isEqualTo(20.0);
        assertThat(r.get("GradientBenchmark", "seed", "hipparchusGradient").alloc()).isEqualTo(296.0);
        assertThat(r.get("GradientBenchmark", "seed", "dual").error()).isNaN();
    }

    @Test
    void printsRatiosToPlainJavaHandWrittenAndHipparchus() {
        String md = report().render(new Machine(2, "Test CPU", "1.0 GiB"));
        // dual: 20 ns = 20× f, 10× hand; Hipparchus Gradient 40 ns is 2× slower than dual
        assertThat(md).contains("| `dual` | 20.0 | — | 20.0× | 10.0× | 2.00× | — | 0 |");
        assertThat(md).contains("| seed | gradient | `dual` | 20.0 | 10.0× | 20.0× | 2.00× | 10.0× |");
        assertThat(md).contains("2 CPUs (`nproc`), Test CPU");
        assertThat(md).contains("max 0 (Gradient seed) over 1 benchmarks | met");
    }

    @Test
    void listsFailedBenchmarksWithTheirError() {
        String md = report().render(new Machine(2, "Test CPU", "1.0 GiB"));
        assertThat(md).contains("| `simd` | failed¹ |");
        assertThat(md).contains("- `dev.partials.PartialsException: No provider \"simd\"; available: [dual]`: Gradient `simd` seed");
    }

    @Test
    void readsJmhNonFiniteNumbersWrittenAsStrings() {
        assertThat(Json.number(Json.parse("\"NaN\""))).isNaN();
        assertThat(Json.number(Json.parse("1.5e3"))).isEqualTo(1500.0);
        assertThat(Json.parse("{\"a\" : [1, \"x\\u0041\", true, null]}")).hasToString("{a=[1.0, xA, true, null]}");
    }
}
