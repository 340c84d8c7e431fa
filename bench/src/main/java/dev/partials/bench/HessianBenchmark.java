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
 * How long does the Hessian of a suite function (n ≤ 100) take with each provider that serves order 2,
 * compared with the hand-written Hessian ({@code handWritten}, which exploits known sparsity as a
 * careful engineer would: Rosenbrock's is tridiagonal), with Hipparchus {@code DerivativeStructure} of
 * order 2, and with plain-Java f ({@code plainJava}, the ADBench denominator)?
 *
 * <p>Providers are measured through the allocation-free twin {@code hessian(point, out)} into a
 * preallocated n × n array. {@code complex-step} and {@code simd} serve first order only (their
 * capabilities say {@code maxOrder} 1) and are not measured.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar HessianBenchmark -prof gc -rf json}
 * (see {@code bench/README.md}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class HessianBenchmark {

    /** The suite function (those with n ≤ 100). */
    @Param({"seed", "neuron", "rat43", "rosenbrock-10", "rosenbrock-100", "logistic-10", "logistic-100",
            "polynomial"})
    public String function;

    private ScalarFunction f;
    private double[] point;
    private double[] hessian;
    private Hipparchus.Structures structures;
    private Derivatives derivatives;

    /** Builds the function, and only what this fork's method measures. */
    @Setup
    public void setUp(BenchmarkParams params) {
        f = Suite.scalar(function);
        point = f.point();
        int n = f.dimension();
        hessian = new double[n * n];
        String method = Methods.name(params);
        if (method.equals("hipparchusDerivativeStructure")) {
            structures = new Hipparchus.Structures(n, 2);
        }
        String id = Methods.providerId(method);
        if (id != null) {
            derivatives = Methods.prepare(id, f.formula());
            double[] expected = new double[n * n];
            f.hessian(point, expected);
            derivatives.hessian(point, hessian);
            Methods.compare(derivatives, function, "Hessian", expected, hessian);
        }
    }

    /** f alone, plain Java: the ADBench denominator. */
    @Benchmark
    public double plainJava() {
        return f.value(point);
    }

    /** The hand-derived Hessian, plain Java. */
    @Benchmark
    public double[] handWritten() {
        f.hessian(point, hessian);
        return hessian;
    }

    /** Hipparchus {@code DerivativeStructure}, order 2. */
    @Benchmark
    public double[] hipparchusDerivativeStructure() {
        structures.hessian(f, point, hessian);
        return hessian;
    }

    /** Provider {@code dual}. */
    @Benchmark
    public double[] dual() {
        derivatives.hessian(point, hessian);
        return hessian;
    }

    /** Provider {@code symbolic}. */
    @Benchmark
    public double[] symbolic() {
        derivatives.hessian(point, hessian);
        return hessian;
    }

    /** Provider {@code finite-difference}. */
    @Benchmark
    public double[] finiteDifference() {
        derivatives.hessian(point, hessian);
        return hessian;
    }
}
