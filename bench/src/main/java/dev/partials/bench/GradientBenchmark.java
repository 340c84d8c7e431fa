package dev.partials.bench;

import dev.partials.Derivatives;
import dev.partials.bench.functions.Hipparchus;
import dev.partials.bench.functions.ScalarFunction;
import dev.partials.bench.functions.Suite;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How long does the value and gradient of a suite function take with each provider, compared with the
 * same function as plain Java ({@code plainJava}: the ADBench ratio gradient ÷ f), with its
 * hand-written analytic gradient ({@code handWritten}: the best possible), and with Hipparchus 4
 * ({@code hipparchusGradient}, {@code hipparchusDerivativeStructure}: what users pick today)?
 *
 * <p>Providers are measured through the allocation-free twin {@code gradient(point, out)} into a
 * preallocated array ({@code -prof gc} shows what each call allocates); Hipparchus allocates by design.
 * Functions and points are those of {@code BENCH-FUNCTIONS.md}.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar GradientBenchmark -prof gc -rf json}
 * (see {@code bench/README.md} for the quick and full profiles).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GradientBenchmark {

    /** The suite function. */
    @Param({"seed", "neuron", "rat43", "rosenbrock-10", "rosenbrock-100", "rosenbrock-1000", "logistic-10",
            "logistic-100", "polynomial"})
    public String function;

    private ScalarFunction f;
    private double[] point;
    private double[] gradient;
    private Hipparchus.Structures structures;
    private Derivatives derivatives;

    /** Builds the function, and only what this fork's method measures. */
    @Setup
    public void setUp(BenchmarkParams params) {
        f = Suite.scalar(function);
        point = f.point();
        gradient = new double[f.dimension()];
        String method = Methods.name(params);
        if (method.equals("hipparchusDerivativeStructure")) {
            structures = new Hipparchus.Structures(f.dimension(), 1);
        }
        String id = Methods.providerId(method);
        if (id != null) {
            derivatives = Methods.prepare(id, f.formula());
            double[] expected = new double[f.dimension()];
            f.valueAndGradient(point, expected);
            derivatives.gradient(point, gradient);
            Methods.compare(derivatives, function, "gradient", expected, gradient);
        }
    }

    /** f alone, plain Java: the ADBench denominator. */
    @Benchmark
    public double plainJava() {
        return f.value(point);
    }

    /** Value and hand-derived gradient, plain Java. */
    @Benchmark
    public double handWritten() {
        return f.valueAndGradient(point, gradient);
    }

    /** Hipparchus {@code Gradient}. */
    @Benchmark
    public double hipparchusGradient() {
        return Hipparchus.gradient(f, point, gradient);
    }

    /** Hipparchus {@code DerivativeStructure}, order 1. */
    @Benchmark
    public double hipparchusDerivativeStructure() {
        return structures.gradient(f, point, gradient);
    }

    /** Provider {@code dual}. */
    @Benchmark
    public double[] dual() {
        derivatives.gradient(point, gradient);
        return gradient;
    }

    /** Provider {@code symbolic} (compiled derivative expressions). */
    @Benchmark
    public double[] symbolic() {
        derivatives.gradient(point, gradient);
        return gradient;
    }

    /** Provider {@code finite-difference}. */
    @Benchmark
    public double[] finiteDifference() {
        derivatives.gradient(point, gradient);
        return gradient;
    }

    /** Provider {@code complex-step}. */
    @Benchmark
    public double[] complexStep() {
        derivatives.gradient(point, gradient);
        return gradient;
    }

    /** Provider {@code simd}, one point. */
    @Benchmark
    public double[] simd() {
        derivatives.gradient(point, gradient);
        return gradient;
    }
}
